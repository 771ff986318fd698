import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ARCHITECTURES } from "../../catalog/architectures.js";
import { EAGER_EFFICIENCIES, SERVING_EFFICIENCIES } from "../../catalog/efficiencies.js";
import { GPUS } from "../../catalog/gpus.js";
import { decodeSpanSeconds } from "./decode-span.js";
import { decodeStepSeconds } from "./decode-time.js";
import { prefillSeconds } from "./prefill-time.js";

describe("decodeSpanSeconds(model, replica, efficiencies, span)", () => {
  it("equals the step-by-step sum of decodeStepSeconds, across a sliding window filling (property)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ARCHITECTURES),
        fc.constantFrom(...GPUS),
        fc.constantFrom(SERVING_EFFICIENCIES, EAGER_EFFICIENCIES),
        fc.integer({ min: 1, max: 512 }),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 1, max: 400 }),
        (model, gpu, efficiencies, sequences, start, tokens) => {
          const replica = { gpu, gpus: 8, dataParallelAttention: false };
          let expected = 0;
          for (let i = 0; i < tokens; i++) {
            expected += decodeStepSeconds(model, replica, efficiencies, {
              sequences,
              contextTokens: start + i,
            }).seconds;
          }
          const got = decodeSpanSeconds(model, replica, efficiencies, {
            sequences,
            startContextTokens: start,
            tokens,
          });
          expect(Math.abs(got - expected)).toBeLessThanOrEqual(1e-9 * expected);
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });

  it("is 0 for no tokens", () => {
    const model = ARCHITECTURES[0]!;
    const replica = { gpu: GPUS[0]!, gpus: 1, dataParallelAttention: false };
    expect(
      decodeSpanSeconds(model, replica, SERVING_EFFICIENCIES, {
        sequences: 4,
        startContextTokens: 10,
        tokens: 0,
      }),
    ).toBe(0);
  });
});

describe("prefillSeconds(model, replica, efficiencies, work)", () => {
  const model = ARCHITECTURES.find((a) => a.id === "llama-3.1-8b")!;
  const replica = { gpu: GPUS[0]!, gpus: 1, dataParallelAttention: false };

  it("is additive when compute-bound: prefilling 12K onto 80K equals 92K minus 80K from empty, plus one pass's floor", () => {
    const whole = (n: number) =>
      prefillSeconds(model, replica, SERVING_EFFICIENCIES, { newTokens: n, cachedTokens: 0 }).seconds;
    const increment = prefillSeconds(model, replica, SERVING_EFFICIENCIES, {
      newTokens: 12_000,
      cachedTokens: 80_000,
    }).seconds;
    // Every pass pays the latency floor once (32 layers × 30 µs + one sequence × 18.4 µs).
    const floor = 32 * 30e-6 + 18.4e-6;
    expect(increment).toBeCloseTo(whole(92_000) - whole(80_000) + floor, 9);
  });

  it("costs more per new token the longer the cached context (DATA.md §5: turn 8's tokens cost 7.3× turn 1's measured)", () => {
    const at = (cached: number) =>
      prefillSeconds(model, replica, SERVING_EFFICIENCIES, { newTokens: 1000, cachedTokens: cached }).seconds;
    expect(at(80_000) / at(0)).toBeGreaterThan(3);
  });
});
