import { clusterHoursFor } from "./cluster-hours.js";
import { contextWindowWarning } from "./context-window.js";
import type { Workload } from "./episode-shape.js";
import { type EpisodeTokens, episodeTokens } from "./episode-tokens.js";
import { LIMITS } from "./limits.js";
import { type ParityBounds, parityBounds } from "./parity.js";
import { type PerTokenRates, perTokenEpisodeCostUsd } from "./per-token-cost.js";
import { assertInteger, assertPositive } from "./validate.js";
import { validateWorkload } from "./validate-workload.js";

/** A dedicated deployment billed by the GPU-hour at saturated, constant throughput. */
export interface DedicatedTerms {
  gpuType: string;
  gpus: number;
  usdPerGpuHour: number;
  /** Cluster-wide prefill throughput, tokens per second. */
  promptTokensPerSecond: number;
  /** Cluster-wide decode throughput, tokens per second. */
  decodeTokensPerSecond: number;
}

/** Everything the Fireworks page's calculator takes. */
export interface ReferenceInput {
  workload: Workload;
  perToken: PerTokenRates;
  dedicated: DedicatedTerms;
  /** The model's context window, for the warning; omit to skip the check. */
  contextWindow?: { tokens: number; modelLabel: string };
}

/** What the Fireworks page shows, unrounded, plus warnings it does not give. */
export interface ReferenceEstimate {
  tokens: EpisodeTokens;
  plans: {
    tinker: { usdPerEpisode: number; usdTotal: number };
    dedicated: DedicatedTerms & {
      overlap: "max";
      clusterHours: number;
      usdPerEpisode: number;
      usdTotal: number;
    };
  };
  parity: Omit<ParityBounds, "maxGpusIsFloor">;
  warnings: string[];
}

/**
 * The Fireworks page's comparison: per-token billing that re-prefills every turn against a dedicated
 * cluster that prefills each episode's unique tokens once, busy for max(prefill time, decode time)
 * (the page's assumption that the two overlap perfectly). Throws RangeError on invalid input.
 */
export function estimateReference(input: ReferenceInput): ReferenceEstimate {
  validateWorkload(input.workload);
  const { dedicated, perToken } = input;
  assertInteger("gpus", dedicated.gpus, LIMITS.gpus.min, LIMITS.gpus.max);
  assertPositive("promptTokensPerSecond", dedicated.promptTokensPerSecond);
  assertPositive("decodeTokensPerSecond", dedicated.decodeTokensPerSecond);
  assertPositive("usdPerGpuHour", dedicated.usdPerGpuHour);

  const { episodes, shape } = input.workload;
  const tokens = episodeTokens(shape);
  const tinkerPerEpisode = perTokenEpisodeCostUsd(
    { promptTokens: tokens.promptSummedPerEpisode, decodeTokens: tokens.decodePerEpisode },
    perToken,
  );
  const tinkerTotal = tinkerPerEpisode * episodes;
  const uncachedTotal = tokens.uniquePromptPerEpisode * episodes;
  const decodeTotal = tokens.decodePerEpisode * episodes;
  const clusterHours = clusterHoursFor({
    uncachedPromptTokens: uncachedTotal,
    decodeTokens: decodeTotal,
    promptTokensPerSecond: dedicated.promptTokensPerSecond,
    decodeTokensPerSecond: dedicated.decodeTokensPerSecond,
  });
  const dedicatedTotal = clusterHours * dedicated.gpus * dedicated.usdPerGpuHour;
  // Properties are listed one by one: object spread and rest are the slow path in this hot function.
  const bounds = parityBounds({
    perTokenTotalUsd: tinkerTotal,
    uncachedPromptTokensTotal: uncachedTotal,
    decodeTokensTotal: decodeTotal,
    gpus: dedicated.gpus,
    usdPerGpuHour: dedicated.usdPerGpuHour,
    promptTokensPerSecond: dedicated.promptTokensPerSecond,
    decodeTokensPerSecond: dedicated.decodeTokensPerSecond,
  });

  const warnings: string[] = [];
  const windowWarning = input.contextWindow && contextWindowWarning(shape, input.contextWindow);
  if (windowWarning) warnings.push(windowWarning);
  if (bounds.maxGpusIsFloor) {
    warnings.push(
      "parity: even 1 GPU at these throughputs costs more than per-token billing; maxGpus shows the page's floor of 1",
    );
  }

  return {
    tokens,
    plans: {
      tinker: { usdPerEpisode: tinkerPerEpisode, usdTotal: tinkerTotal },
      dedicated: {
        gpuType: dedicated.gpuType,
        gpus: dedicated.gpus,
        usdPerGpuHour: dedicated.usdPerGpuHour,
        promptTokensPerSecond: dedicated.promptTokensPerSecond,
        decodeTokensPerSecond: dedicated.decodeTokensPerSecond,
        overlap: "max",
        clusterHours,
        usdPerEpisode: dedicatedTotal / episodes,
        usdTotal: dedicatedTotal,
      },
    },
    parity: {
      maxGpus: bounds.maxGpus,
      minPromptTokensPerSecond: bounds.minPromptTokensPerSecond,
      minDecodeTokensPerSecond: bounds.minDecodeTokensPerSecond,
    },
    warnings,
  };
}
