import type { EpisodeShape } from "../episode-shape.js";
import type { KvCapacity } from "./kv-capacity.js";

/** Whether a replica's cache holds every in-flight episode at its longest context. */
export interface CacheSurvival {
  /** P1 + (T − 1)Δ + G: the context an episode holds during its last turn. */
  peakContextTokens: number;
  /** Replica-wide bytes one episode's cache takes at that peak, copies and fixed state included. */
  bytesPerEpisodeAtPeak: number;
  /** Episodes whose caches fit together at their peak; more in flight than this forces LRU eviction. */
  episodesWhoseCachesFit: number;
  fits: boolean;
}

/** How many episodes' caches a replica holds at the episode's peak context, and whether `episodesInFlight` fit. */
export function cacheSurvival(
  capacity: Extract<KvCapacity, { ok: true }>,
  shape: EpisodeShape,
  episodesInFlight: number,
): CacheSurvival {
  const peakContextTokens =
    shape.initialPromptTokens + (shape.turns - 1) * shape.addedTokensPerTurn + shape.generatedTokensPerTurn;
  const bytesPerEpisodeAtPeak =
    peakContextTokens * capacity.bytesPerCachedToken + capacity.fixedBytesPerSequence;
  const episodesWhoseCachesFit = Math.floor(capacity.freeBytesPerReplica / bytesPerEpisodeAtPeak);
  return {
    peakContextTokens,
    bytesPerEpisodeAtPeak,
    episodesWhoseCachesFit,
    fits: episodesInFlight <= episodesWhoseCachesFit,
  };
}
