import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LogAnalyzer } from "./log-analyzer.js";
import { SKIP_KINDS } from "./skip-kinds.js";

const encoder = new TextEncoder();

/** Every number anywhere in `value` is finite (no NaN, no Infinity). */
function allFinite(value: unknown): boolean {
  if (typeof value === "number") return Number.isFinite(value);
  if (value === null || typeof value !== "object") return true;
  return Object.values(value).every(allFinite);
}

const count = fc.oneof(
  fc.nat(200_000),
  fc.constantFrom(-1, 0.5, "12", null, true, 1e300, Number.MAX_SAFE_INTEGER + 2),
  fc.constant(undefined),
);
const validish = fc
  .record({
    episode: fc.oneof(fc.constantFrom("a", "b", "c"), fc.integer({ min: 0, max: 3 }), fc.constant(null)),
    turn: fc.oneof(fc.integer({ min: 0, max: 6 }), fc.constantFrom("x", "2026-01-01", undefined, 2.5)),
    prompt: count,
    completion: count,
    cached: count,
  })
  .map((r) =>
    JSON.stringify({
      episode_id: r.episode,
      turn: r.turn,
      usage: {
        prompt_tokens: r.prompt,
        completion_tokens: r.completion,
        prompt_tokens_details: { cached_tokens: r.cached },
      },
    }),
  );
// Valid-looking records, the same with bytes cut or inserted, and arbitrary text.
const line = fc.oneof(
  validish,
  fc.tuple(validish, fc.nat(), fc.string({ maxLength: 3 })).map(([text, at, insert]) => {
    const i = at % (text.length + 1);
    return text.slice(0, i) + insert + text.slice(i + 1);
  }),
  fc.string({ maxLength: 40 }),
  fc.constantFrom("", "   ", "{", "[", "}", "null", "\uFEFF{}", "{}"),
);
const ending = fc.constantFrom("\n", "\r\n", "\r");

describe("LogAnalyzer on arbitrary lines (fuzz, seed 42)", () => {
  it("never crashes, never outputs NaN, and counts every line as a request, a named skip or blank", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(line, ending), { maxLength: 30 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 64 }),
        (lines, lastTerminated, chunk) => {
          // A valid first line makes the format JSONL (a lone "{" or "[" first would start a JSON document).
          let text = `${JSON.stringify({ episode_id: "z", usage: { prompt_tokens: 1, completion_tokens: 1 } })}\n`;
          lines.forEach(([l, e], i) => {
            text += l + (i < lines.length - 1 || lastTerminated ? e : "");
          });
          const bytes = encoder.encode(text);
          const analyzer = new LogAnalyzer({ format: "jsonl", contextWindowTokens: 1000, perEpisode: true });
          for (let i = 0; i < bytes.length; i += chunk) analyzer.push(bytes.subarray(i, i + chunk));
          const result = analyzer.end();
          // The byte-scanning fast path and JSON.parse alone give the same analysis.
          const slow = new LogAnalyzer({
            format: "jsonl",
            contextWindowTokens: 1000,
            perEpisode: true,
            fastPath: false,
          });
          slow.push(bytes);
          expect(slow.end()).toEqual(result);
          expect(allFinite(result)).toBe(true);
          expect(result.requests + result.skippedTotal + result.blankLines).toBe(result.lines);
          for (const bad of result.badLines) {
            expect(SKIP_KINDS).toContain(bad.kind);
            expect(bad.message.length).toBeGreaterThan(0);
            expect(bad.line).toBeGreaterThanOrEqual(1);
            expect(bad.line).toBeLessThanOrEqual(result.lines);
          }
          expect(result.tokens.cachedPrompt).toBeLessThanOrEqual(result.tokens.prompt);
          expect(result.tokens.idealCachedPrompt ?? 0).toBeLessThanOrEqual(result.tokens.prompt);
          const rows = result.perEpisode ?? [];
          expect(rows.reduce((s, r) => s + r.turns, 0)).toBe(result.requests);
        },
      ),
      { seed: 42, numRuns: 400 },
    );
  });

  it("reads CSV rows of arbitrary cells the same way: each row a request or a named skip", () => {
    const cell = fc.oneof(
      fc.nat(1000).map(String),
      fc.constantFrom("", "-1", "1.5", "x", '"q,"', '"', "1e3"),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 6 }), { maxLength: 20 }), (rows) => {
        const text = `episode_id,turn,prompt_tokens,completion_tokens,cached_tokens\n${rows.map((r) => r.join(",")).join("\n")}\n`;
        const analyzer = new LogAnalyzer({ format: "csv" });
        analyzer.push(encoder.encode(text));
        const result = analyzer.end();
        expect(allFinite(result)).toBe(true);
        expect(result.requests + result.skippedTotal + result.blankLines + 1).toBe(result.lines);
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});
