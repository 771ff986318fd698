import type { Workload } from "../core/episode-shape.js";
import { CATALOG, type Catalog, type Model, type Preset } from "./index.js";
import { modelById, presetById } from "./lookup.js";

/** The workload fields a user may set; the rest come from the preset's defaults. */
export interface ScenarioOptions {
  preset?: string;
  modelId?: string;
  episodes?: number;
  turns?: number;
  initialPromptTokens?: number;
  addedTokensPerTurn?: number;
  generatedTokensPerTurn?: number;
}

/** The preset, model and workload for `options`; throws `unknown preset/model` RangeErrors. */
export function resolveScenario(
  options: ScenarioOptions,
  catalog: Catalog = CATALOG,
): { preset: Preset; model: Model; workload: Workload } {
  const preset = presetById(options.preset ?? "reference", catalog);
  const d = preset.workloadDefaults;
  const model = modelById(options.modelId ?? d.modelId, catalog);
  return {
    preset,
    model,
    workload: {
      episodes: options.episodes ?? d.episodes,
      shape: {
        turns: options.turns ?? d.turns,
        initialPromptTokens: options.initialPromptTokens ?? d.initialPromptTokens,
        addedTokensPerTurn: options.addedTokensPerTurn ?? d.addedTokensPerTurn,
        generatedTokensPerTurn: options.generatedTokensPerTurn ?? d.generatedTokensPerTurn,
      },
    },
  };
}
