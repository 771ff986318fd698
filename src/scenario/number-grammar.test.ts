import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseNumberText } from "./number-grammar.js";

describe("parseNumberText", () => {
  it.each([
    ["50000", 50_000],
    ["50,000", 50_000],
    ["50_000", 50_000],
    ["50K", 50_000],
    ["50k", 50_000],
    ["4k", 4_000],
    ["1.5M", 1_500_000],
    ["1e6", 1_000_000],
    ["1E6", 1_000_000],
    ["2.5e-3", 0.0025],
    ["1.1K", 1100],
    ["0", 0],
    ["0.5", 0.5],
    ["-3", -3],
    ["1,234,567", 1_234_567],
    ["2B", 2_000_000_000],
  ])("reads %s as %d", (text, value) => {
    expect(parseNumberText(text)).toBe(value);
  });

  it.each([
    "1__0",
    "1_0",
    "1,0",
    "12,34",
    ",100",
    "100,",
    " 5",
    "5 ",
    "+5",
    "",
    "-",
    ".5",
    "5.",
    "1e",
    "1e6K",
    "1KM",
    "0x10",
    "Infinity",
    "NaN",
    "1e999",
    "1,000_000",
    "５",
  ])("rejects %j", (text) => {
    expect(parseNumberText(text)).toBeUndefined();
  });

  it("agrees with Number() on every plain decimal it reads, and never returns NaN or Infinity", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (text) => {
        const value = parseNumberText(text);
        if (value === undefined) return;
        expect(Number.isFinite(value)).toBe(true);
        if (/^-?\d+(\.\d+)?$/.test(text)) expect(value).toBe(Number(text));
      }),
      { seed: 9, numRuns: 3000 },
    );
  });

  it("reads every integer written with comma groups as the integer", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), (n) => {
        expect(parseNumberText(n.toLocaleString("en-US"))).toBe(n);
        expect(parseNumberText(n.toLocaleString("en-US").replaceAll(",", "_"))).toBe(n);
      }),
      { seed: 10, numRuns: 500 },
    );
  });
});
