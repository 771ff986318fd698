import { describe, expect, it } from "vitest";
import { disaggregatedThroughput } from "./disaggregated-throughput.js";
import { offlineThroughput } from "./offline-throughput.js";
import type { Efficiencies, GpuSpec, ModelArchitecture } from "./types.js";

// The toy of step-breakdown.test.ts: 1 PFLOP/s, 1 TB/s, 100 GB; 10 layers, 1B params in bf16 (2 GB),
// KV 10 × 2 × 8 × 128 × 2 B = 40,960 B a token, attention 2 × 10 × 8 × 256 = 40,960 FLOPs an attended token.
const gpu: GpuSpec = {
  id: "toy",
  hbmBytes: 100e9,
  hbmBytesPerSecond: 1e12,
  denseFlopsPerSecond: { bf16: 1e15, fp8: 2e15, fp4: 4e15 },
};
const model: ModelArchitecture = {
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
const roofline: Efficiencies = {
  matmulFraction: 1,
  attentionFraction: 1,
  bandwidthFraction: 1,
  memoryUtilizationFraction: 1,
  stepOverheadSecondsPerLayer: 0,
};
const replica = { gpu, gpus: 1, dataParallelAttention: false };
const bench = { inputTokens: 1000, outputTokens: 1000, maxBatchPerGroup: 100, maxTokensPerStep: 32_768 };

describe("offlineThroughput(model, replica, efficiencies, work)", () => {
  it("1K/1K with 100 in flight: each 8.146 ms step decodes 100 tokens and prefills 100 (12,276 tok/s)", () => {
    // GEMMs: 200 tokens × 2 GFLOP = 0.4 ms < 2 GB of weights = 2 ms. Decode attention reads 100 × 1,500
    // tokens of KV = 6.144 GB = 6.144 ms (its 6.1 GFLOP take 6 µs). Prefill attention: 100 ÷ 1,000
    // prompts a step × 1,000 × 1,001 ÷ 2 pairs × 40,960 FLOPs = 2.05 GFLOP = 2.05 µs. Step 8.14605 ms.
    const result = offlineThroughput(model, replica, roofline, bench);
    if (!result.ok) throw new Error(result.reason);
    expect(result).toMatchObject({ sequences: 100, limitedBy: "max batch", prefillTokensPerStep: 100 });
    expect(result.step.seconds).toBeCloseTo(8.14605e-3, 8);
    expect(result.outputTokensPerSecond).toBeCloseTo(100 / 8.14605e-3, 0);
    expect(result.step.bound).toBe("memory");
  });

  it("is capped by KV capacity: 98 GB free ÷ (2,000 tokens × 40,960 B) = 1,196 sequences", () => {
    const result = offlineThroughput(model, replica, roofline, { ...bench, maxBatchPerGroup: 4096 });
    expect(result).toMatchObject({ ok: true, sequences: 1196, limitedBy: "kv capacity" });
  });

  it("an FP8 KV cache halves the KV read (8.146 → 5.074 ms a step) and doubles the sequences that fit", () => {
    const fp8 = { ...model, kvBytesPerElement: 1, attentionMath: "fp8" as const };
    const capped = offlineThroughput(fp8, replica, roofline, bench);
    const open = offlineThroughput(fp8, replica, roofline, { ...bench, maxBatchPerGroup: 4096 });
    if (!capped.ok || !open.ok) throw new Error("expected results");
    // KV 3.072 ms (its FLOPs now at the FP8 rate, 3 µs, hide under it); prefill attention 1.025 µs.
    expect(capped.step.seconds).toBeCloseTo(2e-3 + 3.072e-3 + 1.025e-6, 8);
    expect(open.sequences).toBe(2392);
  });

  it("speculative decoding: accepting 2 tokens a memory-bound step nearly doubles output", () => {
    const plain = offlineThroughput(model, replica, roofline, bench);
    const spec = offlineThroughput(model, replica, roofline, {
      ...bench,
      speculative: { draftTokens: 1, acceptedTokensPerStep: 2 },
    });
    if (!plain.ok || !spec.ok) throw new Error("expected results");
    const gain = spec.outputTokensPerSecond / plain.outputTokensPerSecond;
    expect(gain).toBeGreaterThan(1.99);
    expect(gain).toBeLessThan(2);
  });

  it("rejects an acceptance length past the drafted tokens + 1, and says when a sequence cannot fit", () => {
    expect(() =>
      offlineThroughput(model, replica, roofline, {
        ...bench,
        speculative: { draftTokens: 1, acceptedTokensPerStep: 3 },
      }),
    ).toThrow(/acceptedTokensPerStep must be from 1 to draftTokens \+ 1 \(2\), got 3/);
    expect(() => offlineThroughput(model, replica, roofline, { ...bench, inputTokens: 0 })).toThrow(
      /inputTokens/,
    );
    const huge = offlineThroughput(model, replica, roofline, { ...bench, inputTokens: 3_000_000 });
    expect(huge).toEqual({
      ok: false,
      reason: expect.stringMatching(/one sequence of 3001000 tokens does not fit/),
    });
  });
});

describe("disaggregatedThroughput(model, pools, efficiencies, work)", () => {
  it("is limited by the slower pool: one prefill GPU feeds one decode GPU at 1K/1K", () => {
    const result = disaggregatedThroughput(model, { prefill: replica, decode: replica }, roofline, bench);
    if (!result.ok) throw new Error(result.reason);
    // Prefill passes of 32,768 tokens: 65.5 ms of GEMMs + 32,768 × 500.5 × 40,960 FLOPs = 0.67 ms → ~49.5K tok/s.
    expect(result.prefillTokensPerSecond).toBeCloseTo(32_768 / (65.536e-3 + 0.6718e-3), -2);
    // Decode pool: 100 sequences, 2 + 6.144 ms a step, no prefill in it: ~12.3K tok/s, below 49.5K.
    expect(result.limitedBy).toBe("decode pool");
    expect(result.outputTokensPerSecond).toBeCloseTo(100 / 8.144e-3, -1);
    expect(result.outputTokensPerSecondPerGpu).toBeCloseTo(result.outputTokensPerSecond / 2, 6);
  });
});
