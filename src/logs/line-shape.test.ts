import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rawStringText } from "../../test/json-string-fuzz.js";
import { fieldGetter } from "./field-path.js";
import { recordFromJson } from "./jsonl-record.js";
import { type LineShape, learnShape, shapeRecord, targetPaths } from "./line-shape.js";
import type { RecordNames } from "./log-record.js";

const encoder = new TextEncoder();
const names: RecordNames = {
  episode: "episode_id",
  order: "turn",
  orderRequired: false,
  cachedOptional: false,
};
const fields = { episode: fieldGetter("episode_id"), order: fieldGetter("turn"), names };
const paths = targetPaths("episode_id", "turn");

function learn(text: string, at = paths): LineShape | null {
  const bytes = encoder.encode(text);
  return learnShape(bytes, 0, bytes.length, at);
}

/** What the shape reads from `text` (one line, as the log's bytes seen one byte a character), or null if it does not match. */
function read(shape: LineShape, text: string) {
  const bytes = encoder.encode(`${text}\n`);
  const latin1 = String.fromCharCode(...bytes);
  shape.regex.lastIndex = 0;
  const match = shape.regex.exec(latin1);
  if (match === null || shape.regex.lastIndex !== latin1.length) return null;
  return shapeRecord(shape, match, names);
}

function parsed(text: string) {
  try {
    return recordFromJson(JSON.parse(text), fields);
  } catch {
    return "invalid";
  }
}

const openAi = (id: string, turn: string, content: string, prompt = 120) =>
  `{"id":"chatcmpl-1","object":"chat.completion","episode_id":${id},"turn":${turn},"choices":[{"index":0,` +
  `"message":{"role":"assistant","content":${content},"refusal":null},"logprobs":null,"finish_reason":"stop"}],` +
  `"usage":{"prompt_tokens":${prompt},"completion_tokens":7,"total_tokens":${prompt + 7},` +
  `"prompt_tokens_details":{"cached_tokens":64}},"stream":false}`;

