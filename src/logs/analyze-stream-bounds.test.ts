// The page's reader (analyzeBlob, run by the log-drop worker) keeps the CLI's bounds: issue 14, findings 2–3.
import { constants, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { type AnalyzeResponse, handleAnalyzeRequest } from "../web/workers/analyze-worker.js";
import { analyzeBlob } from "./analyze-stream.js";
import { LogLimitError } from "./log-limits.js";

const MiB = 1024 * 1024;
const line = (i: number) =>
  `${JSON.stringify({ episode_id: `e${i % 7}`, turn: Math.floor(i / 7) + 1, usage: { prompt_tokens: 10 + i, completion_tokens: 2, prompt_tokens_details: { cached_tokens: 0 } } })}\n`;
const lines = Array.from({ length: 1000 }, (_, i) => line(i));

describe("analyzeBlob on hostile files", { timeout: 30_000 }, () => {
  it("counts a .gz cut at a flush point as truncatedGzip after what it read", async () => {
    const half = gzipSync(lines.slice(0, 500).join(""), { finishFlush: constants.Z_SYNC_FLUSH });
    // A sync-flushed stream with its final block and trailer cut off.
    const cut = half.subarray(0, half.length - 8 - 5);
    const analysis = await analyzeBlob(new Blob([cut]));
    expect(analysis.skipped.truncatedGzip).toBe(1);
    expect(analysis.requests).toBeGreaterThan(400);
    expect(analysis.lines).toBe(analysis.requests + analysis.skippedTotal + analysis.blankLines);
    expect(analysis.warnings.join(" ")).toContain("truncated or corrupt");
  });

  it("a 5-byte gzip header is a truncatedGzip, not an empty log", async () => {
    const analysis = await analyzeBlob(new Blob([gzipSync(lines.join("")).subarray(0, 5)]));
    expect(analysis.requests).toBe(0);
    expect(analysis.skipped.truncatedGzip).toBe(1);
  });

  it("stops gzip bombs: NUL bytes at the line or the ratio bound, line breaks at the ratio bound", async () => {
    // The stream reads ahead of the decompressor, so the ratio is judged against more bytes than it used.
    const nulMember = gzipSync(Buffer.alloc(64 * MiB));
    const nul = new Blob(Array.from({ length: 8 }, () => nulMember));
    await expect(analyzeBlob(nul)).rejects.toThrow(/expands more than 200×|longer than 67108864 bytes/);
    const breakMember = gzipSync(Buffer.alloc(64 * MiB, 10));
    const breaks = new Blob(Array.from({ length: 8 }, () => breakMember));
    await expect(analyzeBlob(breaks)).rejects.toThrow(LogLimitError);
    await expect(analyzeBlob(breaks)).rejects.toThrow(/expands more than 200×/);
  });

  it("stops a line past maxLineBytes, and the worker answers one line", async () => {
    const file = new File([`${line(1)}${"x".repeat(5000)}\n`], "long.jsonl");
    await expect(analyzeBlob(file, { maxLineBytes: 4096 })).rejects.toThrow(
      /line 2 is longer than 4096 bytes/,
    );
    const responses: AnalyzeResponse[] = [];
    await handleAnalyzeRequest({ type: "analyze", file, options: { maxLineBytes: 4096 } }, (r) =>
      responses.push(r),
    );
    const last = responses.at(-1);
    expect(last?.type).toBe("error");
    expect(last?.type === "error" && last.message).toMatch(/^[^\n]*line 2 is longer than 4096 bytes[^\n]*$/);
  });
});

describe("analyzeBlob on what is not gzip past its magic bytes", () => {
  it("rejects: gzip's magic and a method other than deflate is no stream to count", async () => {
    await expect(
      analyzeBlob(new Blob([Uint8Array.from([0x1f, 0x8b, 1, 2, 3, 4, 5, 6, 7, 8])])),
    ).rejects.toThrow(/not valid gzip past its first two bytes/);
  });
});
