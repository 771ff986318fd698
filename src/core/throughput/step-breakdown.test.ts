import { describe, expect, it } from "vitest";
import { communicationBytesPerGpu, communicationSeconds } from "./communication.js";
import { weightBytesPerGpu } from "./model-parts.js";
import { stepBreakdown } from "./step-breakdown.js";
import type { Efficiencies, GpuSpec, ModelArchitecture, Replica } from "./types.js";

// Round numbers so every figure can be worked by hand: a 1 PFLOP/s (bf16) GPU with 1 TB/s of HBM, and a
// 10-layer model of 1B dense parameters (2 GFLOP and 2 GB a token in bf16), hidden 1,000.
const gpu: GpuSpec = {
  id: "toy",
  hbmBytes: 100e9,
  hbmBytesPerSecond: 1e12,
  denseFlopsPerSecond: { bf16: 1e15, fp8: 2e15, fp4: 4e15 },
  interconnect: { scaleUpBytesPerSecond: 100e9, scaleUpDomainGpus: 8, scaleOutBytesPerSecond: 10e9 },
};
const dense: ModelArchitecture = {
  id: "toy-dense",
  layers: 10,
  attention: { kind: "gqa", layers: 10, queryHeads: 8, kvHeads: 8, headDim: 128 },
  paramsTotal: 1e9,
  paramsActive: 1e9,
  inputEmbeddingParams: 0,
  hiddenSize: 1000,
  weightBytes: 2e9,
  weightPrecision: "BF16",
  computePrecision: "bf16",
  kvBytesPerElement: 2,
  contextWindowTokens: 1_000_000,
};
// Plus 4 routed experts of 1B each, top-1: 5B total, 2B active; expert FLOPs 2 GFLOP a token.
const moe: ModelArchitecture = {
  ...dense,
  id: "toy-moe",
  paramsTotal: 5e9,
  paramsActive: 2e9,
  weightBytes: 10e9,
  moe: { experts: 4, expertsPerToken: 1, layers: 10 },
};
const roofline: Efficiencies = {
  matmulFraction: 1,
  attentionFraction: 1,
  bandwidthFraction: 1,
  memoryUtilizationFraction: 1,
  stepOverheadSecondsPerLayer: 0,
};
const replica = (gpus: number, extra: Partial<Replica> = {}): Replica => ({
  gpu,
  gpus,
  dataParallelAttention: false,
  ...extra,
});
const work = (tokens: number) => ({ tokens, attentionFlops: 0, kvBytes: 0, sequences: tokens });

describe("stepBreakdown(model, replica, efficiencies, work): each term on a hand-worked case", () => {
  it("a decode step of 100 tokens on the bare roofline: 2 GB of weights in 2 ms, memory-bound", () => {
    const step = stepBreakdown(dense, replica(1), roofline, work(100));
    expect(step.denseComputeSeconds).toBeCloseTo(0.2e-3, 12); // 100 × 2 GFLOP ÷ 1 PFLOP/s
    expect(step.weightSeconds).toBeCloseTo(2e-3, 12);
    expect(step.seconds).toBeCloseTo(2e-3, 12);
    expect(step.bound).toBe("memory");
  });

  it("the latency floor adds layers × its value to every step: 10 × 10 µs = 0.1 ms", () => {
    const step = stepBreakdown(
      dense,
      replica(1),
      { ...roofline, stepLatencySecondsPerLayer: 10e-6 },
      work(100),
    );
    expect(step.floorSeconds).toBeCloseTo(0.1e-3, 12);
    expect(step.seconds).toBeCloseTo(2.1e-3, 12);
  });

  it("the per-sequence step time adds sequences × its value, per data-parallel rank", () => {
    const eff = { ...roofline, stepSecondsPerSequence: 1e-6 };
    expect(stepBreakdown(dense, replica(1), eff, work(100)).floorSeconds).toBeCloseTo(100e-6, 12);
    // Two DP ranks schedule 50 sequences each, at the same time.
    const dp = stepBreakdown(dense, replica(2, { dataParallelAttention: true }), eff, work(100));
    expect(dp.floorSeconds).toBeCloseTo(50e-6, 12);
  });

  it("FP8 products run at the FP8 peak × its own fraction: 2 PFLOP/s × 0.75 beats bf16's 1 PFLOP/s × 1", () => {
    const fp8 = { ...dense, denseWeights: { bytesPerParam: 1, math: "fp8" as const } };
    const prefill = work(10_000);
    const bf16 = stepBreakdown(dense, replica(1), roofline, prefill);
    const fast = stepBreakdown(
      fp8,
      replica(1),
      { ...roofline, lowPrecisionMatmulFraction: { fp8: 0.75, fp4: 0.5 } },
      prefill,
    );
    expect(bf16.denseComputeSeconds).toBeCloseTo(20e-3, 12); // 10,000 × 2 GFLOP ÷ 1 PFLOP/s
    expect(fast.denseComputeSeconds).toBeCloseTo(20e-3 / 1.5, 12);
    expect(fast.weightSeconds).toBeCloseTo(1e-3, 12); // 1 GB at 1 TB/s
  });

  it("weight-only 4-bit products run at the bf16 rate × the weight-only fraction: 0.5 doubles them", () => {
    const int4 = { ...dense, denseWeights: { bytesPerParam: 0.5625, math: "bf16" as const } };
    const step = stepBreakdown(int4, replica(1), { ...roofline, weightOnlyGemmFraction: 0.5 }, work(10_000));
    expect(step.denseComputeSeconds).toBeCloseTo(40e-3, 12);
    // bf16 weights are not weight-only: the fraction leaves them alone.
    const bf16 = stepBreakdown(dense, replica(1), { ...roofline, weightOnlyGemmFraction: 0.5 }, work(10_000));
    expect(bf16.denseComputeSeconds).toBeCloseTo(20e-3, 12);
  });

  it("FP4 math falls back to FP8 on a GPU without FP4 tensor cores", () => {
    const fp4 = { ...dense, denseWeights: { bytesPerParam: 0.5625, math: "fp4" as const } };
    const hopper = { ...gpu, denseFlopsPerSecond: { bf16: 1e15, fp8: 2e15 } };
    const step = stepBreakdown(
      fp4,
      { gpu: hopper, gpus: 1, dataParallelAttention: false },
      roofline,
      work(10_000),
    );
    expect(step.denseComputeSeconds).toBeCloseTo(10e-3, 12);
  });

  it("the grouped-GEMM fraction slows only the experts: 0.5 doubles their compute (20 → 40 ms) and weight time", () => {
    const prefill = work(10_000);
    const full = stepBreakdown(moe, replica(1), roofline, prefill);
    const half = stepBreakdown(moe, replica(1), { ...roofline, moeGroupedGemmFraction: 0.5 }, prefill);
    expect(full.expertComputeSeconds).toBeCloseTo(20e-3, 12);
    expect(half.expertComputeSeconds).toBeCloseTo(40e-3, 12);
    expect(half.denseComputeSeconds).toBeCloseTo(full.denseComputeSeconds, 12);
    // Weights: 2 GB dense + 8 GB of experts (all touched by 10,000 tokens) → 2 + 16 ms.
    expect(half.weightSeconds).toBeCloseTo(18e-3, 9);
  });

  it("routing imbalance slows expert-parallel replicas only: × 2 on the busiest rank", () => {
    const prefill = work(10_000);
    const eff = { ...roofline, routingImbalance: 2 };
    // Two GPUs: 10 ms of expert compute each when balanced.
    const ep = stepBreakdown(moe, replica(2, { expertParallel: true }), eff, prefill);
    const tp = stepBreakdown(moe, replica(2), eff, prefill);
    expect(ep.expertComputeSeconds).toBeCloseTo(20e-3, 12);
    expect(tp.expertComputeSeconds).toBeCloseTo(10e-3, 12);
  });
});

