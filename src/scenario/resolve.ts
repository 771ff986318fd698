// Preset + what the user chose → a complete Scenario. Every default is decided here, once, and named
// with where it came from, so every surface shows the same figure with the same source.
import { CATALOG, type Catalog, type DedicatedDefault, type Model, type Preset } from "../catalog/index.js";
import { modelByName } from "../catalog/lookup.js";
import { DEFAULT_PRESET_ID } from "../catalog/presets.js";
import type { Overlap } from "../core/cluster-hours.js";
import type { ContextPolicy } from "../core/context-policy.js";
import type { Workload } from "../core/episode-shape.js";
import { echo } from "../format/echo.js";
import type { ScenarioValues, ThroughputSource } from "./fields.js";
import { ScenarioError, unknownName } from "./scenario-error.js";

/** A figure the user did not give, the value chosen for it, and where that value comes from. */
export interface NamedDefault {
  key: string;
  value: string | number;
  source: string;
}

/** The dedicated deployment the preset describes for the model, with the user's changes applied. */
export interface DedicatedChoice {
  gpuType: string;
  gpus: number;
  promptTokensPerSecond: number;
  decodeTokensPerSecond: number;
  /** The catalog's entry the unchanged figures come from. */
  catalogEntry: DedicatedDefault;
}

/** Training priced with each RL step. */
export interface TrainingChoice {
  passes: number;
  steps: number;
  trainTokensPerSecond?: number;
}

/** Everything needed to price a scenario, every default filled in and named. */
export interface Scenario {
  /** What the user set, with the model named by its catalog id. */
  values: ScenarioValues;
  preset: Preset;
  model: Model;
  workload: Workload;
  contextPolicy: ContextPolicy;
  windowTokens: number;
  overlap: Overlap;
  /** Undefined when the preset has no dedicated figures for the model. */
  dedicated: DedicatedChoice | undefined;
  /** Dedicated plans' throughput: the catalog's saturated constants, or derived by the throughput model. */
  throughput: ThroughputSource;
  minimumBilledHours?: number;
  training?: TrainingChoice;
  defaults: NamedDefault[];
}

/** The preset a scenario prices with; a ScenarioError naming `preset` when the catalog has none. */
export function presetFor(values: ScenarioValues, catalog: Catalog = CATALOG): Preset {
  const id = values.preset ?? DEFAULT_PRESET_ID;
  const preset = catalog.presets.find((p) => p.id === id);
  if (!preset)
    throw new ScenarioError(
      "preset",
      unknownName(
        "preset",
        id,
        catalog.presets.map((p) => p.id),
      ),
    );
  return preset;
}

/** The catalog model a name means (id or alias); a ScenarioError naming `model` when none. */
export function modelFor(name: string, catalog: Catalog = CATALOG): Model {
  const model = modelByName(name, catalog);
  if (!model)
    throw new ScenarioError(
      "model",
      unknownName(
        "model",
        name,
        catalog.models.map((m) => m.id),
      ),
    );
  return model;
}

/**
 * The complete scenario `values` describe under their preset (default: the Fireworks page's). Throws a
 * ScenarioError naming the field when a name is unknown or two inputs do not go together.
 */