describe("learnShape", () => {
  it("reads later lines of the layout as JSON.parse does: other strings, escapes, non-ASCII, numbers", () => {
    const shape = learn(openAi('"ep-1"', "1", '"hello"')) as LineShape;
    expect(shape).not.toBeNull();
    for (const line of [
      openAi('"ep-1"', "1", '"hello"'),
      openAi('"ep-22"', "3", JSON.stringify('say "hi"\n\tthen → stop \u0001'), 9000),
      openAi('"ep-3"', "-2.5e3", '"\\u00e9\\/"'),
      openAi('"ep-4"', "0", '""'),
    ]) {
      expect(read(shape, line)).toEqual(parsed(line));
    }
    expect(read(shape, openAi('"ep-3"', "2", '"x"'))).toMatchObject({
      ok: true,
      episodeId: "ep-3",
      order: 2,
    });
  });

  it("matches no line that is not valid JSON, and no other layout", () => {
    const shape = learn(openAi('"ep-1"', "1", '"hello"')) as LineShape;
    for (const line of [
      openAi('"ep-1"', "1", '"a\u0001b"'), // a raw control byte in a string
      openAi('"ep-1"', "1", '"a\\xb"'), // an escape JSON has not
      openAi('"ep-1"', "01", '"a"'), // a leading zero
      openAi('"ep-1"', "1.", '"a"'),
      openAi('"ep-1"', "1", '"a'),
      openAi('"ep\\u0031"', "1", '"a"'), // an episode id with an escape: the scanner reads it
      openAi('"ep-1"', "1", "null"), // another kind of value
      openAi("17", "1", '"a"'), // a number where the line had a string
      openAi('"ep-1"', "1", '"a"').replace('"stream":false', '"stream":false,"extra":1'),
      openAi('"ep-1"', "1", '"a"').replace("{", "{ "),
    ])
      expect(read(shape, line)).toBeNull();
    const spaced = learn(openAi('"ep-1"', "1", '"a"').replace("{", "{ ")) as LineShape;
    expect(read(spaced, openAi('"ep-2"', "2", '"b"').replace("{", "{ "))).toMatchObject({
      episodeId: "ep-2",
    });
    expect(read(spaced, openAi('"ep-2"', "2", '"b"'))).toBeNull();
  });

  it("takes arrays of numbers or strings at any length, other arrays element by element", () => {
    const line = (ids: string, mixed: string) =>
      `{"episode_id":"e","token_ids":${ids},"mixed":${mixed},"usage":{"prompt_tokens":5,"completion_tokens":1,"prompt_tokens_details":{"cached_tokens":0}}}`;
    const shape = learn(line("[1, 2, 3]", '[1,"a"]')) as LineShape;
    expect(read(shape, line("[7]", '[2,"b"]'))).toMatchObject({ ok: true, promptTokens: 5 });
    expect(
      read(shape, line(`[${Array.from({ length: 5000 }, (_, i) => i).join(", ")}]`, '[3,"c"]')),
    ).not.toBeNull();
    expect(read(shape, line("[1,2]", '[1,"a"]'))).toBeNull(); // other spacing
    expect(read(shape, line("[]", '[1,"a"]'))).toBeNull();
    expect(read(shape, line("[1, 2]", '[1,"a",2]'))).toBeNull();
  });

  it("leaves a line of long keys or long runs of whitespace to the scanner, without throwing", () => {
    const usage = `"usage":{"prompt_tokens":5,"completion_tokens":1,"prompt_tokens_details":{"cached_tokens":0}}`;
    const line = (key: number, space: number) =>
      `{"${"k".repeat(key)}":1,${" ".repeat(space)}"episode_id":"e",${usage}}`;
    // V8 will not compile the expression of a 40 KB key ("Regular expression too large").
    for (const [key, space] of [
      [40_000, 0],
      [300_000, 0],
      [0, 300_000],
      [257, 0],
      [0, 257],
    ] as const)
      expect(learn(line(key, space))).toBeNull();
    const shape = learn(line(200, 200)) as LineShape;
    expect(read(shape, line(200, 200))).toMatchObject({ ok: true, episodeId: "e", promptTokens: 5 });
  });

  it("learns nothing from lines the scanner leaves to JSON.parse, or that are not JSON", () => {
    const usage = `"usage":{"prompt_tokens":5,"completion_tokens":1,"prompt_tokens_details":{"cached_tokens":0}}`;
    for (const line of [
      `{"episode_id":"e","episode_id":"f",${usage}}`, // a repeated key
      `{"episode\\u005fid":"e",${usage}}`, // a key spelled with an escape
      `{"episode_id":{"x":1},${usage}}`, // a target that is not a number or a plain string
      `{"episode_id":"é",${usage}}`,
      `{"episode_id":"e",${usage},}`, // not JSON
      `{"episode_id":"e",${usage}} x`,
      `["episode_id"]`,
    ])
      expect(learn(line)).toBeNull();
    // A dotted episode path not found: a flat key "meta.id" may hold it.
    expect(learn(`{"meta.id":"e",${usage}}`, targetPaths("meta.id", null))).toBeNull();
    expect(learn(`{"meta":{"id":"e"},${usage}}`, targetPaths("meta.id", null))).not.toBeNull();
  });
});

// Lines of one layout with values drawn at random, some of them not JSON: whatever the learned shape
// matches must be exactly what JSON.parse reads.
const raw = rawStringText(40);
const number = fc.oneof(
  fc.nat(300_000).map(String),
  fc.constantFrom("-1", "1.5", "1e3", "01", "-", "1.", "0", "-0", "1E+2", "9007199254740993", "1e400"),
);
const value = fc.oneof(
  fc.string({ maxLength: 60 }).map((s) => JSON.stringify(s)),
  raw.map((s) => `"${s}"`),
  number,
);

describe("a learned shape against JSON.parse (fuzz, seed 11)", () => {
  it("never reads a line otherwise than JSON.parse + recordFromJson", () => {
    let matched = 0;
    let refused = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(value, value, number, number, value), { minLength: 2, maxLength: 8 }),
        fc.nat(400),
        (rows, cut) => {
          const lines = rows.map(([id, content, turn, prompt, tail]) =>
            openAi(id, turn, content, Number(prompt) || 0).replace('"stream":false', `"stream":${tail}`),
          );
          const first = lines.find((line) => typeof parsed(line) === "object");
          const shape = first === undefined ? null : learn(first);
          if (shape === null) return;
          // A line cut short or with a byte dropped, too.
          const others = [
            ...lines,
            ...lines.map((l) => l.slice(0, cut)),
            ...lines.map((l) => l.slice(0, cut) + l.slice(cut + 1)),
          ];
          for (const line of others) {
            const got = read(shape, line);
            if (got === null) refused++;
            else {
              matched++;
              expect(got).toEqual(parsed(line));
            }
          }
        },
      ),
      { seed: 11, numRuns: 600 },
    );
    expect(matched).toBeGreaterThan(300);
    expect(refused).toBeGreaterThan(300);
  });
});
