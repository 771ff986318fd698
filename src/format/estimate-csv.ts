import type { ReferenceEstimate, ReferenceInput } from "../core/estimate.js";
import { vsTinkerLabel } from "./vs-tinker.js";

export const ESTIMATE_CSV_COLUMNS = [
  "plan",
  "episodes",
  "turns",
  "promptSummedPerEpisode",
  "uniquePromptPerEpisode",
  "cachedPromptPerEpisode",
  "decodePerEpisode",
  "cacheHitPercent",
  "gpuType",
  "gpus",
  "usdPerGpuHour",
  "clusterHours",
  "usdPerEpisode",
  "usdTotal",
  "vsTinker",
  "warnings",
] as const;

/** One CSV row per plan, unrounded, with the shared token math repeated on each row. */
export function estimateCsvRows(input: ReferenceInput, result: ReferenceEstimate): Record<string, unknown>[] {
  const common = {
    episodes: input.workload.episodes,
    turns: input.workload.shape.turns,
    ...result.tokens,
    warnings: result.warnings.join(" | "),
  };
  const { tinker, dedicated } = result.plans;
  return [
    {
      plan: "tinker",
      ...common,
      usdPerEpisode: tinker.usdPerEpisode,
      usdTotal: tinker.usdTotal,
      vsTinker: "1×",
    },
    { plan: "dedicated", ...common, ...dedicated, vsTinker: vsTinkerLabel(result) },
  ];
}
