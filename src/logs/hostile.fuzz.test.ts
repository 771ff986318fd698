// Issue 14: the log reader under hostile bytes (fixed seeds). Every outcome is an analysis whose counts add
// up (checked inside, on every run) with finite numbers, or one of the reader's named errors, one line.
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeBlob } from "./analyze-stream.js";
import { type AnalyzeOptions, BadLineError, LogAnalyzer, UnreadableLogError } from "./log-analyzer.js";
import { LogLimitError } from "./log-limits.js";

const encoder = new TextEncoder();
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the test
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

function allFinite(value: unknown): boolean {
  if (typeof value === "number") return Number.isFinite(value);
  if (value === null || typeof value !== "object") return true;
  return Object.values(value).every(allFinite);
}

const record = (e: string, t: number) =>
  JSON.stringify({
    episode_id: e,
    turn: t,
    usage: { prompt_tokens: 10 * t, completion_tokens: 3, prompt_tokens_details: { cached_tokens: 5 } },
  });

/** A valid log, then damaged: bytes flipped, cut, spliced with hostile pieces. */
const hostileBytes = fc
  .tuple(
    fc.array(fc.tuple(fc.constantFrom("a", "b", "c"), fc.integer({ min: 1, max: 20 })), { maxLength: 30 }),
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.oneof(
          fc.uint8Array({ maxLength: 8 }),
          fc.constantFrom(
            ...[
              "[",
              "{",
              "]",
              "\n",
              "\r",
              "\r\n",
              "\u001b[2J",
              "\ufeff",
              '"',
              "\\",
              ",",
              "\u0000",
              "episode_id,turn,prompt_tokens,completion_tokens,cached_tokens\n",
              '{"data":[',
            ].map((s) => encoder.encode(s)),
            Uint8Array.from([0xff, 0xfe]),
            Uint8Array.from([0x1f, 0x8b]),
          ),
        ),
      ),
      { maxLength: 8 },
    ),
    fc.option(fc.nat(), { nil: undefined }),
  )
  .map(([records, splices, cutAt]) => {
    let bytes = encoder.encode(records.map(([e, t]) => `${record(e, t)}\n`).join(""));
    for (const [at, piece] of splices) {
      const i = bytes.length === 0 ? 0 : at % (bytes.length + 1);
      const next = new Uint8Array(bytes.length + piece.length);
      next.set(bytes.subarray(0, i));
      next.set(piece, i);
      next.set(bytes.subarray(i), i + piece.length);
      bytes = next;
    }
    return cutAt === undefined || bytes.length === 0 ? bytes : bytes.subarray(0, cutAt % bytes.length);
  });

const options: fc.Arbitrary<AnalyzeOptions> = fc.record(
  {
    format: fc.constantFrom("auto", "jsonl", "csv", "tinker"),
    strict: fc.boolean(),
    fastPath: fc.boolean(),
    fileOrder: fc.boolean(),
    cachedOptional: fc.boolean(),
    maxLineBytes: fc.integer({ min: 16, max: 4096 }),
    maxDocumentBytes: fc.integer({ min: 1, max: 4096 }),
    reorderWindowLines: fc.integer({ min: 1, max: 50 }),
  },
  { requiredKeys: [] },
);

/** The errors the reader may throw on bad input; anything else is a crash. */
function expectNamedError(error: unknown): void {
  const named =
    error instanceof BadLineError || error instanceof UnreadableLogError || error instanceof LogLimitError;
  if (!named) throw error;
  expect((error as Error).message).not.toContain("\n");
}

describe("the log reader on hostile bytes (fuzz)", () => {
  it("returns consistent, finite counts or a named one-line error, in any chunking", () => {
    fc.assert(
      fc.property(hostileBytes, options, fc.integer({ min: 1, max: 97 }), (bytes, opts, chunkBytes) => {
        const analyzer = new LogAnalyzer(opts);
        try {
          for (let i = 0; i < bytes.length; i += chunkBytes) analyzer.push(bytes.subarray(i, i + chunkBytes));
          const result = analyzer.end();
          expect(allFinite(result)).toBe(true);
          expect(result.bytes).toBe(bytes.length);
          for (const bad of result.badLines) expect(bad.message).not.toMatch(CONTROL);
        } catch (error) {
          expectNamedError(error);
        }
      }),
      { seed: 1414, numRuns: 3000 },
    );
  });

  it("reads any damaged .gz as a complete log or a counted truncatedGzip, never more requests than written", async () => {
    const text = Array.from(
      { length: 300 },
      (_, i) => `${record(`e${i % 9}`, Math.floor(i / 9) + 1)}\n`,
    ).join("");
    const gz = gzipSync(text);
    await fc.assert(
      fc.asyncProperty(
        fc.nat(gz.length),
        fc.option(fc.tuple(fc.nat(gz.length - 1), fc.integer({ min: 1, max: 255 })), { nil: undefined }),
        async (cut, flip) => {
          const damaged = Uint8Array.from(gz.subarray(0, Math.max(2, cut)));
          if (flip && flip[0] < damaged.length) damaged[flip[0]] = (damaged[flip[0]] as number) ^ flip[1];
          try {
            const result = await analyzeBlob(new Blob([damaged]));
            expect(result.requests).toBeLessThanOrEqual(300);
            if (result.skipped.truncatedGzip === 0) {
              // Only the whole, undamaged stream reads as complete.
              expect(damaged.length === gz.length || flip !== undefined).toBe(true);
            }
          } catch (error) {
            expectNamedError(error);
          }
        },
      ),
      { seed: 1415, numRuns: 300 },
    );
  });
});
