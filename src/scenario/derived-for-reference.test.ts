import { describe, expect, it } from "vitest";
import { referenceInput } from "../../test/scenario-fixtures.js";
import {
  CHART_CONTEXTS,
  derivedDedicatedForReference,
  throughputCurveForReference,
} from "./derived-for-reference.js";

describe("derivedDedicatedForReference(input, modelId)", () => {
  it("prices the page's default scenario on derived throughput beside its 2.96 saturated cluster-hours", () => {
    const input = referenceInput({});
    const derived = derivedDedicatedForReference(input, "kimi-k2p6");
    if (!derived.ok) throw new Error(derived.reason);
    // 16,000,000 decode tokens ÷ 1,500 tok/s ÷ 3600 = 2.963 h: the page's figure, reproduced beside ours.
    expect(derived.comparison.saturated.clusterHours).toBeCloseTo(16_000_000 / 1500 / 3600, 12);
    // Kimi's catalog deployment is DEP8: one copy of each token's cache, 199 page-default episodes fit.
    expect(derived.survival.episodesWhoseCachesFit).toBe(199);
    expect(derived.episodesInFlight).toBe(199);
    expect(derived.comparison.simulated.clusterHours).toBeGreaterThan(0);
    const tp = derivedDedicatedForReference(input, "kimi-k2p6", { layout: "tp" });
    if (!tp.ok) throw new Error(tp.reason);
    expect(tp.survival.episodesWhoseCachesFit).toBe(27);
  });

  it("returns a reason, not an exception, for a model without an architecture", () => {
    const input = referenceInput({});
    expect(derivedDedicatedForReference(input, "no-such-model")).toEqual({
      ok: false,
      reason: expect.stringMatching(/^unknown model: no-such-model/),
    });
  });

  it("passes in-flight and data-parallel attention through", () => {
    const input = referenceInput({});
    const tp = derivedDedicatedForReference(input, "kimi-k2p6", {
      episodesInFlight: 64,
      dataParallelAttention: false,
    });
    const dp = derivedDedicatedForReference(input, "kimi-k2p6", {
      episodesInFlight: 64,
      dataParallelAttention: true,
    });
    if (!tp.ok || !dp.ok) throw new Error("expected results");
    expect(tp.survival.fits).toBe(false);
    expect(dp.survival.fits).toBe(true);
    expect(dp.comparison.simulated.usdTotal).toBeLessThan(tp.comparison.simulated.usdTotal);
  });
});

describe("throughputCurveForReference(input, modelId)", () => {
  // GPT-OSS's catalog deployment is DEP4: one prompt runs its attention and non-expert products on one
  // rank, while every rank streams its experts and every pass pays the latency floor; so short prompts
  // are slower, prefill peaks between 2K and 4K, and past the peak attention makes every longer context slower.
  it("gives one point per chart context, prefill falling with context past its peak", () => {
    const input = referenceInput({ model: "gpt-oss-120b" });
    const curve = throughputCurveForReference(input, "gpt-oss-120b");
    if (!Array.isArray(curve)) throw new Error(curve.reason);
    expect(curve.map((p) => p.contextTokens)).toEqual([...CHART_CONTEXTS]);
    expect(curve[0]?.decodeBound).toBe("floor");
    const rates = curve.map((p) => p.prefillTokensPerSecond);
    const peak = rates.indexOf(Math.max(...rates));
    expect(curve[peak]?.contextTokens).toBeGreaterThan(1024);
    expect(curve[peak]?.contextTokens).toBeLessThanOrEqual(4096);
    for (let i = 1; i < curve.length; i++) {
      if (i > peak) expect(rates[i]).toBeLessThan(rates[i - 1] as number);
      expect(curve[i]!.decodeTokensPerSecond).toBeLessThanOrEqual(curve[i - 1]!.decodeTokensPerSecond);
    }
  });
});
