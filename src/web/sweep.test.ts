import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ScenarioValues } from "../scenario/fields.js";
import { referencePlansFor } from "../scenario/reference.js";
import { resolveScenario } from "../scenario/resolve.js";
import { breakEvenFor } from "../scenario/solve.js";
import { costSweep as sweepOf } from "./sweep.js";

const costSweep = (values: ScenarioValues, maxTurns?: number) => sweepOf(resolveScenario(values), maxTurns);

describe("costSweep", () => {
  it("prices turns 1..40 on both sides, as estimateReference does for each turn count", () => {
    const { points } = costSweep({});
    expect(points).toHaveLength(40);
    // Turn 8 is the page's default scenario: $2,264.96 against $284.44.
    expect(points[7]?.tinkerUsd).toBeCloseTo(2264.96, 9);
    expect(points[7]?.dedicatedUsd).toBeCloseTo(284.444444, 5);
  });

  // GPT-OSS-120B at 500 decode tok/s, 1,000 episodes of 8,000 + 12,000/turn, 2,000 generated:
  // Tinker at T turns = (8000T + 6000T(T−1)) × 0.63 / 1000 + 2000T × 1.54 / 1000 = 3.78T² + 4.34T dollars;
  // dedicated is decode-bound, 2000T × 1000 / 500 tok/s = 4000T s × 4 GPUs × $7/h = 31.111T dollars.
  // They meet at 3.78T = 26.771, T = 7.0823: the page's closed form at real T, as `breakeven` solves it.
  it("marks the crossing `breakeven --over turns` finds", () => {
    const values = { model: "gpt-oss-120b", decodeTokensPerSecond: 500 };
    const { crossing } = costSweep(values);
    expect(crossing?.turns).toBeCloseTo(7.0823, 4);
    const scenario = resolveScenario(values);
    const { tinker, dedicated } = referencePlansFor(scenario);
    const answer = breakEvenFor(scenario, tinker, dedicated, "turns");
    expect(answer.ok && answer.value).toBe(crossing?.turns);
  });

  it("reports no crossing when one side is cheaper throughout (the page's defaults)", () => {
    expect(costSweep({}).crossing).toBeUndefined();
  });

  // Kimi K2.6's 128,000-token window: 8,000 + (T − 1) × 12,000 + 2,000 ≤ 128,000 up to T = 10.
  it("marks the last turn count whose episode fits the context window", () => {
    expect(costSweep({}).lastTurnThatFits).toBe(10);
    expect(costSweep({ addedTokensPerTurn: 1000 }).lastTurnThatFits).toBeUndefined();
  });

  it("extends past 40 turns when asked", () => {
    expect(costSweep({ turns: 60 }, 60).points).toHaveLength(60);
  });

  it("puts the crossing between two points whose difference changes sign (fast-check)", () => {
    const scenario = fc.record({
      model: fc.constantFrom("kimi-k2p6", "qwen3p5-397b", "gpt-oss-120b"),
      initialPromptTokens: fc.integer({ min: 0, max: 50_000 }),
      addedTokensPerTurn: fc.integer({ min: 0, max: 20_000 }),
      generatedTokensPerTurn: fc.integer({ min: 0, max: 5_000 }),
      decodeTokensPerSecond: fc.integer({ min: 50, max: 5_000 }),
    });
    fc.assert(
      fc.property(scenario, (options) => {
        const { points, crossing } = costSweep(options);
        for (const c of crossing ? [crossing] : []) {
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
