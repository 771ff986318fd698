import { describe, expect, it } from "vitest";
import { priceScenario } from "./price.js";
import { realityCheckFor } from "./reality-check.js";
import { resolveScenario } from "./resolve.js";
import { verdictFor } from "./verdict.js";
import { verdictForValues, verdictValues } from "./verdict-scenario.js";

// The default scenario: 1,000 episodes × 8 turns, 8,000 initial, +12,000 per turn, 2,000 generated.
// Per episode 400,000 prompt tokens (92,000 prefilled, 308,000 cached) and 16,000 decoded.

describe("verdictForValues (preset current unless one is chosen)", () => {
  it("names the cheapest current plan, the runner-up and the Fireworks page's two plans", () => {
    const { verdict } = verdictForValues({});
    // fireworks-serverless: 92M × $0.95 + 308M × $0.16 + 16M × $4 (per 1M) = 87.40 + 49.28 + 64 = $200.68.
    expect(verdict.preset).toBe("current");
    expect(verdict.cheapest).toMatchObject({
      id: "fireworks-serverless",
      wallClockHours: null,
      timesCheapest: 1,
    });
    expect(verdict.cheapest.usdTotal).toBeCloseTo(200.68, 9);
    expect(verdict.cheapest.usdPerEpisode).toBeCloseTo(0.20068, 9);
    // dedicated-fireworks-2026-05: decode 16M / 1,500 tok/s = 2.963 h (prefill 92M / 30,000 = 0.85 h);
    // 2.963 h × 8 GPUs × $12 = $284.44, 284.44 / 200.68 = 1.4174× the cheapest.
    expect(verdict.runnerUp?.id).toBe("dedicated-fireworks-2026-05");
    expect(verdict.runnerUp?.wallClockHours).toBeCloseTo(2.962963, 5);
    expect(verdict.runnerUp?.timesCheapest).toBeCloseTo(1.4174, 4);
    // The Fireworks page's Tinker: 400M × $5.15 + 16M × $12.81 = 2,060 + 204.96 = $2,264.96.
    expect(verdict.fireworksPage?.tinker.usdTotal).toBeCloseTo(2264.96, 9);
    expect(verdict.fireworksPage?.dedicated.usdTotal).toBeCloseTo(284.444444, 5);
    // Cheapest is per token: the first dedicated plan must be 1.4174× faster to take its place.
    expect(verdict.flip).toEqual({
      factor: expect.closeTo(1.4174, 4),
      bandFactor: null,
      canFlip: false,
      note: expect.stringMatching(/no measured band/),
    });
    expect(verdict.lines[0]).toContain("fireworks-serverless, $201 for 1,000 episodes ($0.20 / episode)");
    expect(verdict.lines[0]).toContain("wall-clock not known");
    expect(verdict.lines.join(" ")).toContain("the Fireworks page's two plans".replace("the", "The"));
    expect(verdict.lines.join(" ")).not.toMatch(/NaN|Infinity|undefined/);
  });

  it("keeps a chosen preset: the reference preset's cheapest is its dedicated plan", () => {
    const { verdict } = verdictForValues({ preset: "reference" });
    expect(verdict.cheapest.id).toBe("dedicated");
    expect(verdict.cheapest.wallClockHours).toBeCloseTo(2.962963, 5);
    expect(verdict.runnerUp?.id).toBe("tinker");
    // 2,264.96 / 284.444 = 7.9628: dedicated throughput 7.96× lower would flip it.
    expect(verdict.flip.factor).toBeCloseTo(7.9628, 3);
    expect(verdict.lines[3]).toContain("7.96× lower");
  });

  it("with derived throughput says when the ranking can flip inside the band (worst ×1.36)", () => {
    // A custom plan at $0.50 / $5 per 1M (cached pays full): 400M × 0.5 + 16M × 5 = $280, just under
    // the page's dedicated $284.44: 284.44 / 280 = 1.016, inside 1.36, so it can flip.
    const near = resolveScenario({
      preset: "reference",
      customUsdPerMillionPrefill: 0.5,
      customUsdPerMillionSample: 5,
    });
    const priced = priceScenario(near);
    const close = verdictFor(priced, realityCheckFor(near), "derived");
    expect(close.cheapest.id).toBe("custom");
    expect(close.flip).toEqual({ factor: expect.closeTo(1.01587, 4), bandFactor: 1.36, canFlip: true });
    expect(close.lines[3]).toMatch(/^Ranking can flip inside the band/);
    // The page's own two plans are 7.96× apart: the band cannot flip them.
    const page = resolveScenario({ preset: "reference" });
    const far = verdictFor(priceScenario(page), realityCheckFor(page), "derived");
    expect(far.flip.canFlip).toBe(false);
    expect(far.lines[3]).toMatch(/^Ranking holds inside the band/);
  });

  it("plans of one kind cannot be flipped by throughput", () => {
    const s = resolveScenario({ preset: "reference", plans: ["tinker"] });
    const v = verdictFor(priceScenario(s), realityCheckFor(s));
    expect(v.runnerUp).toBeNull();
    expect(v.flip).toEqual({
      factor: null,
      bandFactor: null,
      canFlip: false,
      note: expect.stringMatching(/one kind of plan is missing/),
    });
  });
});

