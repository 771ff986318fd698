import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FastRecordReader } from "./fast-record.js";
import { fieldGetter } from "./field-path.js";
import { recordFromJson } from "./jsonl-record.js";
import type { RecordNames } from "./log-record.js";

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
const decode = (b: Uint8Array, s: number, e: number) => decoder.decode(b.subarray(s, e));

/** What the slow path (JSON.parse + recordFromJson) says about a line; "invalid" when JSON.parse throws. */
function slow(text: string, episodeKey: string, orderKey: string | null, names: RecordNames) {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return "invalid";
  }
  const fields = {
    episode: fieldGetter(episodeKey),
    order: orderKey === null ? null : fieldGetter(orderKey),
    names,
  };
  return recordFromJson(value, fields);
}

/** Checks the fast reader on `text` (also embedded in a larger buffer, as lines are in a chunk). */
function agree(text: string, episodeKey = "episode_id", orderKey: string | null = "turn", optional = false) {
  const names: RecordNames = {
    episode: episodeKey,
    order: orderKey ?? "turn",
    orderRequired: false,
    cachedOptional: optional,
  };
  const reader = new FastRecordReader(episodeKey, orderKey, names, decode);
  const bytes = encoder.encode(`${text}\n{"next":1}`);
  const lineEnd = encoder.encode(text).length;
  const fast = reader.read(bytes, 0, lineEnd);
  const expected = slow(text, episodeKey, orderKey, names);
  if (fast !== null) expect(fast).toEqual(expected);
  return { fast, expected };
}

const scalar = fc.oneof(
  fc.integer({ min: -5, max: 200_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 6 }),
  fc.constantFrom(null, true, false, "ep-1", 1e21, 0, "2026-01-01T00:00:00Z"),
);
const key = fc.oneof(
  fc.constantFrom(
    "episode_id",
    "turn",
    "usage",
    "prompt_tokens",
    "completion_tokens",
    "prompt_tokens_details",
    "cached_tokens",
    "meta",
    "choices",
  ),
  fc.string({ maxLength: 5 }),
);
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small" }, scalar, tie("object"), fc.array(tie("value"), { maxLength: 3 })),
  object: fc.dictionary(key, tie("value"), { maxKeys: 5 }),
})).value;
// Mostly plain counts (the fast path's case), sometimes anything.
const count = fc.oneof({ weight: 6, arbitrary: fc.nat(300_000) }, { weight: 1, arbitrary: scalar });
const usage = fc.record(
  {
    prompt_tokens: count,
    completion_tokens: count,
    prompt_tokens_details: fc.oneof(
      { weight: 6, arbitrary: fc.record({ cached_tokens: count }) },
      { weight: 1, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: scalar },
    ),
    extra: json,
  },
  { requiredKeys: [] },
);
const request = fc.record(
  {
    episode_id: fc.oneof(
      { weight: 6, arbitrary: fc.string({ maxLength: 8 }) },
      { weight: 1, arbitrary: scalar },
    ),
    turn: count,
    usage,
    choices: json,
    meta: fc.record({ ep: scalar }),
  },
  { requiredKeys: ["usage"] },
);

/** Serialises with random spacing; sometimes duplicates a key or escapes one, as other writers do. */
const line = fc.tuple(request, fc.constantFrom(0, 1, 2, 3, 4, 5), fc.nat()).map(([r, variant, n]) => {
  const text = JSON.stringify(r, null, variant === 1 ? 1 : undefined);
  if (variant === 1) return text.replaceAll("\n", " ");
  if (variant === 2) return text.replace('"usage":', '"usage":{"prompt_tokens":1},"usage":');
  if (variant === 3) return text.replace('"turn"', '"t\\u0075rn"');
  if (variant === 4) {
    const i = n % (text.length + 1);
    return text.slice(0, i) + text.slice(i + 1);
  }
  if (variant === 5) return ` \t${text}\t `;
  return text;
});

describe("FastRecordReader.read agrees with JSON.parse + recordFromJson (fuzz, seed 42)", () => {
  it("on request-shaped lines, mutated lines and duplicates: the same record or skip, or null", () => {
    let taken = 0;
    fc.assert(
      fc.property(line, (text) => {
        if (agree(text).fast !== null) taken++;
      }),
      { seed: 42, numRuns: 3000 },
    );
    // The fast path must actually be used for most well-formed lines, or the test proves nothing.
    expect(taken).toBeGreaterThan(500);
  });

  it("with a dotted --episode-key, no order key and --cached-optional", () => {
    fc.assert(
      fc.property(line, (text) => {
        agree(text, "meta.ep", null, true);
      }),
      { seed: 42, numRuns: 1000 },
    );
  });

  it("on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        agree(text);
        agree(`{${text}}`);
        agree(`{"usage":{"prompt_tokens":${text}}}`);
      }),
      { seed: 42, numRuns: 1000 },
    );
  });

  it.each([
    ['{"episode_id":"e","turn":1,"usage":{"prompt_tokens":5,"completion_tokens":1}}', true],
    [
      '{"episode_id":7,"turn":1,"usage":{"prompt_tokens":5,"completion_tokens":1,"prompt_tokens_details":null}}',
      true,
    ],
    ['{"episode_id":"e","usage":{"prompt_tokens":05,"completion_tokens":1}}', false],
    ['{"episode_id":"e","usage":{"prompt_tokens":5,"completion_tokens":1}', false],
    ['{"episode_id":"e\\"x","usage":{"prompt_tokens":5,"completion_tokens":1}}', false],
    ['{"episode_id":"e","usage":{"prompt_tokens":-5,"completion_tokens":1}}', false],
    ['{"episode_id":"e","usage":{"prompt_tokens":5,"completion_tokens":1},"usage":{}}', false],
    ['{"a":"tab\tinside","episode_id":"e","usage":{"prompt_tokens":5,"completion_tokens":1}}', false],
    [
      '{"a":[1,2,{"b":[true,false,null,-0.5e+3]}],"episode_id":"e","usage":{"prompt_tokens":5,"completion_tokens":1}}',
      true,
    ],
  ])("%s: fast path taken = %s", (text, taken) => {
    const { fast, expected } = agree(text);
    expect(fast !== null).toBe(taken);
    if (taken) expect(expected).not.toBe("invalid");
  });
});
