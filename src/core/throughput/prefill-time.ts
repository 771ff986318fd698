import { attentionFlopsPerAttendedToken, slidingFlopsPerToken } from "./flops.js";
import { kvBytesPerToken } from "./kv-bytes.js";
import { kvCopiesPerReplica } from "./kv-copies.js";
import { type StepBreakdown, stepBreakdown } from "./step-breakdown.js";
import type { Efficiencies, ModelArchitecture, Replica } from "./types.js";

/** One prefill pass: `sequences` sequences, each adding `newTokens` onto `cachedTokens` already cached. */
export interface PrefillWork {
  newTokens: number;
  cachedTokens: number;
  sequences?: number;
}

/** Where a step's time came from: its compute, memory and host-overhead bounds, the terms added to them, and the largest. */
export interface RooflineSeconds {
  seconds: number;
  computeSeconds: number;
  memorySeconds: number;
  overheadSeconds: number;
  /** Exposed communication and the latency floor, added to max(compute, memory, overhead). */
  addedSeconds?: number | undefined;
  bound: StepBreakdown["bound"];
  breakdown?: StepBreakdown | undefined;
}

/** The largest of the three bounds, named (for a step with no breakdown: compute and memory overlap). */
export function rooflineOf(
  computeSeconds: number,
  memorySeconds: number,
  overheadSeconds: number,
): RooflineSeconds {
  const seconds = Math.max(computeSeconds, memorySeconds, overheadSeconds);
  const bound = seconds === computeSeconds ? "compute" : seconds === memorySeconds ? "memory" : "overhead";
  return { seconds, computeSeconds, memorySeconds, overheadSeconds, bound };
}

/** A step breakdown as a RooflineSeconds. */
export function rooflineOfBreakdown(breakdown: StepBreakdown): RooflineSeconds {
  return {
    seconds: breakdown.seconds,
    computeSeconds: breakdown.computeSeconds,
    memorySeconds: breakdown.memorySeconds,
    overheadSeconds: breakdown.overheadSeconds,
    addedSeconds: breakdown.communicationSeconds + breakdown.floorSeconds,
    bound: breakdown.bound,
    breakdown,
  };
}

/**
 * Seconds to prefill: weight FLOPs (2 × active params per new token) plus causal attention over the cached
 * context and the new tokens themselves (Δ·L + Δ(Δ+1)/2 attended pairs), split over the replica's GPUs; or,
 * if larger, the time to stream the weights once and read the cached KV; plus exposed communication and
 * the per-step latency floor (stepBreakdown).
 */
export function prefillSeconds(
  model: ModelArchitecture,
  replica: Replica,
  efficiencies: Efficiencies,
  work: PrefillWork,
): RooflineSeconds {
  const sequences = work.sequences ?? 1;
  const { newTokens: delta, cachedTokens: cached } = work;
  const attendedPairs = delta * cached + (delta * (delta + 1)) / 2;
  const attentionFlops =
    (attentionFlopsPerAttendedToken(model, "prefill") * attendedPairs +
      slidingFlopsPerToken(model, cached + delta) * delta) *
    sequences;
  const kvBytes = kvBytesPerToken(model) * kvCopiesPerReplica(model, replica) * cached * sequences;
  return rooflineOfBreakdown(
    stepBreakdown(model, replica, efficiencies, {
      tokens: delta * sequences,
      attentionFlops,
      kvBytes,
      sequences,
    }),
  );
}
