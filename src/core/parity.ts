const SECONDS_PER_HOUR = 3600;

/** What the at-par bounds are computed from: totals over all episodes and the dedicated plan's terms. */
export interface ParityInput {
  perTokenTotalUsd: number;
  uncachedPromptTokensTotal: number;
  decodeTokensTotal: number;
  gpus: number;
  usdPerGpuHour: number;
  promptTokensPerSecond: number;
  decodeTokensPerSecond: number;
}

/** The Fireworks page's at-par bounds for a dedicated plan against a per-token plan. */
export interface ParityBounds {
  /**
   * The most GPUs at which the dedicated side still costs no more than the per-token side, with the
   * page's floor of 1; null when the dedicated cluster does no work (any count would do).
   */
  maxGpus: number | null;
  /** The least cluster prompt tok/s at which dedicated costs no more (page: ÷ max(Tinker-seconds, 1)). */
  minPromptTokensPerSecond: number;
  /** The least cluster decode tok/s at which dedicated costs no more. */
  minDecodeTokensPerSecond: number;
  /** True when even one GPU costs more than the per-token side, so `maxGpus` is only the page's floor. */
  maxGpusIsFloor: boolean;
}

/**
 * The three at-par bounds, computed as the Fireworks page computes them: the seconds of cluster time
 * the per-token bill would buy, and from them the least throughputs and the most GPUs. Each bound
 * holds the other two inputs at their current values and assumes the `max` overlap.
 */
export function parityBounds(input: ParityInput): ParityBounds {
  const perTokenSeconds = (input.perTokenTotalUsd * SECONDS_PER_HOUR) / (input.gpus * input.usdPerGpuHour);
  const busySeconds = Math.max(
    input.uncachedPromptTokensTotal / input.promptTokensPerSecond,
    input.decodeTokensTotal / input.decodeTokensPerSecond,
  );
  const gpusAtPar = Math.floor(
    (input.perTokenTotalUsd * SECONDS_PER_HOUR) / (busySeconds * input.usdPerGpuHour),
  );
  return {
    maxGpus: Number.isFinite(gpusAtPar) ? Math.max(1, gpusAtPar) : null,
    minPromptTokensPerSecond: input.uncachedPromptTokensTotal / Math.max(perTokenSeconds, 1),
    minDecodeTokensPerSecond: input.decodeTokensTotal / Math.max(perTokenSeconds, 1),
    maxGpusIsFloor: Number.isFinite(gpusAtPar) && gpusAtPar < 1,
  };
}
