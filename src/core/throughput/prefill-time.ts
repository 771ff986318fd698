import { attentionFlopsPerAttendedToken, linearFlopsPerToken, slidingFlopsPerToken } from "./flops.js";
import { kvBytesPerToken } from "./kv-bytes.js";
import { kvCopiesPerReplica } from "./kv-copies.js";
import { peakFlopsPerSecond } from "./peak-flops.js";
import type { Efficiencies, ModelArchitecture, Replica } from "./types.js";
import { weightBytesRead } from "./weight-bytes.js";

/** One prefill pass: `sequences` sequences, each adding `newTokens` onto `cachedTokens` already cached. */
export interface PrefillWork {
  newTokens: number;
  cachedTokens: number;
  sequences?: number;
}

/** Where a roofline time came from: its compute, memory and host-overhead bounds, and the larger. */
export interface RooflineSeconds {
  seconds: number;
  computeSeconds: number;
  memorySeconds: number;
  overheadSeconds: number;
  bound: "compute" | "memory" | "overhead";
}

/** The largest of the three bounds, named. */
export function rooflineOf(
  computeSeconds: number,
  memorySeconds: number,
  overheadSeconds: number,
): RooflineSeconds {
  const seconds = Math.max(computeSeconds, memorySeconds, overheadSeconds);
  const bound = seconds === computeSeconds ? "compute" : seconds === memorySeconds ? "memory" : "overhead";
  return { seconds, computeSeconds, memorySeconds, overheadSeconds, bound };
}

/**
 * Seconds to prefill: weight FLOPs (2 × active params per new token) plus causal attention over the cached
 * context and the new tokens themselves (Δ·L + Δ(Δ+1)/2 attended pairs), split over the replica's GPUs; or,
 * if larger, the time to stream the weights once and read the cached KV.
 */
export function prefillSeconds(
  model: ModelArchitecture,
  replica: Replica,
  efficiencies: Efficiencies,
  work: PrefillWork,
): RooflineSeconds {
  const sequences = work.sequences ?? 1;
  const { newTokens: delta, cachedTokens: cached } = work;
  const peak = peakFlopsPerSecond(replica.gpu, model) * replica.gpus;
  const attendedPairs = delta * cached + (delta * (delta + 1)) / 2;
  const linearFlops = linearFlopsPerToken(model) * delta * sequences;
  const attentionFlops =
    (attentionFlopsPerAttendedToken(model, "prefill") * attendedPairs +
      slidingFlopsPerToken(model, cached + delta) * delta) *
    sequences;
  const computeSeconds =
    linearFlops / (peak * efficiencies.matmulFraction) +
    attentionFlops / (peak * efficiencies.attentionFraction);
  const kvReadBytes = kvBytesPerToken(model) * kvCopiesPerReplica(model, replica) * cached * sequences;
  const bytes = weightBytesRead(model, delta * sequences) + kvReadBytes;
  const memorySeconds =
    bytes / (replica.gpu.hbmBytesPerSecond * replica.gpus * efficiencies.bandwidthFraction);
  return rooflineOf(computeSeconds, memorySeconds, model.layers * efficiencies.stepOverheadSecondsPerLayer);
}