describe("verdictValues", () => {
  it("uses current unless a preset or plan list is given, and drops a baseline of the user's preset", () => {
    expect(verdictValues({ turns: 3, baseline: "tinker" })).toEqual({ turns: 3, preset: "current" });
    const chosen = { preset: "reference", baseline: "tinker" };
    expect(verdictValues(chosen)).toBe(chosen);
    const narrowed = { plans: ["tinker"] };
    expect(verdictValues(narrowed)).toBe(narrowed);
  });
});

describe("a run with training (steps × rollouts + training)", () => {
  // Reference preset, default shape, 10 steps, one pass, 20,000 train tok/s on the dedicated GPUs.
  // Tinker (reference) has no train rate, so its run cannot be priced whole; dedicated can.
  // Dedicated per step: rollouts $284.44 + training 1,000 × 94,000 tokens (final context: 8,000 +
  // 7 × 12,000 + 2,000) ÷ 20,000 tok/s = 1.30556 h × 8 × $12 = $125.33; run 10 × $409.78 = $4,097.78.
  const values = { preset: "reference", trainPasses: 1, trainTokensPerSecond: 20_000, steps: 10 } as const;

  it("ranks a plan that cannot price training after every plan that can, by its rollouts over every step", () => {
    const priced = priceScenario(resolveScenario(values));
    const tinker = priced.plans.find((p) => p.id === "tinker");
    const dedicated = priced.plans.find((p) => p.id === "dedicated");
    expect(dedicated?.usdRanked).toBeCloseTo(4097.78, 1);
    expect(dedicated?.rank).toBe(1);
    // Tinker's rollouts alone ($2,264.96 a step) were once ranked against dedicated's whole run.
    expect(tinker?.usdRanked).toBeCloseTo(22649.6, 6);
    expect(tinker?.trainingUnpriced).toBe(true);
    expect(tinker?.rank).toBe(2);
  });

  it("says the total is the run's and reads the Fireworks page against one step's rollouts", () => {
    const { verdict } = verdictForValues(values);
    expect(verdict.scope).toBe("run");
    expect(verdict.cheapest.id).toBe("dedicated");
    expect(verdict.lines[0]).toContain("$4,098 for the run (10 steps of 1,000 episodes, training included");
    expect(verdict.lines[1]).toContain("without its training, which it cannot price");
    // Against the cheapest's own rollouts of one step ($284.44): Tinker 2,264.96 / 284.44 = 7.963×.
    expect(verdict.fireworksPage?.tinker.timesCheapest).toBeCloseTo(7.963, 3);
    expect(verdict.fireworksPage?.dedicated.timesCheapest).toBeCloseTo(1, 9);
    expect(verdict.lines[2]).toContain("one step's rollouts, no training; the cheapest's own: $284");
  });

  it("keeps scope rollouts when no training is asked for", () => {
    expect(verdictForValues({}).verdict.scope).toBe("rollouts");
  });
});

describe("a range the user sets: the prefix cache kept down to a share of the ideal", () => {
  // Reference preset at 3,000 prompt tok/s, so dedicated prefill binds: 92M uncached prompt tokens ÷
  // 3,000 = 8.52 h × 8 × $12 = $817.78 against Tinker's $2,264.96. Kept down to 60% of the ideal 308M
  // cached tokens, 92M + 0.4 × 308M = 215.2M are prefilled: 19.93 h, $1,912.89, still below Tinker. Down to
  // 40%: 276.8M, 25.63 h, $2,460.44, above Tinker's $2,264.96: the ranking can flip.
  const base = { preset: "reference", promptTokensPerSecond: 3000 } as const;

  it("gives dedicated plans the dear end of the range, and says the ranking holds at 60%", () => {
    const { verdict, priced } = verdictForValues({ ...base, cacheKeptLowPercent: 60 });
    const dedicated = priced.plans.find((p) => p.id === "dedicated");
    expect(dedicated?.usdTotal).toBeCloseTo(817.78, 2);
    expect(dedicated?.cacheBand?.usdTotal.high).toBeCloseTo(1912.89, 2);
    expect(dedicated?.cacheBand?.clusterHours.high).toBeCloseTo(19.926, 3);
    expect(priced.plans.find((p) => p.id === "tinker")?.cacheBand).toBeUndefined();
    expect(verdict.ranges).toMatchObject({ keptLowPercent: 60, canFlip: false, undercutBy: [] });
    expect(verdict.lines.at(-1)).toBe(
      "With the prefix cache kept down to 60% of the ideal, the cheapest plan costs up to $1,913 and stays the cheapest.",
    );
    expect(verdict.lines[0]).toContain(
      "8.52 cluster-hours (up to 19.93 h, $1,913 with the cache kept down to 60%)",
    );
  });

  it("says the ranking can flip at 40%, and by which plan", () => {
    const { verdict } = verdictForValues({ ...base, cacheKeptLowPercent: 40 });
    expect(verdict.ranges?.cheapestHighUsd).toBeCloseTo(2460.44, 2);
    expect(verdict.ranges?.canFlip).toBe(true);
    expect(verdict.ranges?.undercutBy).toEqual([{ id: "tinker", lowUsd: expect.closeTo(2264.96, 6) }]);
    expect(verdict.lines.at(-1)).toBe(
      "With the prefix cache kept down to 40% of the ideal, the cheapest plan costs up to $2,460: the ranking can flip (tinker, from $2,265).",
    );
  });

  it("gives no range at 100% or without the field", () => {
    expect(verdictForValues({ ...base, cacheKeptLowPercent: 100 }).verdict.ranges).toBeUndefined();
    expect(verdictForValues(base).verdict.ranges).toBeUndefined();
  });
});
