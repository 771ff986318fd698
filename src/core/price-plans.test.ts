import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { plansForPreset, referenceInput } from "../../test/scenario-fixtures.js";
import { estimateReference } from "./estimate.js";
import type { GpuHourPlan, PerTokenPlan, Plan } from "./plan.js";
import { pricePlans } from "./price-plans.js";
import { type WorkloadTokens, workloadTokensFromShape } from "./workload-tokens.js";

const pageShape = {
  turns: 8,
  initialPromptTokens: 8000,
  addedTokensPerTurn: 12_000,
  generatedTokensPerTurn: 2000,
};
const pageTokens = workloadTokensFromShape({ episodes: 1000, shape: pageShape });
const plan = (preset: string, model: string, id: string): Plan => {
  const found = plansForPreset(preset, model).find((p) => p.id === id);
  if (!found) throw new Error(`no plan ${id}`);
  return found;
};

describe("pricePlans(tokens, plansForPreset('reference', model))", () => {
  it.each(["kimi-k2p6", "kimi-k2p5", "qwen3p5-397b", "gpt-oss-120b"])(
    "agrees with estimateReference for %s (the page's two plans)",
    (modelId) => {
      const input = referenceInput({ model: modelId });
      const page = estimateReference(input);
      const [tinker, dedicated] = pricePlans(
        workloadTokensFromShape(input.workload),
        plansForPreset("reference", modelId),
      );
      expect(tinker?.usdTotal).toBeCloseTo(page.plans.tinker.usdTotal, 9);
      expect(dedicated?.usdTotal).toBeCloseTo(page.plans.dedicated.usdTotal, 9);
      expect(dedicated?.clusterHours).toBeCloseTo(page.plans.dedicated.clusterHours, 12);
    },
  );
});

describe("pricePlans with Tinker 2026-05's context tiers (Kimi K2.6: 32K base, 128K long)", () => {
  // 2 turns: final context 8,000 + 12,000 + 2,000 = 22,000 <= 32,000, the base tier:
  //   prompt 8,000 + 20,000 = 28,000 × $1.47/1M + decode 4,000 × $3.66/1M = $0.0558 a episode, $55.80.
  // 3 turns: final context 34,000 > 32,000, the 128K tier:
  //   prompt 60,000 × $5.15/1M + decode 6,000 × $12.81/1M = $0.38586 a episode, $385.86.
  it.each([
    [2, "32K", 55.8],
    [3, "128K", 385.86],
  ])("%i turns bill at the %s tier: $%d", (turns, tier, usd) => {
    const tokens = workloadTokensFromShape({ episodes: 1000, shape: { ...pageShape, turns } });
    const [estimate] = pricePlans(tokens, [plan("current", "kimi-k2p6", "tinker-2026-05")]);
    expect(estimate?.tier).toBe(tier);
    expect(estimate?.usdTotal).toBeCloseTo(usd, 9);
  });

  it("warns when the final context passes the largest tier, and prices at it", () => {
    const [estimate] = pricePlans({ ...pageTokens, peakContextTokens: 200_000 }, [
      plan("current", "kimi-k2p6", "tinker-2026-05"),
    ]);
    expect(estimate?.tier).toBe("128K");
    expect(estimate?.warnings[0]).toMatch(
      /200,000 tokens exceeds the largest tier the catalog has for this plan \(128,000 tokens\)/,
    );
  });
});

describe("pricePlans with cached-prefill rates", () => {
  // Fireworks serverless, Kimi K2.6, the page's default episode: 92,000 uncached × $0.95 + 308,000 cached
  // × $0.16 + 16,000 decoded × $4.00, per 1M = $0.20068 an episode, $200.68 for 1,000.
  it("bills cached prompt tokens at the cached rate", () => {
    const [estimate] = pricePlans(pageTokens, [plan("current", "kimi-k2p6", "fireworks-serverless")]);
    expect(estimate?.usdTotal).toBeCloseTo(200.68, 9);
    expect(estimate?.usdPerEpisode).toBeCloseTo(0.20068, 12);
  });
});

describe("pricePlans(..., { training })", () => {
  // 1,000 episodes each trained on its 94,000-token trajectory, 2 passes: 188M tokens.
  // Tinker 2026-05 at the 128K tier's $15.40/1M: $2,895.20. The page's dedicated cluster (8 × $12/h)
  // training at 20,000 tok/s: 188M / 20,000 = 9,400 s = 2.6111 h × $96 = $250.67.
  const training = { tokensTrained: 94_000 * 1000, passes: 2, steps: 10, trainTokensPerSecond: 20_000 };

  it("prices a step's training per token on Tinker and by GPU-hours on a dedicated trainer", () => {
    const [tinker, dedicated] = pricePlans(
      pageTokens,
      [plan("current", "kimi-k2p6", "tinker-2026-05"), plan("reference", "kimi-k2p6", "dedicated")],
      { training },
    );
    expect(tinker?.training?.usdTraining).toBeCloseTo(2895.2, 9);
    expect(tinker?.training?.usdStep).toBeCloseTo(2264.96 + 2895.2, 9);
    expect(tinker?.training?.usdRun).toBeCloseTo((2264.96 + 2895.2) * 10, 9);
    expect(dedicated?.training?.clusterHours).toBeCloseTo(9400 / 3600, 12);
    expect(dedicated?.training?.usdTraining).toBeCloseTo((9400 / 3600) * 96, 9);
  });

  it("warns instead of guessing when a plan has no train rate or no training throughput", () => {
    const { trainTokensPerSecond: _, ...noTps } = training;
    const [serverless, dedicated] = pricePlans(
      pageTokens,
      [plan("current", "kimi-k2p6", "fireworks-serverless"), plan("reference", "kimi-k2p6", "dedicated")],
      { training: noTps },
    );
    expect(serverless?.training).toBeUndefined();
    expect(serverless?.warnings).toContain("no train rate in this plan: training not priced");
    expect(dedicated?.training).toBeUndefined();
    expect(dedicated?.warnings[0]).toMatch(/give the training tok\/s/);
  });
});

