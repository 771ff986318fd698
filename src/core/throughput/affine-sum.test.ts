import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Affine, sumOfMaxAffine } from "./affine-sum.js";

const brute = (fs: Affine[], from: number, to: number) => {
  let total = 0;
  for (let x = from; x <= to; x++) total += Math.max(...fs.map((f) => f.intercept + f.slope * x));
  return total;
};

describe("sumOfMaxAffine(functions, from, to)", () => {
  it("sums max(x, 10 − x) over 0..10 as 5 × 10 + ... by hand: 10+9+8+7+6+5+6+7+8+9+10 = 85", () => {
    expect(
      sumOfMaxAffine(
        [
          { intercept: 0, slope: 1 },
          { intercept: 10, slope: -1 },
        ],
        0,
        10,
      ),
    ).toBe(85);
  });

  it("is 0 over an empty range", () => {
    expect(sumOfMaxAffine([{ intercept: 3, slope: 1 }], 5, 4)).toBe(0);
  });

  it("equals the step-by-step sum (property)", () => {
    const affine = fc.record({
      intercept: fc.double({ min: -100, max: 100, noNaN: true }),
      slope: fc.double({ min: -2, max: 2, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.array(affine, { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 0, max: 200 }),
        (fs, from, length) => {
          const to = from + length;
          const expected = brute(fs, from, to);
          expect(Math.abs(sumOfMaxAffine(fs, from, to) - expected)).toBeLessThanOrEqual(
            1e-6 * (1 + Math.abs(expected)),
          );
        },
      ),
      { seed: 42 },
    );
  });
});
