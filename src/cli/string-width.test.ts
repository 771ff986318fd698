import { createRequire } from "node:module";
import fc from "fast-check";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const fastWidth = require("./string-width.cjs") as (text: string) => number;

const SIGNS = "×÷·±µΔ–—−…←→≤≥≠─│┌┐└┘┬┴├┤┼";
const plain = fc.string({
  unit: fc.constantFrom(...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)), ...SIGNS),
});

// The bundled CLI's tables measure text with string-width.cjs: it must give string-width's answer always.
describe("string-width.cjs", () => {
  it("is string-width's width on plain text: printable ASCII and the signs reports print (fast-check)", () => {
    fc.assert(
      fc.property(plain, (text) => {
        expect(fastWidth(text)).toBe(stringWidth(text));
      }),
      { seed: 9, numRuns: 20_000 },
    );
  });

  it("is string-width's width on any text, wide characters, emoji, controls and ANSI codes included (fast-check)", () => {
    const any = fc.oneof(
      fc.string({ unit: "grapheme" }),
      fc.string({ unit: "binary" }),
      fc.constantFrom(
        "漢字",
        "👍🏽 ok",
        "é",
        "\u001b[31mred\u001b[0m",
        "a\u0301",
        "#\u20e3",
        "\u00a9",
        "\t",
        "",
      ),
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(plain, any), { maxLength: 4 }), (parts) => {
        const text = parts.join("");
        expect(fastWidth(text)).toBe(stringWidth(text));
      }),
      { seed: 9, numRuns: 5_000 },
    );
  });
});
