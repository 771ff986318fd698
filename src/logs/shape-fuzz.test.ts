import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LogAnalyzer } from "./log-analyzer.js";

// Logs of one random layout repeated (random keys, nesting, spacing and values around the request's
// fields), read with learned layouts and with JSON.parse alone: the same analysis, and no throw.
const encoder = new TextEncoder();
// Keys a regular expression must escape, keys the learner refuses (non-ASCII, escaped, past 256 bytes).
const key = fc.oneof(
  { weight: 8, arbitrary: fc.string({ maxLength: 12 }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom("(", "[a-z]", "\\d+", "$^", "a|b", "*", "{1}", "/", "-", ".", "__proto__"),
  },
  { weight: 1, arbitrary: fc.constantFrom("é", "\u0000", 'a"b') },
  { weight: 1, arbitrary: fc.string({ minLength: 200, maxLength: 400 }) },
);
const scalar = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    scalar,
    fc.array(scalar, { maxLength: 4 }),
    fc.dictionary(key, tie("value"), { maxKeys: 3 }),
  ),
})).value;

describe("learned layouts on random layouts (fuzz, seed 5)", () => {
  it("give the analysis JSON.parse alone gives", () => {
    let read = 0;
    fc.assert(
      fc.property(
        fc.dictionary(key, value, { maxKeys: 5 }),
        fc.array(fc.tuple(fc.nat(3), fc.nat(5), fc.nat(5000), fc.nat(100), fc.string({ maxLength: 20 })), {
          minLength: 1,
          maxLength: 30,
        }),
        fc.constantFrom(undefined, 1, "\t"),
        (extra, rows, space) => {
          const text = rows
            .map(([episode, turn, prompt, cached, note]) =>
              JSON.stringify(
                {
                  ...extra,
                  episode_id: `ep-${episode}`,
                  turn,
                  note,
                  usage: {
                    prompt_tokens: prompt,
                    completion_tokens: 3,
                    prompt_tokens_details: { cached_tokens: Math.min(cached, prompt) },
                  },
                },
                null,
                space,
              ).replace(/\n/g, " "),
            )
            .join("\n");
          const bytes = encoder.encode(`${text}\n`);
          const analyze = (fastPath: boolean) => {
            const analyzer = new LogAnalyzer({ format: "jsonl", fastPath, perEpisode: true });
            for (let i = 0; i < bytes.length; i += 4096) analyzer.push(bytes.subarray(i, i + 4096));
            const result = analyzer.end();
            // Lines the learned layouts read (a private count, so that the test shows it tries them).
            if (fastPath) read += (Reflect.get(analyzer, "shapes") as { hits: number }).hits;
            return result;
          };
          expect(analyze(true)).toEqual(analyze(false));
        },
      ),
      { seed: 5, numRuns: 400 },
    );
    // Most layouts with a key JSON escapes, or long or non-ASCII, are left to the scanner: fewer lines here.
    expect(read).toBeGreaterThan(500);
  });
});
