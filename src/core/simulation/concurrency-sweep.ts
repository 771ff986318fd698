import type { RolloutSimulationInput } from "./rollout-input.js";
import type { RolloutSimulation } from "./rollout-result.js";
import { simulateRollout } from "./simulate-rollout.js";

/** One concurrency of a sweep: the simulation there, or why it could not run. */
export interface SweepPoint {
  concurrency: number;
  result: RolloutSimulation | { ok: false; reason: string };
  /** Hit ÷ ideal hit (1 when nothing is lost; 1 also when there is nothing to reuse). */
  survivalFraction: number;
}

/** The simulation at each concurrency, and the first concurrency whose survival falls below `threshold`. */
export function sweepConcurrency(
  input: RolloutSimulationInput,
  levels: readonly number[],
  threshold: number,
): { points: SweepPoint[]; firstBrokenConcurrency: number | null } {
  if (!(threshold > 0 && threshold <= 1))
    throw new RangeError(`threshold must be in (0, 1], got ${threshold}`);
  const points = levels.map((concurrency) => {
    const result = simulateRollout({ ...input, concurrency });
    const survivalFraction =
      result.ok && result.idealCacheHitFraction > 0
        ? result.cacheHitFraction / result.idealCacheHitFraction
        : 1;
    return { concurrency, result, survivalFraction };
  });
  const broken = points.find((p) => p.result.ok && p.survivalFraction < threshold);
  return { points, firstBrokenConcurrency: broken?.concurrency ?? null };
}
