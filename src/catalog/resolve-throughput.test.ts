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
    });
    expect(replica.gpus).toBe(4);
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
