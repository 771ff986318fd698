import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LineSplitter } from "./line-splitter.js";

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { ignoreBOM: true });

/** Splits `bytes` fed in chunks cut at `cuts`; returns each line's text and whether it was terminated. */
function split(bytes: Uint8Array, cuts: number[] = []): [string, boolean][] {
  const lines: [string, boolean][] = [];
  const splitter = new LineSplitter((b, start, end, terminated) => {
    lines.push([decoder.decode(b.subarray(start, end)), terminated]);
  });
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    splitter.push(bytes.subarray(from, cut));
    from = cut;
  }
  splitter.push(bytes.subarray(from));
  splitter.end();
  return lines;
}

describe("LineSplitter", () => {
  it.each([
    [
      "LF",
      "a\nb\n",
      [
        ["a", true],
        ["b", true],
      ],
    ],
    [
      "CRLF",
      "a\r\nb\r\n",
      [
        ["a", true],
        ["b", true],
      ],
    ],
    [
      "lone CR",
      "a\rb\r",
      [
        ["a", true],
        ["b", true],
      ],
    ],
    [
      "mixed endings",
      "a\r\nb\nc\rd",
      [
        ["a", true],
        ["b", true],
        ["c", true],
        ["d", false],
      ],
    ],
    [
      "blank lines kept",
      "a\n\n\r\nb\n",
      [
        ["a", true],
        ["", true],
        ["", true],
        ["b", true],
      ],
    ],
    [
      "BOM dropped at the start only",
      "\uFEFFa\n\uFEFFb\n",
      [
        ["a", true],
        ["\uFEFFb", true],
      ],
    ],
    [
      "no final line break",
      "a\nb",
      [
        ["a", true],
        ["b", false],
      ],
    ],
    ["empty input", "", []],
    ["BOM only", "\uFEFF", []],
  ])("push + end splits %s", (_name, text, expected) => {
    expect(split(encoder.encode(text))).toEqual(expected);
  });

  it("gives the same lines wherever the chunks are cut (every single cut and pairs)", () => {
    const bytes = encoder.encode('\uFEFF{"a":1}\r\n\r\né\rxyz\n\nlast');
    const whole = split(bytes);
    for (let i = 0; i <= bytes.length; i++) {
      expect(split(bytes, [i])).toEqual(whole);
      for (let j = i; j <= bytes.length; j += 3) expect(split(bytes, [i, j])).toEqual(whole);
    }
  });

  it("joins a 32 MiB line fed in 4 KiB chunks with one copy (a quadratic join would time out)", () => {
    const size = 32 << 20;
    const bytes = new Uint8Array(size + 1).fill(120);
    bytes[size] = 10;
    const lengths: number[] = [];
    const splitter = new LineSplitter((_b, start, end) => lengths.push(end - start));
    for (let i = 0; i < bytes.length; i += 4096) splitter.push(bytes.subarray(i, i + 4096));
    splitter.end();
    expect(lengths).toEqual([size]);
  });

  it("fed one byte at a time gives the same lines (property, seed 42)", () => {
    const piece = fc.constantFrom("a", "é", "{", "}", " ", "\n", "\r", "\r\n", "\uFEFF", "x1");
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 40 }),
        fc.array(fc.nat(200), { maxLength: 6 }),
        (pieces, cuts) => {
          const bytes = encoder.encode(pieces.join(""));
          const oneByOne = Array.from({ length: bytes.length }, (_, i) => i);
          const expected = split(bytes);
          expect(
            split(
              bytes,
              cuts.map((c) => Math.min(c, bytes.length)),
            ),
          ).toEqual(expected);
          expect(split(bytes, oneByOne)).toEqual(expected);
          // Reference: split the text on any line ending.
          let text = decoder.decode(bytes);
          if (text.startsWith("\uFEFF")) text = text.slice(1);
          const parts = text.split(/\r\n|\n|\r/);
          const tail = parts.pop() as string;
          const reference: [string, boolean][] = parts.map((p) => [p, true]);
          if (tail !== "") reference.push([tail, false]);
          expect(expected).toEqual(reference);
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });
});
