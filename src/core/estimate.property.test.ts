import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pageOracle } from "../../test/page-oracle.js";
import { vsTinkerLabel } from "../format/vs-tinker.js";
import { AT_PAR_HIGH, AT_PAR_LOW, comparisonLabel } from "./comparison-label.js";
import { estimateReference, type ReferenceInput } from "./estimate.js";

const RUNS = { seed: 42, numRuns: 1000 };

/** Any valid scenario, over the ranges the issue names. */
const scenario = fc.record({
  episodes: fc.integer({ min: 1, max: 10_000_000 }),
  turns: fc.integer({ min: 1, max: 200 }),
  initialPromptTokens: fc.integer({ min: 0, max: 1_000_000 }),
  addedTokensPerTurn: fc.integer({ min: 0, max: 1_000_000 }),
  generatedTokensPerTurn: fc.integer({ min: 0, max: 1_000_000 }),
  gpus: fc.integer({ min: 1, max: 4096 }),
  promptTokensPerSecond: fc.double({ min: 1e-3, max: 1e9, noNaN: true }),
  decodeTokensPerSecond: fc.double({ min: 1e-3, max: 1e9, noNaN: true }),
  prefill: fc.constantFrom(5.15, 4.0, 0.63),
  sample: fc.constantFrom(12.81, 10.0, 1.54),
  gpuRate: fc.constantFrom(7, 10, 12),
});
type Scenario = typeof scenario extends fc.Arbitrary<infer S> ? S : never;

function inputOf(s: Scenario): ReferenceInput {
  return {
    workload: {
      episodes: s.episodes,
      shape: {
        turns: s.turns,
        initialPromptTokens: s.initialPromptTokens,
        addedTokensPerTurn: s.addedTokensPerTurn,
        generatedTokensPerTurn: s.generatedTokensPerTurn,
      },
    },
    perToken: { usdPerMillionPrefill: s.prefill, usdPerMillionSample: s.sample },
    dedicated: {
      gpuType: "B300_288GB",
      gpus: s.gpus,
      usdPerGpuHour: s.gpuRate,
      promptTokensPerSecond: s.promptTokensPerSecond,
      decodeTokensPerSecond: s.decodeTokensPerSecond,
    },
  };
}

function relativelyClose(actual: number, expected: number, tolerance = 1e-9): boolean {
  if (actual === expected) return true;
  return Math.abs(actual - expected) <= tolerance * Math.max(Math.abs(actual), Math.abs(expected));
}

describe("estimateReference(any valid scenario)", () => {
  it("matches the page's arithmetic to 1e-9 relative", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const r = estimateReference(inputOf(s));
        const o = pageOracle({
          episodes: s.episodes,
          T: s.turns,
          P1: s.initialPromptTokens,
          delta: s.addedTokensPerTurn,
          G: s.generatedTokensPerTurn,
          prefillPerM: s.prefill,
          samplePerM: s.sample,
          gpus: s.gpus,
          gpuRate: s.gpuRate,
          promptTps: s.promptTokensPerSecond,
          decodeTps: s.decodeTokensPerSecond,
        });
        const pairs: [number, number][] = [
          [r.tokens.promptSummedPerEpisode, o.summed],
          [r.tokens.uniquePromptPerEpisode, o.finalCtx],
          [r.tokens.cachedPromptPerEpisode, o.cached],
          [r.tokens.decodePerEpisode, o.decode],
          [r.tokens.cacheHitPercent, o.cacheHitPct],
          [r.plans.tinker.usdPerEpisode, o.tinkerEp],
          [r.plans.tinker.usdTotal, o.tinkerTotal],
          [r.plans.dedicated.clusterHours, o.hours],
          [r.plans.dedicated.usdTotal, o.dedTotal],
          [r.plans.dedicated.usdPerEpisode, o.dedEp],
          [r.parity.minPromptTokensPerSecond, o.promptParity],
          [r.parity.minDecodeTokensPerSecond, o.decodeParity],
        ];
        for (const [actual, expected] of pairs) expect(relativelyClose(actual, expected)).toBe(true);
        if (Number.isFinite(o.gpusParity)) expect(r.parity.maxGpus).toBe(o.gpusParity);
        expect(vsTinkerLabel(r)).toBe(comparisonLabel(o.tinkerTotal, o.dedTotal));
      }),
      RUNS,
    );
  });

  it("never yields NaN or Infinity anywhere in its result", () => {
    const badNumbers = (value: unknown, path: string): string[] => {
      if (typeof value === "number") return Number.isFinite(value) ? [] : [`${path}=${value}`];
      if (value && typeof value === "object") {
        return Object.entries(value).flatMap(([key, inner]) => badNumbers(inner, `${path}.${key}`));
      }
      return [];
    };
    fc.assert(
      fc.property(scenario, (s) => {
        expect(badNumbers(estimateReference(inputOf(s)), "result")).toEqual([]);
      }),
      RUNS,
    );
  });

  it("Tinker's cost never falls as turns, episodes or tokens rise", () => {
    const bump = fc.constantFrom(
      "turns",
      "episodes",
      "initialPromptTokens",
      "addedTokensPerTurn",
      "generatedTokensPerTurn",
    );
    fc.assert(
      fc.property(scenario, bump, fc.integer({ min: 1, max: 1000 }), (s, field, step) => {
        const before = estimateReference(inputOf(s)).plans.tinker.usdTotal;
        const ceiling = field === "turns" ? 200 : field === "episodes" ? 10_000_000 : 1_000_000;
        const raised = { ...s, [field]: Math.min(ceiling, s[field] + step) };
        expect(estimateReference(inputOf(raised)).plans.tinker.usdTotal).toBeGreaterThanOrEqual(before);
      }),
      RUNS,
    );
  });

  it("at maxGpus the dedicated total is ≤ Tinker's, and at maxGpus + 1 it is above", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const first = estimateReference(inputOf(s));
        const { maxGpus } = first.parity;
        // "when defined": null means the cluster does no work; the floor of 1 is flagged with a warning
        fc.pre(maxGpus !== null && maxGpus < 1e12 && !first.warnings.some((w) => w.startsWith("parity:")));
        const tinker = first.plans.tinker.usdTotal;
        const at = estimateReference(inputOf({ ...s, gpus: maxGpus as number })).plans.dedicated.usdTotal;
        const above = estimateReference(inputOf({ ...s, gpus: (maxGpus as number) + 1 })).plans.dedicated
          .usdTotal;
        expect(at <= tinker * (1 + 1e-12)).toBe(true);
        expect(above > tinker * (1 - 1e-12)).toBe(true);
      }),
      RUNS,
    );
  });

  it("the label flips exactly at the 1.05 and 0.95 ratios", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e9, noNaN: true }), (candidate) => {
        const at = (ratio: number) => comparisonLabel(candidate * ratio, candidate);
        const ratioOf = (ratio: number) => (candidate * ratio) / candidate;
        // the label reads the ratio the floats actually give, so test on either side of it
        expect(at(AT_PAR_HIGH * 1.0001)).toMatch(/cheaper$/);
        expect(at(AT_PAR_HIGH * 0.9999)).toBe("at par");
        expect(at(AT_PAR_LOW * 0.9999)).toMatch(/more$/);
        expect(at(AT_PAR_LOW * 1.0001)).toBe("at par");
        const exactHigh = ratioOf(AT_PAR_HIGH);
        expect(at(AT_PAR_HIGH)).toBe(exactHigh >= AT_PAR_HIGH ? "1.1× cheaper" : "at par");
      }),
      RUNS,
    );
  });
});
