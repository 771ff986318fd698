import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CountHistogram } from "./count-histogram.js";

function histogramOf(values: number[]): CountHistogram {
  const h = new CountHistogram();
  for (const v of values) h.add(v);
  return h;
}

/** numpy.percentile's default (linear): h = (n-1)p, then interpolate between the two closest ranks. */
function linearQuantile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] as number;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
  return a + (h - lo) * (b - a);
}

describe("CountHistogram.stats()", () => {
  it.each([
    // [1..10]: mean 5.5; p50 h=4.5 → 5 + 0.5·(6−5) = 5.5; p90 h=8.1 → 9 + 0.1·(10−9) = 9.1; max 10.
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], { count: 10, mean: 5.5, p50: 5.5, p90: 9.1, max: 10 }],
    // one value: every statistic is that value.
    [[7], { count: 1, mean: 7, p50: 7, p90: 7, max: 7 }],
    // [0,0,0,100]: mean 25; p50 h=1.5 → 0; p90 h=2.7 → 0 + 0.7·100 = 70.
    [[100, 0, 0, 0], { count: 4, mean: 25, p50: 0, p90: 70, max: 100 }],
    // negatives (a context that shrank): [-50, 10, 20]: mean -20/3; p50 10; p90 h=1.8 → 10 + 0.8·10 = 18.
    [[-50, 10, 20], { count: 3, mean: -20 / 3, p50: 10, p90: 18, max: 20 }],
  ])("of %j is %j", (values, expected) => {
    const stats = histogramOf(values).stats();
    expect(stats).not.toBeNull();
    for (const [key, value] of Object.entries(expected))
      expect(stats?.[key as keyof typeof expected]).toBeCloseTo(value, 12);
  });

  it("is null for an empty set", () => {
    expect(new CountHistogram().stats()).toBeNull();
  });

  it("matches sorting the values (property, seed 42), also after removals", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 100_000 }), { minLength: 1, maxLength: 300 }),
        fc.nat(),
        (values, removeCount) => {
          const h = histogramOf(values);
          const removed = values.slice(0, removeCount % values.length);
          for (const v of removed) h.remove(v);
          const kept = values.slice(removed.length);
          const stats = h.stats();
          expect(stats?.count).toBe(kept.length);
          expect(stats?.max).toBe(Math.max(...kept));
          expect(stats?.mean).toBeCloseTo(kept.reduce((a, b) => a + b, 0) / kept.length, 6);
          expect(stats?.p50).toBeCloseTo(linearQuantile(kept, 0.5), 9);
          expect(stats?.p90).toBeCloseTo(linearQuantile(kept, 0.9), 9);
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });

  it("remove() of an absent value throws a RangeError naming it", () => {
    expect(() => histogramOf([1]).remove(2)).toThrow(/value 2/);
  });
});
