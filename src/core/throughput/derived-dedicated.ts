import type { Workload } from "../episode-shape.js";
import { assertPositive } from "../validate.js";
import { type CacheSurvival, cacheSurvival } from "./cache-survival.js";
import { type DerivedVsSaturated, derivedVsSaturated, type SaturatedTerms } from "./derived-vs-saturated.js";
import { kvCapacity } from "./kv-capacity.js";
import { type ReplicaSimulation, simulateReplica } from "./simulate-replica.js";
import type { Efficiencies, ModelArchitecture, Replica } from "./types.js";

export interface DerivedDedicatedInput {
  model: ModelArchitecture;
  replica: Replica;
  efficiencies: Efficiencies;
  workload: Workload;
  /** Episodes run at once; default: as many as the cache holds at their peak context (at least 1). */
  episodesInFlight?: number | undefined;
  /** The page's saturated constants for the same GPUs, to set beside the simulation. */
  saturated: SaturatedTerms;
  usdPerGpuHour: number;
}

/** A dedicated replica priced on derived throughput, beside the page's saturated-constant figure. */
export interface DerivedDedicated {
  ok: true;
  episodesInFlight: number;
  survival: CacheSurvival;
  /** The replica keeping caches between turns (LRU past capacity). */
  reuse: ReplicaSimulation;
  /** The same replica re-prefilling every turn's whole prompt. */
  reprefill: ReplicaSimulation;
  /** Re-prefill ÷ reuse prefill GPU time (3.52 measured for the page's shape on one H100, docs/throughput.md). */
  prefillReprefillToReuseRatio: number;
  /** The same ratio with decode time included. */
  busyReprefillToReuseRatio: number;
  comparison: DerivedVsSaturated;
  warnings: string[];
}

/**
 * Simulates the workload on one replica, turn by turn, with and without the cache, and sets the result
 * beside the page's saturated-constant cluster-hours. `{ ok: false }` when the model cannot run there.
 */
export function derivedDedicated(
  input: DerivedDedicatedInput,
): DerivedDedicated | { ok: false; reason: string } {
  assertPositive("usdPerGpuHour", input.usdPerGpuHour);
  assertPositive("promptTokensPerSecond", input.saturated.promptTokensPerSecond);
  assertPositive("decodeTokensPerSecond", input.saturated.decodeTokensPerSecond);
  const capacity = kvCapacity(input.model, input.replica, input.efficiencies.memoryUtilizationFraction);
  if (!capacity.ok) return capacity;
  const fitAtPeak = cacheSurvival(capacity, input.workload.shape, 1).episodesWhoseCachesFit;
  const inFlight = input.episodesInFlight ?? Math.min(input.workload.episodes, Math.max(1, fitAtPeak));
  const survival = cacheSurvival(capacity, input.workload.shape, inFlight);
  const common = { ...input, episodesInFlight: inFlight };
  const reuse = simulateReplica({ ...common, cache: "reuse" });
  if (!reuse.ok) return reuse;
  const reprefill = simulateReplica({ ...common, cache: "reprefill" });
  if (!reprefill.ok) return reprefill;
  const warnings: string[] = [];
  if (!survival.fits) {
    warnings.push(
      `cache survival: ${inFlight} episodes in flight but only ${survival.episodesWhoseCachesFit} fit at their peak context of ${survival.peakContextTokens} tokens; LRU eviction cuts the cache hit to ${(reuse.effectiveCacheHitFraction * 100).toFixed(1)}%`,
    );
  }
  const ratio = (a: number, b: number) => (b > 0 ? a / b : 1);
  return {
    ok: true,
    episodesInFlight: inFlight,
    survival,
    reuse,
    reprefill,
    prefillReprefillToReuseRatio: ratio(reprefill.prefillSeconds, reuse.prefillSeconds),
    busyReprefillToReuseRatio: ratio(reprefill.busySeconds, reuse.busySeconds),
    comparison: derivedVsSaturated(input.workload, reuse, input.saturated, {
      gpus: input.replica.gpus,
      usdPerGpuHour: input.usdPerGpuHour,
    }),
    warnings,
  };
}
