import { communicationSeconds } from "./communication.js";
import { linearFlopsPerToken } from "./flops.js";
import { modelParts, peakAt } from "./model-parts.js";
import type { Efficiencies, MathPrecision, ModelArchitecture, Replica } from "./types.js";
import { weightBytesSplit } from "./weight-bytes.js";

/** What one forward pass spends its time on, in seconds, and the term that dominates. */
export interface StepBreakdown {
  seconds: number;
  /** Weight products of the non-expert part, and of the routed experts (grouped GEMMs, skew included). */
  denseComputeSeconds: number;
  expertComputeSeconds: number;
  attentionComputeSeconds: number;
  computeSeconds: number;
  /** Streaming the weights (experts at the grouped-GEMM fraction) and reading the KV cache. */
  weightSeconds: number;
  kvSeconds: number;
  memorySeconds: number;
  /** Weight products or streaming their weights, whichever is longer (one set of GEMM kernels). */
  gemmSeconds: number;
  /** Attention: its FLOPs or reading the KV cache, whichever is longer, plus any separate prefill attention. */
  attentionSeconds: number;
  /** Host launch time (eager engines); overlaps GPU work, so the step takes the larger. */
  overheadSeconds: number;
  /** Collectives not hidden behind computation, added to the step. */
  communicationSeconds: number;
  /** The per-step latency floor, added to the step. */
  floorSeconds: number;
  bound: "compute" | "memory" | "overhead" | "communication" | "floor";
}

/** A forward pass: `tokens` tokens through the weights, `attentionFlops` of attention, `kvBytes` of cache read. */
export interface PassWork {
  tokens: number;
  attentionFlops: number;
  kvBytes: number;
  /** Attention FLOPs run in their own kernels beside the ones above (prefill chunks in a decode step). */
  separateAttentionFlops?: number;
  /** Sequences the pass carries, replica-wide (for the per-sequence share of the floor); default 1. */
  sequences?: number;
}

function matmulFraction(
  efficiencies: Efficiencies,
  format: { bytesPerParam: number; math: MathPrecision },
): number {
  const { math } = format;
  // Weight-only formats (4-bit weights, bf16 products) dequantize inside the kernel.
  if (math === "bf16")
    return (
      efficiencies.matmulFraction *
      (format.bytesPerParam < 2 ? (efficiencies.weightOnlyGemmFraction ?? 1) : 1)
    );
  return efficiencies.lowPrecisionMatmulFraction?.[math] ?? efficiencies.matmulFraction;
}

/**
 * Seconds of one pass: the GEMMs (max of their FLOPs and their weight bytes) then attention (max of its
 * FLOPs and its KV bytes), these two in sequence since they are different kernels; the larger of that and
 * the host overhead; plus exposed communication and the latency floor.
 * Compute splits into non-expert products, routed-expert products (÷ grouped-GEMM fraction, × routing
 * imbalance under expert parallelism) and attention, each at its precision's tensor-core rate.
 */
export function stepBreakdown(
  model: ModelArchitecture,
  replica: Replica,
  efficiencies: Efficiencies,
  work: PassWork,
): StepBreakdown {
  const n = replica.gpus;
  const parts = modelParts(model);
  const moeFraction = parts.expertParams > 0 ? (efficiencies.moeGroupedGemmFraction ?? 1) : 1;
  const imbalance = replica.expertParallel === true && n > 1 ? (efficiencies.routingImbalance ?? 1) : 1;
  const expertFlopsPerToken = 2 * (model.moe?.expertsPerToken ?? 0) * parts.perExpertParams;
  const denseFlopsPerToken = linearFlopsPerToken(model) - expertFlopsPerToken;
  // Under data-parallel attention a rank works on its own sequences: with fewer sequences than ranks,
  // only that many ranks run the non-expert products and attention. Experts are spread over every rank.
  const busyRanks =
    replica.dataParallelAttention && work.sequences !== undefined
      ? Math.min(n, Math.max(1, Math.ceil(work.sequences)))
      : n;
  const rate = (math: MathPrecision, fraction: number, ranks = n) => ranks * peakAt(replica, math) * fraction;
  const denseComputeSeconds =
    (work.tokens * denseFlopsPerToken) /
    rate(parts.dense.math, matmulFraction(efficiencies, parts.dense), busyRanks);
  const expertComputeSeconds =
    (work.tokens * expertFlopsPerToken * imbalance) /
    rate(parts.experts.math, matmulFraction(efficiencies, parts.experts) * moeFraction);
  const attentionRate = rate(model.attentionMath ?? "bf16", efficiencies.attentionFraction, busyRanks);
  const fusedAttentionSeconds = work.attentionFlops / attentionRate;
  const separateAttentionSeconds = (work.separateAttentionFlops ?? 0) / attentionRate;
  const attentionComputeSeconds = fusedAttentionSeconds + separateAttentionSeconds;
  const bandwidth = n * replica.gpu.hbmBytesPerSecond * efficiencies.bandwidthFraction;
  const weights = weightBytesSplit(model, work.tokens, replica);
  const weightSeconds = (weights.denseBytes + weights.expertBytes / moeFraction) / bandwidth;
  const kvSeconds = (work.kvBytes * n) / busyRanks / bandwidth;
  const computeSeconds = denseComputeSeconds + expertComputeSeconds + attentionComputeSeconds;
  const memorySeconds = weightSeconds + kvSeconds;
  const overheadSeconds = model.layers * efficiencies.stepOverheadSecondsPerLayer;
  const communication = communicationSeconds(model, replica, efficiencies, work.tokens).exposedSeconds;
  const floorSeconds =
    model.layers * (efficiencies.stepLatencySecondsPerLayer ?? 0) +
    // Each data-parallel attention rank schedules and samples its own sequences, in parallel.
    ((work.sequences ?? 1) / (replica.dataParallelAttention ? busyRanks : 1)) *
      (efficiencies.stepSecondsPerSequence ?? 0);
  const linearSeconds = denseComputeSeconds + expertComputeSeconds;
  const gemmSeconds = Math.max(linearSeconds, weightSeconds);
  const attentionSeconds = Math.max(fusedAttentionSeconds, kvSeconds) + separateAttentionSeconds;
  const roofline = Math.max(gemmSeconds + attentionSeconds, overheadSeconds);
  const computeBound =
    (linearSeconds >= weightSeconds ? linearSeconds : 0) +
    (fusedAttentionSeconds >= kvSeconds ? fusedAttentionSeconds : 0) +
    separateAttentionSeconds;
  const memoryBound =
    (linearSeconds < weightSeconds ? weightSeconds : 0) + (fusedAttentionSeconds < kvSeconds ? kvSeconds : 0);
  const terms = [
    ["compute", computeBound],
    ["memory", memoryBound],
    ["overhead", overheadSeconds],
    ["communication", communication],
    ["floor", floorSeconds],
  ] as const;
  let bound: StepBreakdown["bound"] = "compute";
  let largest = -1;
  for (const [name, seconds] of terms) {
    if (seconds > largest) {
      largest = seconds;
      bound = name;
    }
  }
  return {
    seconds: roofline + communication + floorSeconds,
    denseComputeSeconds,
    expertComputeSeconds,
    attentionComputeSeconds,
    computeSeconds,
    weightSeconds,
    kvSeconds,
    memorySeconds,
    gemmSeconds,
    attentionSeconds,
    overheadSeconds,
    communicationSeconds: communication,
    floorSeconds,
    bound,
  };
}
