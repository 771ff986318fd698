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