export function resolveScenario(values: ScenarioValues, catalog: Catalog = CATALOG): Scenario {
  const preset = presetFor(values, catalog);
  const d = preset.workloadDefaults;
  const model = modelFor(values.model ?? d.modelId, catalog);
  const defaults: NamedDefault[] = [];
  const pick = <T extends string | number>(
    key: string,
    given: T | undefined,
    fallback: T,
    source: string,
  ): T => {
    if (given !== undefined) return given;
    defaults.push({ key, value: fallback, source });
    return fallback;
  };
  if (values.preset === undefined)
    defaults.push({ key: "preset", value: preset.id, source: "rollout-cost's default preset" });
  if (values.model === undefined) defaults.push({ key: "model", value: model.id, source: d.source });
  const workloadSource = `${d.source} (as of ${d.asOf})`;
  const workload: Workload = {
    episodes: pick("episodes", values.episodes, d.episodes, workloadSource),
    shape: {
      turns: pick("turns", values.turns, d.turns, workloadSource),
      initialPromptTokens: pick(
        "initialPromptTokens",
        values.initialPromptTokens,
        d.initialPromptTokens,
        workloadSource,
      ),
      addedTokensPerTurn: pick(
        "addedTokensPerTurn",
        values.addedTokensPerTurn,
        d.addedTokensPerTurn,
        workloadSource,
      ),
      generatedTokensPerTurn: pick(
        "generatedTokensPerTurn",
        values.generatedTokensPerTurn,
        d.generatedTokensPerTurn,
        workloadSource,
      ),
    },
  };
  const contextPolicy = pick(
    "contextPolicy",
    values.contextPolicy,
    preset.contextPolicy.policy,
    preset.contextPolicy.source,
  );
  const overlap = pick<Overlap>(
    "overlap",
    values.overlap,
    "max",
    "the Fireworks page: prefill and decode overlap perfectly",
  );
  const entry = preset.dedicatedDefaults.find((x) => x.modelId === model.id);
  const entrySource = entry && `${entry.source} (as of ${entry.asOf})`;
  const dedicated: DedicatedChoice | undefined = entry && {
    gpuType: pick("gpuType", values.gpuType, entry.gpuType, entrySource ?? ""),
    gpus: pick("gpus", values.gpus, entry.gpus, entrySource ?? ""),
    promptTokensPerSecond: pick(
      "promptTokensPerSecond",
      values.promptTokensPerSecond,
      entry.promptTokensPerSecond,
      `${entrySource}; saturated, constant`,
    ),
    decodeTokensPerSecond: pick(
      "decodeTokensPerSecond",
      values.decodeTokensPerSecond,
      entry.decodeTokensPerSecond,
      `${entrySource}; saturated, constant`,
    ),
    catalogEntry: entry,
  };
  const throughput = pick<ThroughputSource>(
    "throughput",
    values.throughput,
    "saturated",
    "the catalog's saturated, constant figures until the derived model meets its published-error goal",
  );
  checkCombinations(values, catalog);
  const training: TrainingChoice | undefined =
    values.trainPasses === undefined
      ? undefined
      : {
          passes: values.trainPasses,
          steps: pick("steps", values.steps, 1, "one RL step unless told"),
          ...(values.trainTokensPerSecond !== undefined && {
            trainTokensPerSecond: values.trainTokensPerSecond,
          }),
        };
  return {
    values: { ...values, model: model.id },
    preset,
    model,
    workload,
    contextPolicy,
    windowTokens: model.contextWindowTokens,
    overlap,
    dedicated,
    throughput,
    ...(values.minimumBilledHours !== undefined && { minimumBilledHours: values.minimumBilledHours }),
    ...(training && { training }),
    defaults,
  };
}

function checkCombinations(values: ScenarioValues, catalog: Catalog): void {
  if (
    values.selfHostedUsdPerGpuHour === undefined &&
    (values.selfHostedGpuType !== undefined || values.selfHostedGpus !== undefined)
  ) {
    throw new ScenarioError(
      "selfHostedUsdPerGpuHour",
      "--self-hosted-gpu/--self-hosted-gpus need --self-hosted <$/GPU-hour>",
    );
  }
  const prefill = values.customUsdPerMillionPrefill;
  const sample = values.customUsdPerMillionSample;
  const extra = values.customUsdPerMillionCachedPrefill ?? values.customUsdPerMillionTrain;
  if ((prefill === undefined) !== (sample === undefined) || (extra !== undefined && prefill === undefined)) {
    throw new ScenarioError(
      "customUsdPerMillionPrefill",
      "--custom-prefill and --custom-sample must be given together (with optional --custom-cached-prefill, --custom-train)",
    );
  }
  if (
    values.trainPasses === undefined &&
    (values.trainTokensPerSecond !== undefined || values.steps !== undefined)
  ) {
    throw new ScenarioError("trainPasses", "--train-tps and --steps need --train-passes <n>");
  }
  const own = values.selfHostedGpuType;
  if (own !== undefined && (!GPU_NAME.test(own) || /^(nan|infinity|undefined|null)$/i.test(own))) {
    throw new ScenarioError(
      "selfHostedGpuType",
      `--self-hosted-gpu must be a GPU name like H100_80GB (a letter, then letters, digits, _ . -; at most 40), got ${echo(own)}`,
    );
  }
  // Dedicated plans on a chosen GPU need its specification and rates: only the catalog's GPUs.
  const chosen = values.gpuType;
  const known = catalog.gpus.map((g) => g.id);
  if (chosen !== undefined && !known.includes(chosen)) {
    throw new ScenarioError("gpuType", unknownName("GPU", chosen, known));
  }
}

// A GPU name is printed in labels: plain characters only, and no word that reads as a broken figure.
const GPU_NAME = /^[A-Za-z][A-Za-z0-9_.-]{0,39}$/;
