import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { distributionMean, sample, validateDistribution } from "./distribution.js";
import { EventHeap } from "./event-heap.js";
import { mulberry32, streamSeed } from "./prng.js";

describe("mulberry32", () => {
  it("is deterministic for a seed, in [0, 1), and differs between seeds and streams", () => {
    const a = mulberry32(1);
    const b = mulberry32(1);
    const draws = Array.from({ length: 1000 }, () => a());
    expect(draws).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(draws.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = draws.reduce((s, x) => s + x, 0) / draws.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.05);
    expect(mulberry32(2)()).not.toBe(mulberry32(1)());
    expect(streamSeed(1, 0)).not.toBe(streamSeed(1, 1));
  });
});

describe("distributions", () => {
  it("draw within their range and average to their mean", () => {
    const random = mulberry32(3);
    const uniform = { kind: "uniform" as const, min: 10, max: 30 };
    const draws = Array.from({ length: 4000 }, () => sample(uniform, random));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(10);
    expect(Math.max(...draws)).toBeLessThan(30);
    expect(
      Math.abs(draws.reduce((s, x) => s + x, 0) / draws.length - distributionMean(uniform)),
    ).toBeLessThan(0.5);
    const listed = { kind: "empirical" as const, values: [1, 5, 9] };
    expect(new Set(Array.from({ length: 200 }, () => sample(listed, random)))).toEqual(new Set([1, 5, 9]));
  });

  it.each([
    [{ kind: "constant" as const, value: -1 }, /turns must be from 1/],
    [{ kind: "uniform" as const, min: 5, max: 2 }, /turns must be uniform/],
    [{ kind: "empirical" as const, values: [] }, /turns must list/],
    [{ kind: "empirical" as const, values: [1, 500] }, /turns values must be from 1 to 200, got 500/],
  ])("validateDistribution rejects %o", (distribution, message) => {
    expect(() => validateDistribution("turns", distribution, 1, 200)).toThrow(message);
  });
});

describe("EventHeap", () => {
  it("pops by time, equal times in the order pushed", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 200 }), (times) => {
        const heap = new EventHeap<number>();
        for (const [i, time] of times.entries()) heap.push(time, i);
        const expected = times.map((time, i) => ({ time, i })).sort((a, b) => a.time - b.time || a.i - b.i);
        for (const { time, i } of expected) {
          expect(heap.peekTime()).toBe(time);
          expect(heap.pop()).toBe(i);
          expect(heap.poppedTime).toBe(time);
        }
        expect(heap.pop()).toBeUndefined();
      }),
      { seed: 99 },
    );
  });
});

describe("mergeTimeline", () => {
  it("weights utilisation by span, batch by decode steps and hit by prompt tokens", async () => {
    const { mergeTimeline } = await import("./rollout-ledger.js");
    const merged = mergeTimeline(
      [
        {
          startSeconds: 0,
          endSeconds: 1,
          utilisationFraction: 1,
          meanDecodeBatch: 10,
          cacheHitFraction: 0,
          decodeSteps: 1,
          promptTokens: 100,
        },
        {
          startSeconds: 1,
          endSeconds: 4,
          utilisationFraction: 0.2,
          meanDecodeBatch: 2,
          cacheHitFraction: 1,
          decodeSteps: 3,
          promptTokens: 300,
        },
      ],
      1,
    );
    // (1 × 1 + 0.2 × 3) / 4 = 0.4; (10 × 1 + 2 × 3) / 4 = 4; (0 × 100 + 1 × 300) / 400 = 0.75.
    expect(merged).toEqual([
      {
        startSeconds: 0,
        endSeconds: 4,
        utilisationFraction: 0.4,
        meanDecodeBatch: 4,
        cacheHitFraction: 0.75,
        decodeSteps: 4,
        promptTokens: 400,
      },
    ]);
  });
});
