// Issue 14: `analyze` on hostile files with hostile flag values (fixed seed, in process): exit 0 with JSON
// whose counts add up, or exit 2 with one line on stderr and nothing on stdout; never a stack trace.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { runCliInProcess } from "./cli-helpers.js";

const dir = mkdtempSync(join(tmpdir(), "rollout-analyze-fuzz-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const record = (e: string, t: number) =>
  JSON.stringify({
    episode_id: e,
    turn: t,
    usage: { prompt_tokens: 10 * t, completion_tokens: 3, prompt_tokens_details: { cached_tokens: 5 } },
  });

const content = fc.oneof(
  fc
    .array(fc.tuple(fc.constantFrom("a", "b", "\u001b[2J"), fc.integer({ min: 1, max: 9 })), {
      maxLength: 20,
    })
    .map((rs) => rs.map(([e, t]) => record(e, t)).join("\n")),
  fc.string({ maxLength: 200 }),
  fc.constantFrom("[", "{", "[\n{}", "\n\n\n", "episode_id,turn\n1,2", '{"data": []}', "\u0000".repeat(100)),
);
const hostile = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom(
    "",
    "0",
    "-1",
    "1e400",
    "NaN",
    "1023",
    "1024",
    "99999999999999999999",
    "1_0",
    " 5",
    "+5",
    "\u001b[2J",
    "__proto__",
    "a..b",
    "duckdb",
    "stream",
  ),
);
const flag = fc.constantFrom(
  "--max-line-bytes",
  "--max-gzip-ratio",
  "--format",
  "--episode-key",
  "--order-key",
  "--reorder-window",
  "--episodes",
  "--baseline",
  "--engine",
);

describe("rollout-cost analyze (fuzzed files and flags)", { timeout: 120_000 }, () => {
  it("exits 0 with consistent JSON or 2 with one line, never a stack trace", async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        content,
        fc.boolean(),
        fc.array(fc.tuple(flag, hostile), { maxLength: 2 }),
        fc.boolean(),
        async (text, gz, flags, strict) => {
          const path = join(dir, `log-${n++}${gz ? ".gz" : ".jsonl"}`);
          writeFileSync(path, gz ? gzipSync(text) : text);
          const args = [
            "analyze",
            path,
            "--json",
            ...flags.flatMap(([f, v]) => [`${f}=${v}`]),
            ...(strict ? ["--strict"] : []),
          ];
          const { code, stdout, stderr } = await runCliInProcess(args);
          expect(stderr).not.toContain("internal error");
          if (code === 0) {
            const json = JSON.parse(stdout);
            expect(json.input.lines).toBe(
              json.input.blankLines +
                json.input.headerLines +
                json.input.documentLines +
                json.requests +
                json.skippedTotal,
            );
            expect(stdout).not.toMatch(/NaN|Infinity/);
          } else {
            expect(code).toBe(2);
            expect(stdout).toBe("");
            expect(stderr).toMatch(/^rollout-cost: [^\n]+\n$/);
            expect(stderr.length).toBeLessThan(1000);
          }
        },
      ),
      { seed: 1414, numRuns: 300 },
    );
  });
});
