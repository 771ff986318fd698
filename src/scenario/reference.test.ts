import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { priceScenario } from "./price.js";
import { referenceFor, referencePlansFor } from "./reference.js";
import { resolveScenario } from "./resolve.js";

const values = fc.record({
  model: fc.constantFrom("kimi-k2p6", "kimi-k2p5", "qwen3p5-397b", "gpt-oss-120b"),
  episodes: fc.integer({ min: 1, max: 10_000_000 }),
  turns: fc.integer({ min: 1, max: 200 }),
  initialPromptTokens: fc.integer({ min: 0, max: 10_000_000 }),
  addedTokensPerTurn: fc.integer({ min: 0, max: 10_000_000 }),
  generatedTokensPerTurn: fc.integer({ min: 0, max: 10_000_000 }),
  gpus: fc.integer({ min: 1, max: 10_000 }),
  promptTokensPerSecond: fc.double({ min: 0.001, max: 1e9, noNaN: true }),
  decodeTokensPerSecond: fc.double({ min: 0.001, max: 1e9, noNaN: true }),
});

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b), 1e-300);

describe("referenceFor (the closed form) against priceScenario (the pipeline)", () => {
  it("gives the same two bills on random scenarios (fast-check)", () => {
    fc.assert(
      fc.property(values, (v) => {
        const scenario = resolveScenario(v);
        const closed = referenceFor(scenario).estimate.plans;
        const [tinker, dedicated] = priceScenario(scenario).plans;
        expect(close(closed.tinker.usdTotal, tinker?.usdTotal ?? Number.NaN)).toBe(true);
        expect(close(closed.dedicated.usdTotal, dedicated?.usdTotal ?? Number.NaN)).toBe(true);
        expect(close(closed.dedicated.clusterHours, dedicated?.clusterHours ?? Number.NaN)).toBe(true);
        expect(Number.isFinite(closed.dedicated.usdTotal) && Number.isFinite(closed.tinker.usdTotal)).toBe(
          true,
        );
      }),
      { seed: 909, numRuns: 500 },
    );
  });

  it("prices the same plan values the pipeline offers for the reference preset", () => {
    const scenario = resolveScenario({ model: "gpt-oss-120b", gpus: 3 });
    const { tinker, dedicated } = referencePlansFor(scenario);
    expect(priceScenario(scenario).chosenPlans).toEqual([tinker, dedicated]);
  });

  it("refuses a preset that is not the Fireworks page's, saying where its plans are", () => {
    expect(() => referenceFor(resolveScenario({ preset: "current" }))).toThrow(/compare --preset current/);
  });
});
