import type { Workload } from "./episode-shape.js";
import { episodeTokens } from "./episode-tokens.js";

/**
 * A whole workload's tokens, the common input of every plan's bill: from a uniform shape (the reference
 * page's closed form), a per-turn ledger, or real request logs.
 */
export interface WorkloadTokens {
  episodes: number;
  /** Σ over every request of its whole prompt: what per-token billing without a cache charges. */
  promptTokens: number;
  /** Of those, the tokens served from the prefix cache (billed at a cached rate, or not prefilled). */
  cachedPromptTokens: number;
  /** Tokens generated. */
  decodeTokens: number;
  /** The longest context any request needed (prompt + generation), for context tiers and windows. */
  peakContextTokens: number;
}

/** The workload's tokens under perfect session affinity, from the Fireworks page's closed form. */
export function workloadTokensFromShape(workload: Workload): WorkloadTokens {
  const perEpisode = episodeTokens(workload.shape);
  return {
    episodes: workload.episodes,
    promptTokens: perEpisode.promptSummedPerEpisode * workload.episodes,
    cachedPromptTokens: perEpisode.cachedPromptPerEpisode * workload.episodes,
    decodeTokens: perEpisode.decodePerEpisode * workload.episodes,
    peakContextTokens: perEpisode.peakContextTokens,
  };
}
