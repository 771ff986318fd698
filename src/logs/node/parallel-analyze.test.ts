import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateLog } from "../../../examples/generate-log.js";
import { analyzeFile } from "../analyze-file.js";
import type { AnalyzeOptions } from "../log-analyzer.js";
import { nodeDecode } from "../node-input.js";
import { AutoLogAnalyzer } from "../readers/auto-analyzer.js";
import { defaultThreads, planRanges, rangeJobOptions, readInRanges } from "./parallel-analyze.js";
import { lineRanges } from "./range-split.js";

const dir = mkdtempSync(join(tmpdir(), "rollout-ranges-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** The log read in `parts` byte ranges (workers for all but the first) and on one thread. */
async function both(path: string, parts: number | number[], options: AnalyzeOptions = {}) {
  const all = { fileName: path, decode: nodeDecode, perEpisode: true, ...options };
  const one = await analyzeFile(path, all);
  const cuts = typeof parts === "number" ? lineRanges(path, statSync(path).size, parts) : parts;
  const analyzer = new AutoLogAnalyzer(all);
  const { threads } = await readInRanges(path, cuts, analyzer, rangeJobOptions(all));
  return { one, split: analyzer.end(), threads, cuts };
}

const log = (options: Parameters<typeof generateLog>[0]) => `${generateLog(options).lines.join("")}`;

describe("reading a log in byte ranges on worker threads", () => {
  it("gives the one-thread analysis exactly: bad lines of every kind, shuffled turns, episodes across ranges", async () => {
    const path = file("bad.jsonl", log({ seed: 5, episodes: 300, badLinesPerKind: 3, shuffle: true }));
    const { one, split, threads, cuts } = await both(path, 3);
    expect(cuts.length).toBe(4);
    expect(threads).toBe(3);
    expect(one.skippedTotal).toBeGreaterThan(15);
    expect(split).toEqual(one);
  }, 60_000);

  it.each<[string, AnalyzeOptions]>([
    ["a small reorder window (lateTurn lines)", { reorderWindowLines: 50 }],
    ["file order", { fileOrder: true }],
    ["an order key", { orderKey: "created" }],
    ["strict off, cached optional", { cachedOptional: true }],
  ])(
    "and with %s",
    async (_name, options) => {
      const path = file("modes.jsonl", log({ seed: 9, episodes: 200, badLinesPerKind: 2, shuffle: true }));
      const { one, split, threads } = await both(path, 2, options);
      expect(threads).toBe(2);
      expect(split).toEqual(one);
    },
    60_000,
  );

  it("with mixed line endings, a byte-order mark, runs of blank lines and a cut last line", async () => {
    const text = log({ seed: 3, episodes: 150, lineEnding: "mixed", bom: true, badLinesPerKind: 1 });
    const lines = text.split("\n");
    const path = file("mixed.jsonl", lines.map((l, k) => (k % 17 === 0 ? `${l}\n\n\n` : l)).join("\n"));
    const { one, split } = await both(path, 4);
    expect(one.blankLines).toBeGreaterThan(10);
    expect(one.skipped.truncatedLine).toBe(1);
    expect(split).toEqual(one);
  }, 60_000);

  it("a malformed line cut mid-record just before a range boundary is malformed, not truncated", async () => {
    const good = (k: number) =>
      `{"episode_id":"e${k % 7}","turn":${k},"usage":{"prompt_tokens":${10 + k},"completion_tokens":2,"prompt_tokens_details":{"cached_tokens":0}}}\n`;
    const head = Array.from({ length: 40 }, (_, k) => good(k)).join("");
    const held = '{"episode_id":"x","usage":{\n';
    const path = file("held.jsonl", `${head}${held}\n${good(41)}`);
    // Cut just after the held line, then just after the blank line: ranges of 0 and 1 record lines follow.
    const cut = head.length + held.length;
    const { one, split } = await both(path, [0, cut, cut + 1, statSync(path).size]);
    expect(one.skipped.malformedJson).toBe(1);
    expect(split).toEqual(one);
  }, 60_000);

  it("falls back to reading on here, with the same result or error, when ranges do not apply", async () => {
    const csv = file("log.csv", log({ seed: 4, episodes: 80, format: "csv" }));
    const r1 = await both(csv, 2);
    expect(r1.threads).toBe(1);
    expect(r1.split).toEqual(r1.one);
    const rows = generateLog({ seed: 4, episodes: 60 }).lines.map((l) => l.trim());
    const document = file("doc.json", `[\n${rows.join(",\n")}\n]\n`);
    const r2 = await both(document, 2);
    expect(r2.threads).toBe(1);
    expect(r2.one.documentLines).toBeGreaterThan(0);
    expect(r2.split).toEqual(r2.one);
    // A line past --max-line-bytes in the second range: the worker fails, the rest is read here.
    const long = file("long.jsonl", `${log({ seed: 4, episodes: 40 })}{"x":"${"y".repeat(5000)}"}\n`);
    const options = { maxLineBytes: 2048 };
    await expect(both(long, 2, options)).rejects.toThrow(/line \d+ is longer than 2048 bytes/);
    const cuts = lineRanges(long, statSync(long).size, 2);
    const analyzer = new AutoLogAnalyzer({ fileName: long, decode: nodeDecode, ...options });
    const lines = log({ seed: 4, episodes: 40 }).split("\n").length;
    await expect(readInRanges(long, cuts, analyzer, rangeJobOptions(options))).rejects.toThrow(
      `line ${lines} is longer than 2048 bytes`,
    );
  }, 60_000);
});

describe("planRanges and defaultThreads", () => {
  it("split only a plain file of 8 MiB or more, never stdin or gzip", () => {
    const small = file("small.jsonl", log({ seed: 1, episodes: 5 }));
    expect(planRanges(small, 4)).toBeNull();
    expect(planRanges("-", 4)).toBeNull();
    const big = file("big.jsonl", `${'{"a":1}\n'.repeat(1_200_000)}`);
    const cuts = planRanges(big, 3) as number[];
    // 9,600,000 bytes in thirds: 3,200,000 starts a line, so the first line feed at or past it ends at 3,200,008.
    expect(cuts).toEqual([0, 3_200_008, 6_400_008, 9_600_000]);
    expect(planRanges(big, 1)).toBeNull();
    const gz = file("big.gz", `\u001f\u008b${"x".repeat(9 << 20)}`);
    expect(planRanges(gz, 2)).toBeNull();
    expect(defaultThreads(undefined)).toBe(1);
    expect(defaultThreads((256 << 20) - 1)).toBe(1);
    expect(defaultThreads(256 << 20)).toBeGreaterThanOrEqual(1);
  });

  it("cut only after a line feed, and give fewer ranges when there is none to cut at", () => {
    const path = file("cr.jsonl", `${"x".repeat(100)}\r${"y".repeat(100)}\r\n${"z".repeat(50)}`);
    // 253 bytes; the only line feed is at 202: both cuts land just after it, once.
    expect(lineRanges(path, statSync(path).size, 3)).toEqual([0, 203, 253]);
    const none = file("none.jsonl", "q".repeat(300));
    expect(lineRanges(none, 300, 4)).toEqual([0, 300]);
  });
});
