const SECONDS_PER_HOUR = 3600;

/**
 * How prefill and decode share a dedicated cluster's time. `max` is the Fireworks page's assumption
 * (they overlap perfectly, so the longer of the two sets the time); `sum` is the conservative bound
 * for GPUs that do one or the other.
 */
export type Overlap = "max" | "sum";

/** The work a dedicated cluster does, and its saturated throughput. */
export interface ClusterWork {
  uncachedPromptTokens: number;
  decodeTokens: number;
  promptTokensPerSecond: number;
  decodeTokensPerSecond: number;
}

/** Seconds the cluster is busy: prefill time and decode time combined by `overlap`. */
export function clusterSecondsFor(work: ClusterWork, overlap: Overlap = "max"): number {
  const prefillSeconds = work.uncachedPromptTokens / work.promptTokensPerSecond;
  const decodeSeconds = work.decodeTokens / work.decodeTokensPerSecond;
  return overlap === "max" ? Math.max(prefillSeconds, decodeSeconds) : prefillSeconds + decodeSeconds;
}

/** Hours the cluster is busy, as clusterSecondsFor ÷ 3600. */
export function clusterHoursFor(work: ClusterWork, overlap: Overlap = "max"): number {
  return clusterSecondsFor(work, overlap) / SECONDS_PER_HOUR;
}
