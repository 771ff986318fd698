import type { EpisodeShape } from "./episode-shape.js";

/** One episode's token counts under perfect session affinity, in the Fireworks page's closed form. */
export interface EpisodeTokens {
  /** Σ P_t: every turn's whole prompt; what per-token billing without a cache charges as prefill. */
  promptSummedPerEpisode: number;
  /** P_T, the last turn's prompt: what a deployment that keeps the cache prefills. */
  uniquePromptPerEpisode: number;
  /** Prompt tokens served from the prefix cache: Σ P_t − P_T. */
  cachedPromptPerEpisode: number;
  /** T × G. */
  decodePerEpisode: number;
  /** cached ÷ summed × 100, or 0 when nothing is prompted. */
  cacheHitPercent: number;
  /** P_T + G: the longest context the episode needs, its last prompt plus the last generation. */
  peakContextTokens: number;
}

/**
 * Per-episode token counts, written in the same operation order as the Fireworks page so that results
 * agree with it to the last bit: Σ P_t = T·P1 + Δ·T(T−1)/2 and P_T = P1 + (T−1)·Δ.
 */
export function episodeTokens(shape: EpisodeShape): EpisodeTokens {
  const t = shape.turns;
  const promptSummed = t * shape.initialPromptTokens + (shape.addedTokensPerTurn * (t * (t - 1))) / 2;
  const finalPrompt = shape.initialPromptTokens + (t - 1) * shape.addedTokensPerTurn;
  const cached = Math.max(0, promptSummed - finalPrompt);
  return {
    promptSummedPerEpisode: promptSummed,
    uniquePromptPerEpisode: finalPrompt,
    cachedPromptPerEpisode: cached,
    decodePerEpisode: t * shape.generatedTokensPerTurn,
    cacheHitPercent: promptSummed > 0 ? (cached / promptSummed) * 100 : 0,
    peakContextTokens: finalPrompt + shape.generatedTokensPerTurn,
  };
}
