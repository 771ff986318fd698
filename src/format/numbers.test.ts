import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatCount, formatHours, formatUsd } from "./numbers.js";

const whole = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const cents = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const doubles = fc.oneof(
  fc.double({ min: -1e24, max: 1e24, noNaN: true }),
  fc.integer({ min: -1e6, max: 1e9 }).map((n) => n / 1000),
  fc.integer({ min: 0, max: 1e7 }).map((n) => n / 100 + 0.005),
);

// The formatters group and round by hand (no ICU set-up at start); they must write what Intl writes.
describe("number formatting for people", () => {
  it.each([
    [2264.96, "$2,265"],
    [2.26496, "$2.26"],
    [1.005, "$1.01"],
    [9.995, "$10.00"],
    [-0.004, "$-0.00"],
    [5e35, "$500,000,000,000,000,000,000,000,000,000,000,000"],
  ])("formatUsd(%d) is %s", (usd, text) => {
    expect(formatUsd(usd)).toBe(text);
  });

  it("formatCount, formatUsd and formatHours equal en-US Intl.NumberFormat on any number (fast-check)", () => {
    fc.assert(
      fc.property(doubles, (n) => {
        expect(formatCount(n)).toBe(whole.format(n));
        expect(formatUsd(n)).toBe(`$${n < 10 ? cents.format(n) : whole.format(n)}`);
        if (n >= 0.01) expect(formatHours(n)).toBe(cents.format(n));
      }),
      { seed: 2026, numRuns: 20_000 },
    );
  });
});
