// Issue 13, item 3: on random logs (records with random JSON values where the reader looks, random lines,
// blank lines, LF or CRLF) `analyze --engine duckdb` prints the streaming reader's --json output to the
// byte, or refuses with one line naming --engine; it never reports a log differently. Fixed seed.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { runCliInProcess } from "./cli-helpers.js";

const duckdb = await import("@duckdb/node-api").catch(() => null);
if (!duckdb) console.warn("@duckdb/node-api does not load here: the DuckDB engine's fuzz test is skipped");

const dir = mkdtempSync(join(tmpdir(), "rollout-duckdb-fuzz-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const value = fc.oneof(
  fc.integer({ min: -5, max: 5000 }),
  fc.constantFrom(null, 2 ** 53, 2 ** 60, 1.5, 1e21, "12", "2026-12-01", "", true, [1], { a: 1 }),
  fc.string({ maxLength: 6 }),
);
const maybe = (arbitrary: fc.Arbitrary<unknown>) => fc.option(arbitrary, { nil: undefined, freq: 4 });
const record = fc
  .record({
    episode: maybe(fc.oneof(fc.constantFrom("a", "b", "c\\u00e9", 7), value)),
    turn: maybe(fc.oneof(fc.integer({ min: 0, max: 6 }), value)),
    prompt: maybe(fc.oneof(fc.integer({ min: 0, max: 900 }), value)),
    cached: maybe(fc.oneof(fc.integer({ min: 0, max: 300 }), value)),
    completion: maybe(fc.oneof(fc.integer({ min: 0, max: 90 }), value)),
  })
  .map(({ episode, turn, prompt, cached, completion }) =>
    JSON.stringify({
      episode_id: episode,
      turn,
      usage: {
        prompt_tokens: prompt,
        completion_tokens: completion,
        prompt_tokens_details: { cached_tokens: cached },
      },
    }).replace('"c\\\\u00e9"', '"c\\u00e9"'),
  );
const line = fc.oneof(
  { weight: 6, arbitrary: record },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }).map((s) => s.replaceAll(/[\r\n]/g, "")) },
  {
    weight: 1,
    arbitrary: fc.constantFrom("", "  \t", "{", "[1,]", '{"a":NaN}', "{}", '{"episode_id":"a",}'),
  },
  { weight: 1, arbitrary: record.map((r) => r.slice(0, Math.max(1, r.length - 9))) },
);

const SKIPPED = duckdb ? "" : " (skipped: @duckdb/node-api does not load here)";

describe.skipIf(!duckdb)(
  `rollout-cost analyze --engine duckdb (fuzzed logs)${SKIPPED}`,
  { timeout: 240_000 },
  () => {
    it("prints the streaming reader's --json output, or refuses with one line naming --engine", async () => {
      let n = 0;
      let compared = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.array(line, { minLength: 1, maxLength: 30 }),
          fc.constantFrom("\n", "\r\n"),
          fc.boolean(),
          fc.constantFrom([], ["--file-order"], ["--cached-optional"], ["--reorder-window", "2"]),
          async (lines, newline, terminated, flags) => {
            const path = join(dir, `log-${n++}.jsonl`);
            writeFileSync(path, lines.join(newline) + (terminated ? newline : ""));
            const stream = await runCliInProcess(["analyze", path, "--json", ...flags]);
            const engine = await runCliInProcess(["analyze", path, "--json", ...flags, "--engine", "duckdb"]);
            if (engine.code === 2 && engine.stderr.startsWith("rollout-cost: --engine duckdb cannot read")) {
              expect(engine.stdout).toBe("");
              expect(engine.stderr).toMatch(/^rollout-cost: [^\n]+\n$/);
              return;
            }
            compared++;
            expect(engine).toEqual(stream);
          },
        ),
        { seed: 1313, numRuns: 150 },
      );
      // Most logs are read, not refused: the property compares reports, not only refusals.
      expect(compared).toBeGreaterThan(100);
    });
  },
);
