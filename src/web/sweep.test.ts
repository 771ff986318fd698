import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { resolveReference } from "../catalog/resolve-reference.js";
import { costSweep } from "./sweep.js";

describe("costSweep", () => {
  it("prices turns 1..40 on both sides, as estimateReference does for each turn count", () => {
    const { points } = costSweep(resolveReference({}).input);
    expect(points).toHaveLength(40);
    // Turn 8 is the page's default scenario: $2,264.96 against $284.44.
    expect(points[7]?.tinkerUsd).toBeCloseTo(2264.96, 9);
    expect(points[7]?.dedicatedUsd).toBeCloseTo(284.444444, 5);
  });

  // GPT-OSS-120B at 500 decode tok/s, 1,000 episodes of 8,000 + 12,000/turn, 2,000 generated:
  // Tinker at T turns = [(8000T + 6000T(T-1)) × 0.63 + 2000T × 1.54] / 1000; dedicated is decode-bound,
  // 4 s per turn × 1,000 episodes × 4 GPUs × $7/h. T=7: $215.60 vs $217.78; T=8: $276.64 vs $248.89;
  // linear interpolation crosses at 7 + 2.178 / (2.178 + 27.751) = 7.07 turns.
  it("finds where the two sides cross, between whole turn counts", () => {
    const { crossings } = costSweep(
      resolveReference({ modelId: "gpt-oss-120b", decodeTokensPerSecond: 500 }).input,
    );
    expect(crossings).toHaveLength(1);
    expect(crossings[0]?.turns).toBeCloseTo(7.0728, 3);
  });

  it("reports no crossing when one side is cheaper throughout (the page's defaults)", () => {
    expect(costSweep(resolveReference({}).input).crossings).toEqual([]);
  });

  // Kimi K2.6's 128,000-token window: 8,000 + (T − 1) × 12,000 + 2,000 ≤ 128,000 up to T = 10.
  it("marks the last turn count whose episode fits the context window", () => {
    expect(costSweep(resolveReference({}).input).lastTurnThatFits).toBe(10);
    expect(costSweep(resolveReference({ addedTokensPerTurn: 1000 }).input).lastTurnThatFits).toBeUndefined();
  });

  it("extends past 40 turns when asked", () => {
    expect(costSweep(resolveReference({ turns: 60 }).input, 60).points).toHaveLength(60);
  });

  it("puts every crossing between two points whose difference changes sign (fast-check)", () => {
    const scenario = fc.record({
      modelId: fc.constantFrom("kimi-k2p6", "qwen3p5-397b", "gpt-oss-120b"),
      initialPromptTokens: fc.integer({ min: 0, max: 50_000 }),
      addedTokensPerTurn: fc.integer({ min: 0, max: 20_000 }),
      generatedTokensPerTurn: fc.integer({ min: 0, max: 5_000 }),
      decodeTokensPerSecond: fc.integer({ min: 50, max: 5_000 }),
    });
    fc.assert(
      fc.property(scenario, (options) => {
        const { points, crossings } = costSweep(resolveReference(options).input);
        for (const c of crossings) {
          expect(Number.isFinite(c.turns) && Number.isFinite(c.usd)).toBe(true);
          const below = points[Math.floor(c.turns) - 1];
          const above = points[Math.min(Math.ceil(c.turns), 40) - 1];
          if (!below || !above) throw new Error("crossing outside the sweep");
          const d0 = below.tinkerUsd - below.dedicatedUsd;
          const d1 = above.tinkerUsd - above.dedicatedUsd;
          expect(d0 * d1).toBeLessThanOrEqual(0);
        }
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