describe("pricePlans(bad input)", () => {
  it.each([
    [{ ...pageTokens, episodes: 0 }, /episodes must be an integer from 1/],
    [
      { ...pageTokens, cachedPromptTokens: pageTokens.promptTokens + 1 },
      /cachedPromptTokens must be <= promptTokens/,
    ],
    [{ ...pageTokens, decodeTokens: Number.NaN }, /decodeTokens must be a number >= 0, got NaN/],
  ])("throws a RangeError naming the field", (tokens, message) => {
    expect(() => pricePlans(tokens as WorkloadTokens, [])).toThrow(message);
  });

  it("names the plan and field of a bad plan", () => {
    const bad = { ...plan("reference", "kimi-k2p6", "dedicated"), promptTokensPerSecond: 0 } as GpuHourPlan;
    expect(() => pricePlans(pageTokens, [bad])).toThrow(
      "plan dedicated: promptTokensPerSecond must be a throughput of at least 0.001 tok/s, got 0",
    );
  });

  // Issue 14: at 1e-300 tok/s the page's 8-turn workload takes about 5·10^306 GPU-hours: past 1e-285 the
  // cost was +Infinity. The floor (LIMITS.tokensPerSecond.min, 0.001 tok/s) keeps every figure finite.
  it.each([
    ["promptTokensPerSecond", 1e-300],
    ["decodeTokensPerSecond", 0.000999],
    ["decodeTokensPerSecond", Number.NaN],
  ])("refuses %s = %d, below the 0.001 tok/s floor, naming the field", (field, value) => {
    const bad = { ...plan("reference", "kimi-k2p6", "dedicated"), [field]: value } as GpuHourPlan;
    expect(() => pricePlans(pageTokens, [bad])).toThrow(
      new RangeError(`plan dedicated: ${field} must be a throughput of at least 0.001 tok/s, got ${value}`),
    );
  });

  it("prices the largest workload at the floor with finite figures", () => {
    const slowest = {
      ...plan("reference", "kimi-k2p6", "dedicated"),
      promptTokensPerSecond: 0.001,
      decodeTokensPerSecond: 0.001,
    } as GpuHourPlan;
    // 10^7 episodes × 200 turns × ~10^9 prompt tokens a turn: about 2·10^18 prompt tokens.
    const largest = {
      episodes: 10_000_000,
      promptTokens: 2e18,
      cachedPromptTokens: 0,
      decodeTokens: 2e16,
      peakContextTokens: 2_010_000_000,
    };
    const [priced] = pricePlans(largest, [slowest]);
    expect(Number.isFinite(priced?.usdTotal)).toBe(true);
    expect(priced?.usdTotal).toBeGreaterThan(1e18);
  });

  it("refuses a training throughput below the floor", () => {
    const dedicated = plan("reference", "kimi-k2p6", "dedicated") as GpuHourPlan;
    expect(() =>
      pricePlans(pageTokens, [dedicated], {
        training: { tokensTrained: 1000, passes: 1, steps: 1, trainTokensPerSecond: 1e-300 },
      }),
    ).toThrow("trainTokensPerSecond must be a throughput of at least 0.001 tok/s, got 1e-300");
  });
});

const tokensArb = fc
  .record({
    episodes: fc.integer({ min: 1, max: 100_000 }),
    promptTokens: fc.integer({ min: 0, max: 1e12 }),
    cachedFraction: fc.double({ min: 0, max: 1, noNaN: true }),
    decodeTokens: fc.integer({ min: 0, max: 1e11 }),
    peakContextTokens: fc.integer({ min: 0, max: 300_000 }),
  })
  .map(({ cachedFraction, ...t }) => ({
    ...t,
    cachedPromptTokens: Math.floor(t.promptTokens * cachedFraction),
  }));
const rate = fc.double({ min: 0, max: 100, noNaN: true });

describe("pricePlans properties", () => {
  it("'sum' overlap never costs less than 'max'", () => {
    const dedicated = plan("reference", "kimi-k2p6", "dedicated") as GpuHourPlan;
    fc.assert(
      fc.property(
        tokensArb,
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        (t, p, d) => {
          const terms = { ...dedicated, promptTokensPerSecond: p, decodeTokensPerSecond: d };
          const [max, sum] = pricePlans(t, [terms, { ...terms, overlap: "sum" }]);
          expect(sum?.usdTotal).toBeGreaterThanOrEqual(max?.usdTotal ?? Infinity);
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });

  it("a cached-prefill discount never makes a plan cost more than the same plan without it", () => {
    fc.assert(
      fc.property(
        tokensArb,
        rate,
        rate,
        fc.double({ min: 0, max: 1, noNaN: true }),
        (t, prefill, sample, off) => {
          const full: PerTokenPlan = {
            kind: "per-token",
            id: "full",
            label: "full",
            provider: "x",
            usdPerMillionPrefill: prefill,
            usdPerMillionSample: sample,
            source: "test",
          };
          const discounted: PerTokenPlan = {
            ...full,
            id: "discounted",
            usdPerMillionCachedPrefill: prefill * (1 - off),
          };
          const [a, b] = pricePlans(t, [full, discounted]);
          expect(b?.usdTotal).toBeLessThanOrEqual((a?.usdTotal ?? 0) * (1 + 1e-12));
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });
});
