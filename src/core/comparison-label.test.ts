import { describe, expect, it } from "vitest";
import { comparisonLabel } from "./comparison-label.js";

describe("comparisonLabel(baseline, candidate)", () => {
  it.each([
    [100, 100, "at par"],
    [105, 100, "1.1× cheaper"], // ratio exactly 1.05 flips to cheaper ("1.05".toFixed(1) is "1.1")
    [104.99, 100, "at par"],
    [95, 100, "1.1× more"], // ratio exactly 0.95 flips to more: 1 / 0.95 = 1.0526 → "1.1"
    [95.01, 100, "at par"],
    [2264.96, 284.44, "8.0× cheaper"],
    [100, 785, "7.8× more"],
    [0, 100, "—"],
    [100, 0, "—"],
    [Number.NaN, 100, "—"],
    [100, -1, "—"],
    [1e300, 1e-300, "—"], // the ratio overflows: no "Infinity× cheaper"
    [1e-300, 1e300, "—"], // the ratio underflows to 0: no "Infinity× more"
  ])("comparisonLabel(%d, %d) is %s", (baseline, candidate, label) => {
    expect(comparisonLabel(baseline, candidate)).toBe(label);
  });
});