describe("stepBreakdown under data-parallel attention", () => {
  it("runs one sequence's attention and non-expert products on one rank, its experts on all", () => {
    const dep = replica(2, { dataParallelAttention: true, expertParallel: true });
    const one = stepBreakdown(moe, dep, roofline, {
      tokens: 10_000,
      attentionFlops: 1e12,
      kvBytes: 0,
      sequences: 1,
    });
    const two = stepBreakdown(moe, dep, roofline, {
      tokens: 10_000,
      attentionFlops: 1e12,
      kvBytes: 0,
      sequences: 2,
    });
    // Non-expert: 10,000 × 2 GFLOP on one 1 PFLOP/s GPU = 20 ms, or 10 ms on two; experts 10 ms either way.
    expect(one.denseComputeSeconds).toBeCloseTo(20e-3, 12);
    expect(two.denseComputeSeconds).toBeCloseTo(10e-3, 12);
    expect(one.attentionComputeSeconds).toBeCloseTo(2 * two.attentionComputeSeconds, 12);
    expect(one.expertComputeSeconds).toBeCloseTo(two.expertComputeSeconds, 12);
  });
});

describe("communication: message sizes and the interconnect", () => {
  it("TP2 all-reduces twice a layer: 2 × 10 × 2(n−1)/n × 100 tokens × 1,000 × 2 B = 4 MB per GPU, 40 µs over NVLink", () => {
    expect(communicationBytesPerGpu(dense, replica(2), 100)).toEqual({
      bytesPerGpu: 4e6,
      kind: "all-reduce",
    });
    expect(communicationSeconds(dense, replica(2), roofline, 100).seconds).toBeCloseTo(40e-6, 12);
  });

  it("DEP dispatches each rank's tokens to the k experts' ranks and combines them (bf16 both ways here)", () => {
    // 10 MoE layers × 50 tokens a rank × 1 expert × 1,000 × (2 + 2) B × 1/2 leaving the GPU = 1 MB.
    const dep = replica(2, { dataParallelAttention: true, expertParallel: true });
    expect(communicationBytesPerGpu(moe, dep, 100)).toEqual({ bytesPerGpu: 1e6, kind: "all-to-all" });
  });

  it("overlap hides its share, and peers past the NVLink domain go over the slower network", () => {
    const half = communicationSeconds(
      dense,
      replica(2),
      { ...roofline, communicationOverlapFraction: 0.5 },
      100,
    );
    expect(half.exposedSeconds).toBeCloseTo(20e-6, 12);
    // 16 GPUs, 8 per domain: 7 of 15 peers at 100 GB/s, 8 at 10 GB/s; 7.5 MB per GPU.
    const wide = communicationSeconds(dense, replica(16), roofline, 100);
    expect(wide.bytesPerGpu).toBeCloseTo(7.5e6, 6);
    expect(wide.seconds).toBeCloseTo(7.5e6 * (7 / 15 / 100e9 + 8 / 15 / 10e9), 12);
    expect(stepBreakdown(dense, replica(16), roofline, work(100)).communicationSeconds).toBeCloseTo(
      wide.seconds,
      12,
    );
  });
});

describe("weightBytesPerGpu(model, replica)", () => {
  it("TP slices everything; DEP keeps a whole copy of the non-expert weights on every GPU", () => {
    expect(weightBytesPerGpu(moe, replica(2))).toBeCloseTo(5e9, 3);
    // 2 GB dense + 8 GB experts ÷ 2.
    expect(
      weightBytesPerGpu(moe, replica(2, { dataParallelAttention: true, expertParallel: true })),
    ).toBeCloseTo(6e9, 3);
  });
});
