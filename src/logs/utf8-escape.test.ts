import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { textDecoder } from "./line-text.js";
import { LogAnalyzer } from "./log-analyzer.js";
import { decodeEscaped, escapingDecode } from "./utf8-escape.js";

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === "string" ? [...Buffer.from(p)] : p)));

describe("decodeEscaped", () => {
  it("decodes valid UTF-8 as TextDecoder does (fast-check)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), (text) => {
        const encoded = new TextEncoder().encode(text);
        expect(decodeEscaped(encoded, 0, encoded.length)).toBe(text);
      }),
      { seed: 14, numRuns: 500 },
    );
  });

  it("escapes each invalid byte as U+DC00 + byte, so distinct bytes stay distinct (fast-check)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 12 }), fc.uint8Array({ maxLength: 12 }), (a, b) => {
        const same = Buffer.from(a).equals(Buffer.from(b));
        expect(decodeEscaped(a, 0, a.length) === decodeEscaped(b, 0, b.length)).toBe(same);
      }),
      { seed: 14, numRuns: 2000 },
    );
  });

  it.each([
    [[0xff], "\udcff"],
    [[0xc0, 0xaf], "\udcc0\udcaf"], // overlong "/"
    [[0xed, 0xa0, 0x80], "\udced\udca0\udc80"], // an encoded surrogate
    [[0xf4, 0x90, 0x80, 0x80], "\udcf4\udc90\udc80\udc80"], // past U+10FFFF
    [[0xe2, 0x82], "\udce2\udc82"], // cut short
    [[0xef, 0xbf, 0xbd], "\ufffd"], // a real U+FFFD stays one
    [[0xf0, 0x9f, 0x98, 0x80], "😀"],
  ])("decodes %j as %j", (input, text) => {
    const b = Uint8Array.from(input);
    expect(decodeEscaped(b, 0, b.length)).toBe(text);
    expect(escapingDecode(textDecoder())(b, 0, b.length)).toBe(text);
  });
});

// Issue 14, finding 8: ids "ep\xFE" and "ep\xFF" both decoded to "ep\uFFFD" and merged into one episode.
describe("UTF-8-invalid episode ids", () => {
  it.each([true, false])("stay distinct episodes (fast path %s)", (fastPath) => {
    const analyzer = new LogAnalyzer({ fastPath });
    const line = (id: number[]) =>
      bytes(
        '{"episode_id":"ep',
        id,
        '","turn":1,"usage":{"prompt_tokens":10,"completion_tokens":2,"prompt_tokens_details":{"cached_tokens":0}}}\n',
      );
    analyzer.push(line([0xfe]));
    analyzer.push(line([0xff]));
    analyzer.push(line([0xef, 0xbf, 0xbd]));
    const analysis = analyzer.end();
    expect(analysis.requests).toBe(3);
    expect(analysis.episodes).toBe(3);
    expect(analysis.skippedTotal).toBe(0);
  });
});
