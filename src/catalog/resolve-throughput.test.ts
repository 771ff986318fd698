import { describe, expect, it } from "vitest";
import { throughputCurve } from "../core/throughput/throughput-at.js";
import { resolveThroughput } from "./resolve-throughput.js";

describe("resolveThroughput(options)", () => {
  it("fills the GPU's default efficiencies and lets one be overridden", () => {
    const { efficiencies, replica } = resolveThroughput({
      modelId: "gpt-oss-120b",
      gpuId: "H200_141GB",
      gpus: 4,
      efficiencies: { bandwidthFraction: 0.8 },
    });
    expect(efficiencies).toEqual({
      matmulFraction: 0.637,
      attentionFraction: 0.546,
      bandwidthFraction: 0.8,
      memoryUtilizationFraction: 0.9,
      stepOverheadSecondsPerLayer: 0,
      lowPrecisionMatmulFraction: { fp8: 0.48, fp4: 0.36 },
      weightOnlyGemmFraction: 0.58,
      moeGroupedGemmFraction: 0.54,
      routingImbalance: 2.1,
      stepLatencySecondsPerLayer: 30e-6,
      stepSecondsPerSequence: 18.4e-6,
      interconnectFraction: 1,
      communicationOverlapFraction: 0,
    });
    expect(replica.gpus).toBe(4);
  });

  it("takes a layout and a precision: DEP splits attention by sequence and experts whole; FP8 KV halves KV bytes", () => {
    const dep = resolveThroughput({
      modelId: "deepseek-r1",
      gpuId: "B200_180GB",
      gpus: 4,
      layout: "dep",
      precision: { experts: "nvfp4", kv: "fp8" },
    });
    expect(dep.replica).toMatchObject({ gpus: 4, dataParallelAttention: true, expertParallel: true });
    expect(dep.model.kvBytesPerElement).toBe(1);
    expect(dep.model.attentionMath).toBe("fp8");
    // NVFP4 on Blackwell runs on the FP4 tensor cores; the same choice on Hopper runs through FP8.
    expect(dep.model.expertWeights).toEqual({ bytesPerParam: 0.5625, math: "fp4" });
    const hopper = resolveThroughput({
      modelId: "deepseek-r1",
      gpuId: "H200_141GB",
      precision: { experts: "nvfp4" },
    });
    expect(hopper.model.expertWeights).toEqual({ bytesPerParam: 0.5625, math: "fp8" });
    const mxfp4 = resolveThroughput({
      modelId: "gpt-oss-120b",
      gpuId: "H200_141GB",
      precision: { experts: "mxfp4" },
    });
    expect(mxfp4.model.expertWeights?.math).toBe("bf16");
  });

  it("throws naming the unknown id", () => {
    expect(() => resolveThroughput({ modelId: "x", gpuId: "H100_80GB" })).toThrow(
      /^unknown model: x \(known: kimi-k2p6/,
    );
    expect(() => resolveThroughput({ modelId: "llama-3.1-8b", gpuId: "T4" })).toThrow(
      /^unknown GPU: T4 \(known: H100_80GB/,
    );
  });

  it("feeds throughputCurve: prefill tok/s falls as context grows, for a chart", () => {
    const { model, replica, efficiencies } = resolveThroughput({
      modelId: "llama-3.1-8b",
      gpuId: "H100_80GB",
    });
    const curve = throughputCurve(model, replica, efficiencies, { contexts: [1024, 8192, 131072], batch: 1 });
    const prefill = curve.map((p) => p.prefillTokensPerSecond);
    expect(prefill[0]).toBeGreaterThan(prefill[1]!);
    expect(prefill[1]).toBeGreaterThan(prefill[2]!);
  });
});
