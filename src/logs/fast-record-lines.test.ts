import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rawStringText } from "../../test/json-string-fuzz.js";
import { findControl } from "./byte-search.js";
import { FastRecordReader } from "./fast-record.js";
import { fieldGetter } from "./field-path.js";
import { recordFromJson } from "./jsonl-record.js";
import type { RecordNames } from "./log-record.js";

// The flat scanner remembers its native searches per buffer: these tests read many lines of one buffer
// with one reader (as a chunk is read), with long strings full of escapes, quotes and control bytes.
const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
const decode = (b: Uint8Array, s: number, e: number) => decoder.decode(b.subarray(s, e));
const names: RecordNames = {
  episode: "episode_id",
  order: "turn",
  orderRequired: false,
  cachedOptional: false,
};
const fields = { episode: fieldGetter("episode_id"), order: fieldGetter("turn"), names };

function slow(text: string) {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return "invalid";
  }
  return recordFromJson(value, fields);
}

// Raw characters spliced into a string's text: the line may become invalid JSON, and must then be refused.
const raw = rawStringText(120);
const content = fc.oneof(
  fc.string({ maxLength: 400 }).map((s) => JSON.stringify(s)),
  fc.string({ unit: "binary", maxLength: 200 }).map((s) => JSON.stringify(s)),
  raw.map((s) => `"${s}"`),
);
const count = fc.oneof({ weight: 5, arbitrary: fc.nat(300_000) }, { weight: 1, arbitrary: fc.constant(-1) });
const requestLine = fc
  .record({
    before: content,
    id: fc.oneof(fc.constantFrom('"ep-1"', '"ep-2"', "3"), content),
    turn: count,
    prompt: count,
    completion: count,
    cached: count,
    after: content,
    nested: fc.constantFrom("", ',"x":[{"y":"a long value that goes past the byte loop limit"},null,1.5e3]'),
  })
  .map(
    (r) =>
      `{"content":${r.before},"episode_id":${r.id},"turn":${r.turn}${r.nested},"usage":{"prompt_tokens":${r.prompt},` +
      `"completion_tokens":${r.completion},"prompt_tokens_details":{"cached_tokens":${r.cached}}},"tail":${r.after}}`,
  )
  .filter((text) => !text.includes("\n") && !text.includes("\r"));

describe("FastRecordReader on many lines of one buffer (fuzz, seed 7)", () => {
  it("agrees with JSON.parse on every line, read in order, then backwards, with one reader", () => {
    let taken = 0;
    let refused = 0;
    fc.assert(
      fc.property(fc.array(requestLine, { minLength: 1, maxLength: 12 }), fc.boolean(), (lines, crlf) => {
        const bytes = encoder.encode(lines.join(crlf ? "\r\n" : "\n"));
        const spans: [number, number][] = [];
        let at = 0;
        for (const text of lines) {
          const length = encoder.encode(text).length;
          spans.push([at, at + length]);
          at += length + (crlf ? 2 : 1);
        }
        const reader = new FastRecordReader("episode_id", "turn", names, decode);
        for (const order of [spans, [...spans].reverse()])
          for (const [start, end] of order) {
            const text = decoder.decode(bytes.subarray(start, end));
            const fast = reader.read(bytes, start, end);
            const expected = slow(text);
            if (fast === null) refused++;
            else {
              taken++;
              expect(fast).toEqual(expected);
            }
          }
      }),
      { seed: 7, numRuns: 1500 },
    );
    // Both outcomes must happen often, or the test proves little.
    expect(taken).toBeGreaterThan(2000);
    expect(refused).toBeGreaterThan(500);
  });

  it("refuses a control byte in a long string, even when an earlier line had none", () => {
    const good = `{"episode_id":"e","usage":{"prompt_tokens":5,"completion_tokens":1},"c":"${"x".repeat(60)}"}`;
    const bad = good.replace("x".repeat(30), `${"x".repeat(29)}\u0002`);
    const bytes = encoder.encode(`${good}\n${bad}\n${good}`);
    const reader = new FastRecordReader("episode_id", null, { ...names, cachedOptional: true }, decode);
    const n = good.length;
    expect(reader.read(bytes, 0, n)).not.toBeNull();
    expect(reader.read(bytes, n + 1, 2 * n + 1)).toBeNull();
    expect(JSON.parse.bind(null, bad)).toThrow();
    expect(reader.read(bytes, 2 * n + 2, 3 * n + 2)).not.toBeNull();
  });
});

describe("findControl (fuzz, seed 3)", () => {
  it("finds the first byte below 0x20 other than LF and CR, at any offset and alignment", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 80 }),
        fc.nat(8),
        fc.nat(90),
        fc.constantFrom(0, 32, 9, 1),
        (body, shift, from, filler) => {
          const buffer = new Uint8Array(body.length + shift);
          buffer.set(body, shift);
          const view = buffer.subarray(shift);
          for (let k = 0; k < view.length; k++)
            if ((view[k] as number) >= 0x20 && k % 3 === 0) view[k] = filler;
          let expected = -1;
          for (let k = from; k < view.length; k++) {
            const c = view[k] as number;
            if (c < 0x20 && c !== 10 && c !== 13) {
              expected = k;
              break;
            }
          }
          expect(findControl(view, from)).toBe(expected);
        },
      ),
      { seed: 3, numRuns: 3000 },
    );
  });
});
