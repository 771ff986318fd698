import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { plansForPreset } from "../../test/scenario-fixtures.js";
import { BREAK_EVEN_TOLERANCE, breakEven } from "./break-even.js";
import type { GpuHourPlan, PerTokenPlan, Plan } from "./plan.js";

const plan = (preset: string, id: string, model = "kimi-k2p6"): Plan => {
  const found = plansForPreset(preset, model).find((p) => p.id === id);
  if (!found) throw new Error(`no plan ${id}`);
  return found;
};
const tinker202605 = plan("current", "tinker-2026-05");
const referenceDedicated = plan("reference", "dedicated");

describe("breakEven({ variable: 'turns' }) between Tinker 2026-05 and the reference dedicated plan", () => {
  // Kimi K2.6, P1 = 2,000, Δ = 2,000, G = 500; the final context stays under 32K until T = 15.75, so
  // Tinker bills its base tier: per episode 1.47e-6 × (2,000T + 1,000T(T−1)) + 3.66e-6 × 500T
  //   = 1.47e-3 T² + 3.3e-3 T dollars.
  // Dedicated (8 × $12/h, 30,000 / 1,500 tok/s, max): decode 500T / 1,500 s outlasts prefill 2,000T /
  //   30,000 s, so T/3 s per episode × $96/h ÷ 3,600 = 8.8889e-3 T dollars.
  // Equal where 1.47e-3 T = 8.8889e-3 − 3.3e-3: T = 3.80197; from 4 turns on, dedicated is cheaper.
  it("is 3.802 turns, costs equal there", () => {
    const answer = breakEven({
      variable: "turns",
      workload: {
        episodes: 1000,
        shape: { turns: 8, initialPromptTokens: 2000, addedTokensPerTurn: 2000, generatedTokensPerTurn: 500 },
      },
      a: tinker202605,
      b: referenceDedicated,
    });
    if (!answer.ok) throw new Error(answer.never);
    expect(answer.value).toBeCloseTo((96 / 10_800 - 3.3e-3) / 1.47e-3, 6);
    expect(answer.wholeValue).toBe(4);
    expect(answer.exact).toBe(true);
    expect(answer.cheaperBelow).toBe("tinker-2026-05");
    expect(answer.usdA).toBeCloseTo(answer.usdB, 6);
  });

  // The page's own shape: Tinker's base tier ends where 8,000 + 12,000(T−1) + 2,000 = 32,000, T = 2.8333,
  // and there Tinker ($99.87) is still under dedicated ($100.74); past it the 128K tier is far dearer.
  it("flips at the 32K tier switch for the page's shape, and says it is a jump", () => {
    const answer = breakEven({
      variable: "turns",
      workload: {
        episodes: 1000,
        shape: {
          turns: 8,
          initialPromptTokens: 8000,
          addedTokensPerTurn: 12_000,
          generatedTokensPerTurn: 2000,
        },
      },
      a: tinker202605,
      b: referenceDedicated,
    });
    expect(answer).toMatchObject({ ok: true, wholeValue: 3, exact: false, cheaperBelow: "tinker-2026-05" });
    expect(answer.ok && answer.value).toBeCloseTo(2 + 10 / 12, 6);
  });
});

describe("breakEven answers 'never' as a value", () => {
  const workload = {
    episodes: 1000,
    shape: { turns: 8, initialPromptTokens: 8000, addedTokensPerTurn: 12_000, generatedTokensPerTurn: 2000 },
  };

  it("for episodes, since both bills are proportional to them", () => {
    expect(
      breakEven({ variable: "episodes", workload, a: plan("reference", "tinker"), b: referenceDedicated }),
    ).toEqual({
      ok: false,
      variable: "episodes",
      never: expect.stringMatching(
        /^dedicated is cheaper than tinker at every episode count .* their ratio never changes$/,
      ),
    });
  });

  it("for episodes, unless a minimum bill makes dedicated dear for few episodes", () => {
    const reserved = { ...(referenceDedicated as GpuHourPlan), minimumBilledHours: 10 };
    const answer = breakEven({ variable: "episodes", workload, a: plan("reference", "tinker"), b: reserved });
    // 10 h × $96 = $960 = $2.26496 × E  ->  E = 423.85 episodes.
    expect(answer).toMatchObject({ ok: true, wholeValue: 424, exact: true, cheaperBelow: "tinker" });
    expect(answer.ok && answer.value).toBeCloseTo(960 / 2.26496, 4);
  });

  it("for cache hit when one plan stays ahead from 0% to 100%", () => {
    const answer = breakEven({
      variable: "cacheHit",
      workload,
      a: plan("reference", "tinker"),
      b: referenceDedicated,
    });
    expect(answer).toEqual({
      ok: false,
      variable: "cacheHit",
      never: "dedicated is cheaper than tinker at every cache hit from 0% to 100%",
    });
  });
});

const continuousPerToken = fc.record({
  usdPerMillionPrefill: fc.double({ min: 0.01, max: 20, noNaN: true }),
  usdPerMillionSample: fc.double({ min: 0.01, max: 50, noNaN: true }),
  off: fc.double({ min: 0, max: 1, noNaN: true }),
});
const continuousGpu = fc.record({
  gpus: fc.integer({ min: 1, max: 64 }),
  usdPerGpuHour: fc.double({ min: 0.5, max: 30, noNaN: true }),
  promptTokensPerSecond: fc.double({ min: 1000, max: 100_000, noNaN: true }),
  decodeTokensPerSecond: fc.double({ min: 100, max: 10_000, noNaN: true }),
  overlap: fc.constantFrom("max" as const, "sum" as const),
});

describe("breakEven properties", () => {
  it("costs are equal within tolerance at the returned value (plans without tiers or minimums)", () => {
    fc.assert(
      fc.property(
        continuousPerToken,
        continuousGpu,
        fc.constantFrom("turns" as const, "cacheHit" as const),
        fc.record({
          turns: fc.integer({ min: 1, max: 50 }),
          initialPromptTokens: fc.integer({ min: 0, max: 50_000 }),
          addedTokensPerTurn: fc.integer({ min: 0, max: 20_000 }),
          generatedTokensPerTurn: fc.integer({ min: 1, max: 5000 }),
        }),
        (r, g, variable, shape) => {
          const a: PerTokenPlan = {
            kind: "per-token",
            id: "a",
            label: "a",
            provider: "x",
            ...r,
            usdPerMillionCachedPrefill: r.usdPerMillionPrefill * (1 - r.off),
            source: "test",
          };
          const b: GpuHourPlan = {
            kind: "gpu-hour",
            id: "b",
            label: "b",
            provider: "x",
            gpuType: "H100_80GB",
            ...g,
            rateSource: "test",
            throughputSource: "test",
          };
          const answer = breakEven({ variable, workload: { episodes: 100, shape }, a, b });
          if (!answer.ok) return;
          expect(answer.exact).toBe(true);
          expect(Math.abs(answer.usdA - answer.usdB)).toBeLessThanOrEqual(
            BREAK_EVEN_TOLERANCE * Math.max(answer.usdA, answer.usdB) * 1.0001,
          );
        },
      ),
      { seed: 42, numRuns: 150 },
    );
  });
});
