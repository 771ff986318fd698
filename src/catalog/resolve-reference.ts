import type { ReferenceInput } from "../core/estimate.js";
import { CATALOG, type Catalog, type Model, type Preset } from "./index.js";
import { dedicatedDefaultFor, gpuRateFor, perTokenPriceFor } from "./lookup.js";
import { resolveScenario, type ScenarioOptions } from "./resolve-scenario.js";

/** What a user may set; anything left out takes the preset's default for the chosen model. */
export interface ReferenceOptions extends ScenarioOptions {
  gpus?: number;
  promptTokensPerSecond?: number;
  decodeTokensPerSecond?: number;
}

/** The figures a reference estimate used, with where each came from. */
export interface ReferenceProvenance {
  preset: Preset;
  model: Model;
  perTokenPrice: { id: string; provider: string; source: string; asOf: string };
  gpuRate: { source: string; asOf: string | undefined };
  dedicatedDefaults: { source: string; asOf: string };
}

/** Fills `options` from the catalog's preset (the reference page's defaults unless told otherwise). */
export function resolveReference(
  options: ReferenceOptions,
  catalog: Catalog = CATALOG,
): { input: ReferenceInput; provenance: ReferenceProvenance } {
  const { preset, model, workload } = resolveScenario(options, catalog);
  const price = perTokenPriceFor(preset, model.id, catalog);
  const dedicated = dedicatedDefaultFor(preset, model.id);
  const rate = gpuRateFor(preset, dedicated.gpuType, catalog);
  const input: ReferenceInput = {
    workload,
    perToken: {
      usdPerMillionPrefill: price.usdPerMillionPrefill,
      usdPerMillionSample: price.usdPerMillionSample,
    },
    dedicated: {
      gpuType: dedicated.gpuType,
      gpus: options.gpus ?? dedicated.gpus,
      usdPerGpuHour: rate.usdPerGpuHour,
      promptTokensPerSecond: options.promptTokensPerSecond ?? dedicated.promptTokensPerSecond,
      decodeTokensPerSecond: options.decodeTokensPerSecond ?? dedicated.decodeTokensPerSecond,
    },
    contextWindow: { tokens: model.contextWindowTokens, modelLabel: model.label },
  };
  return {
    input,
    provenance: {
      preset,
      model,
      perTokenPrice: { id: price.id, provider: price.provider, source: price.source, asOf: price.asOf },
      gpuRate: { source: rate.source, asOf: rate.asOf },
      dedicatedDefaults: { source: dedicated.source, asOf: dedicated.asOf },
    },
  };
}
