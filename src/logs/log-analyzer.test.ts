import { describe, expect, it } from "vitest";
import { type GeneratedTruth, type GenerateOptions, generateLog } from "../../examples/generate-log.js";
import type { LogAnalysis } from "./log-analysis.js";
import { type AnalyzeOptions, BadLineError, LogAnalyzer, UnreadableLogError } from "./log-analyzer.js";

const encoder = new TextEncoder();

/** Analyses `text` fed in chunks of `chunkBytes`. */
function analyzeText(
  text: string | Uint8Array,
  options: AnalyzeOptions = {},
  chunkBytes = 4096,
): LogAnalysis {
  const bytes = typeof text === "string" ? encoder.encode(text) : text;
  const analyzer = new LogAnalyzer(options);
  for (let i = 0; i < bytes.length; i += chunkBytes) analyzer.push(bytes.subarray(i, i + chunkBytes));
  return analyzer.end();
}

function generated(options: GenerateOptions): { text: string; truth: GeneratedTruth } {
  const lines: string[] = [];
  // generateLog's lines carry their endings; the last (truncated) one has none.
  const { lines: written, truth } = generateLog(options);
  lines.push(...written);
  return { text: lines.join(""), truth };
}

/** numpy.percentile's default, on a plain sorted copy: the reference the histogram must match. */
function reference(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const q = (p: number) => {
    const h = (sorted.length - 1) * p;
    const lo = Math.floor(h);
    const a = sorted[lo] as number;
    return a + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] as number) - a);
  };
  return {
    count: sorted.length,
    mean: values.reduce((s, v) => s + v, 0) / values.length,
    p50: q(0.5),
    p90: q(0.9),
    max: sorted[sorted.length - 1],
  };
}

function expectMatchesTruth(result: LogAnalysis, truth: GeneratedTruth, windowTokens?: number) {
  expect(result.requests).toBe(truth.requests);
  expect(result.episodes).toBe(truth.episodes);
  const skipped = Object.fromEntries(Object.entries(result.skipped).filter(([, n]) => n > 0));
  expect(skipped).toEqual(truth.skipped);
  expect(result.tokens).toEqual(truth.tokens);
  expect(result.cacheHitPercent).toBe((truth.tokens.cachedPrompt / truth.tokens.prompt) * 100);
  expect(result.idealCacheHitPercent).toBe((truth.tokens.idealCachedPrompt / truth.tokens.prompt) * 100);
  const fields = ["turns", "initialPromptTokens", "addedTokensPerTurn", "generatedTokensPerTurn"] as const;
  for (const field of fields) {
    const expected = reference(truth[field]);
    const actual = result.shape[field];
    expect(actual?.count).toBe(expected.count);
    expect(actual?.max).toBe(expected.max);
    expect(actual?.mean).toBeCloseTo(expected.mean, 9);
    expect(actual?.p50).toBeCloseTo(expected.p50, 9);
    expect(actual?.p90).toBeCloseTo(expected.p90, 9);
  }
  expect(result.peakContextTokens).toBe(Math.max(...truth.peakContextTokens));
  if (windowTokens !== undefined)
    expect(result.contextOverflowEpisodes).toBe(
      truth.peakContextTokens.filter((p) => p > windowTokens).length,
    );
}

describe("LogAnalyzer on generated logs with known totals", () => {
  it.each([
    ["JSONL with bad lines of every kind", { seed: 1, episodes: 300, badLinesPerKind: 2 }],
    ["CSV with bad lines of every kind", { seed: 2, episodes: 200, badLinesPerKind: 2, format: "csv" }],
    [
      "JSONL shuffled: turns arrive out of order",
      { seed: 3, episodes: 150, badLinesPerKind: 1, shuffle: true },
    ],
    ["CSV shuffled", { seed: 4, episodes: 100, shuffle: true, format: "csv" }],
    ["CRLF endings and a BOM", { seed: 5, episodes: 80, badLinesPerKind: 1, lineEnding: "crlf", bom: true }],
    ["mixed LF/CRLF endings", { seed: 6, episodes: 80, lineEnding: "mixed", format: "csv" }],
    ["one episode at a time", { seed: 8, episodes: 50, concurrency: 1 }],
    [
      "shuffled to a size (the generator once never stopped)",
      { seed: 10, targetBytes: 200_000, shuffle: true },
    ],
  ] as [string, GenerateOptions][])("%s: every figure exact", (_name, options) => {
    const { text, truth } = generated(options);
    expectMatchesTruth(analyzeText(text, { contextWindowTokens: 60_000 }), truth, 60_000);
  });

  it("gives the same analysis with and without the fast path", () => {
    const { text } = generated({
      seed: 12,
      episodes: 100,
      badLinesPerKind: 2,
      shuffle: true,
      lineEnding: "mixed",
    });
    expect(analyzeText(text, { fastPath: false })).toEqual(analyzeText(text));
  });

  it("gives the same analysis whatever the chunk size (1, 7, 4096 bytes)", () => {
    const { text } = generated({ seed: 9, episodes: 12, badLinesPerKind: 1, lineEnding: "mixed", bom: true });
    const whole = analyzeText(text, {}, 1 << 20);
    expect(analyzeText(text, {}, 7)).toEqual(whole);
    expect(analyzeText(text, {}, 1)).toEqual(whole);
  });

  it("stays exact when episodes are folded up early (reorder window of 50 lines, in-order input)", () => {
    const { text, truth } = generated({ seed: 10, episodes: 200, concurrency: 4 });
    const result = analyzeText(text, { reorderWindowLines: 50 });
    expectMatchesTruth(result, truth);
    expect(result.openEpisodesAtEnd).toBeLessThan(truth.episodes);
  });

  it("stays exact when episodes are folded up between their turns (64 in flight, window of 40 lines)", () => {
    const { text, truth } = generated({ seed: 13, episodes: 300, concurrency: 64, badLinesPerKind: 2 });
    const result = analyzeText(text, {
      reorderWindowLines: 40,
      contextWindowTokens: 50_000,
      perEpisode: true,
    });
    expectMatchesTruth(result, truth, 50_000);
    expect(result.perEpisode?.reduce((sum, row) => sum + row.promptTokens, 0)).toBe(truth.tokens.prompt);
    expect(result.perEpisode?.reduce((sum, row) => sum + row.idealCachedPromptTokens, 0)).toBe(
      truth.tokens.idealCachedPrompt,
    );
    expect(result).toEqual({
      ...analyzeText(text, { contextWindowTokens: 50_000, perEpisode: true }),
      openEpisodesAtEnd: result.openEpisodesAtEnd,
    });
  });

  it("counts a line that is every line's 1-based number, blank lines apart", () => {
    const { text, truth } = generated({ seed: 11, episodes: 30, badLinesPerKind: 1 });
    const result = analyzeText(text.replaceAll("\n", "\n\n"));
    expect(result.blankLines).toBe(result.lines - truth.requests - result.skippedTotal);
    expectMatchesTruth(result, truth);
  });
});

const record = (episode: unknown, turn: unknown, prompt: unknown, completion: unknown, cached: unknown = 0) =>
  JSON.stringify({
    episode_id: episode,
    turn,
    usage: {
      prompt_tokens: prompt,
      completion_tokens: completion,
      prompt_tokens_details: { cached_tokens: cached },
    },
  });

describe("LogAnalyzer skips each kind of bad line, with its line number", () => {
  it.each([
    ["malformedJson", '{"episode_id": "e", oops}\n'],
    ["malformedJson", "[1,2]\n"],
    ["missingField", `${JSON.stringify({ turn: 2, usage: { prompt_tokens: 5, completion_tokens: 1 } })}\n`],
    ["missingField", `${record("e", 2, undefined, 1)}\n`],
    ["missingField", `${record("e", 2, 5, null)}\n`],
    ["invalidCount", `${record("e", 2, -5, 1)}\n`],
    ["invalidCount", `${record("e", 2, 5.5, 1)}\n`],
    ["invalidCount", `${record("e", 2, "5", 1)}\n`],
    ["invalidCount", `${record("e", 2, 5, 1, -1)}\n`],
    ["invalidOrder", `${record("e", "soon", 5, 1)}\n`],
    ["cachedExceedsPrompt", `${record("e", 2, 5, 1, 6)}\n`],
    ["duplicateTurn", `${record("e", 1, 100, 1)}\n`],
    ["truncatedLine", record("e", 2, 5, 1).slice(0, 30)],
    // Cut off mid-record, then a line break (a writer killed after a partial flush) and blank lines.
    ["truncatedLine", `${record("e", 2, 5, 1).slice(0, 30)}\n\n`],
  ])("%s: %s", (kind, line) => {
    const first = `${record("e", 1, 100, 10, 0)}\n`;
    const result = analyzeText(first + line);
    expect(result.requests).toBe(1);
    expect(result.skippedTotal).toBe(1);
    expect(result.skipped[kind as keyof LogAnalysis["skipped"]]).toBe(1);
    expect(result.badLines).toEqual([{ line: 2, kind, message: expect.any(String) }]);
    expect(() => analyzeText(first + line, { strict: true })).toThrow(BadLineError);
    try {
      analyzeText(first + line, { strict: true });
    } catch (error) {
      expect((error as BadLineError).badLine).toMatchObject({ line: 2, kind });
    }
  });

  it("a line cut off mid-record is malformedJson unless it is the last (CSV: a short row)", () => {
    const cut = record("e", 2, 5, 1).slice(0, 30);
    const middle = analyzeText(`${record("e", 1, 1, 1)}\n${cut}\n${record("e", 3, 1, 1)}\n`);
    expect(middle.skipped.malformedJson).toBe(1);
    expect(middle.skipped.truncatedLine).toBe(0);
    const csv = "episode_id,turn,prompt_tokens,completion_tokens,cached_tokens\ne,1,5,1,0\ne,2,7\n";
    expect(analyzeText(csv).skipped.truncatedLine).toBe(1);
    expect(analyzeText(`${csv}e,3,9,1,0\n`).skipped.malformedRow).toBe(1);
  });

  it("keeps the first 5 examples of each kind but counts them all", () => {
    const bad = Array.from({ length: 9 }, () => "nope\n").join("");
    const result = analyzeText(`${record("e", 1, 1, 1)}\n${bad}`);
    expect(result.skipped.malformedJson).toBe(9);
    expect(result.badLines.map((b) => b.line)).toEqual([2, 3, 4, 5, 6]);
  });

  it("a missing or null cached count is a missingField, or 0 with cachedOptional", () => {
    const text = `${record("e", 1, 100, 1)}\n${JSON.stringify({ episode_id: "e", turn: 2, usage: { prompt_tokens: 150, completion_tokens: 1, prompt_tokens_details: null } })}\n`;
    const strict = analyzeText(text);
    expect(strict.requests).toBe(1);
    expect(strict.skipped.missingField).toBe(1);
    expect(strict.badLines[0]?.message).toBe(
      "usage.prompt_tokens_details.cached_tokens is missing (--cached-optional reads it as 0)",
    );
    const optional = analyzeText(text, { cachedOptional: true });
    expect(optional.requests).toBe(2);
    expect(optional.tokens.cachedPrompt).toBe(0);
    expect(
      analyzeText("episode_id,turn,prompt_tokens,completion_tokens\ne,1,5,1\n", { cachedOptional: true })
        .requests,
    ).toBe(1);
    expect(() => analyzeText("episode_id,turn,prompt_tokens,completion_tokens\ne,1,5,1\n")).toThrow(
      /cached_tokens/,
    );
  });
});

describe("LogAnalyzer ordering", () => {
  // Episode e: turns 1..4 with prompts 100, 150, 120 (the context shrank), 300.
  // Ideal cached: min(150,100) + min(120,150) + min(300,120) = 100 + 120 + 120 = 340.
  // Added: 50, -30, 180. Arrival order must not matter.
  const turns = [
    record("e", 1, 100, 10, 0),
    record("e", 2, 150, 10, 100),
    record("e", 3, 120, 10, 0),
    record("e", 4, 300, 10, 112),
  ];
  it.each([
    ["in order", [0, 1, 2, 3]],
    ["reversed", [3, 2, 1, 0]],
    ["middle last", [0, 3, 1, 2]],
  ])("by turn, %s: ideal cached 340, added 50/-30/180", (_name, order) => {
    const result = analyzeText(`${order.map((i) => turns[i]).join("\n")}\n`);
    expect(result.tokens.idealCachedPrompt).toBe(340);
    expect(result.shape.addedTokensPerTurn).toMatchObject({ count: 3, max: 180, p50: 50 });
    expect(result.shape.initialPromptTokens?.max).toBe(100);
  });

  it("--file-order ignores turn numbers", () => {
    const result = analyzeText(`${[3, 2, 1, 0].map((i) => turns[i]).join("\n")}\n`, { fileOrder: true });
    // File order: 300, 120, 150, 100 → ideal min(120,300) + min(150,120) + min(100,150) = 120 + 120 + 100.
    expect(result.tokens.idealCachedPrompt).toBe(340);
    expect(result.shape.initialPromptTokens?.max).toBe(300);
  });

  it("--file-order ignores a CSV turn column too", () => {
    const csv = "episode_id,turn,prompt_tokens,completion_tokens,cached_tokens\ne,2,300,1,0\ne,1,100,1,0\n";
    expect(analyzeText(csv).shape.initialPromptTokens?.max).toBe(100);
    expect(analyzeText(csv, { fileOrder: true }).shape.initialPromptTokens?.max).toBe(300);
  });

  it("--order-key reads nested timestamps (ISO dates) and a dotted episode key", () => {
    const line = (ep: string, at: string, prompt: number) =>
      JSON.stringify({ meta: { ep }, created: at, usage: { prompt_tokens: prompt, completion_tokens: 1 } });
    const text = `${line("x", "2026-11-01T00:00:02Z", 200)}\n${line("x", "2026-11-01T00:00:01Z", 100)}\n`;
    const result = analyzeText(text, { episodeKey: "meta.ep", orderKey: "created", cachedOptional: true });
    expect(result.episodes).toBe(1);
    expect(result.shape.initialPromptTokens?.max).toBe(100);
    expect(result.tokens.idealCachedPrompt).toBe(100);
    const missing = analyzeText(
      `${JSON.stringify({ meta: { ep: "x" }, usage: { prompt_tokens: 1, completion_tokens: 1 } })}\n`,
      {
        episodeKey: "meta.ep",
        orderKey: "created",
      },
    );
    expect(missing.skipped.missingField).toBe(1);
  });

  it("a request between two turns of an episode folded up long ago is a lateTurn, a repeat a duplicate", () => {
    const filler = Array.from({ length: 20 }, (_, i) => record(`f${i}`, 1, 1, 1)).join("\n");
    const text = [
      record("e", 1, 100, 1),
      record("e", 3, 300, 1),
      filler,
      record("e", 2, 200, 1),
      record("e", 3, 300, 1),
    ].join("\n");
    const result = analyzeText(`${text}\n`, { reorderWindowLines: 5 });
    expect(result.skipped.lateTurn).toBe(1);
    expect(result.skipped.duplicateTurn).toBe(1);
    // The same input with the default window places turn 2 exactly.
    const wide = analyzeText(`${text}\n`);
    expect(wide.skipped.lateTurn).toBe(0);
    expect(wide.tokens.idealCachedPrompt).toBe(300);
  });
});

describe("LogAnalyzer formats", () => {
  it("reads Tinker billing events: prefill (cached or not), sample, training; storage ignored", () => {
    const event = (type: string, tokens: number, cached?: boolean, session = "s1") =>
      JSON.stringify({
        session_id: session,
        event_info: { type, token_count: tokens, ...(cached !== undefined && { cached }) },
      });
    const text = [
      event("sampling_prefill", 1000, false),
      event("sampling_prefill", 3000, true),
      event("sampling_sample", 400),
      event("training", 700, undefined, "s2"),
      JSON.stringify({ event_info: { type: "storage", gigabyte_hours: 2 } }),
      event("sampling_prefill", 5),
      event("mystery", 5),
    ].join("\n");
    const result = analyzeText(text);
    expect(result.format).toBe("tinker");
    expect(result.tokens).toEqual({
      prompt: 4000,
      cachedPrompt: 3000,
      completion: 400,
      idealCachedPrompt: null,
      train: 700,
    });
    expect(result.cacheHitPercent).toBe(75);
    expect(result.idealCacheHitPercent).toBeNull();
    expect(result.episodes).toBe(2);
    expect(result.skipped.missingField).toBe(1);
    expect(result.skipped.unknownEvent).toBe(1);
  });

  it("reads Tinker's pretty-printed { data: [...] } response", () => {
    const doc = JSON.stringify(
      { data: [{ session_id: "a", event_info: { type: "sampling_sample", token_count: 9 } }] },
      null,
      2,
    );
    const result = analyzeText(doc);
    expect(result.format).toBe("tinker");
    expect(result.tokens.completion).toBe(9);
  });

  it("reads a pretty-printed JSON array of requests", () => {
    const doc = JSON.stringify(
      [JSON.parse(record("e", 1, 10, 1)), JSON.parse(record("e", 2, 20, 1)), { bad: 1 }],
      null,
      2,
    );
    const result = analyzeText(doc);
    expect(result.format).toBe("jsonl");
    expect(result.requests).toBe(2);
    expect(result.badLines).toEqual([{ line: 3, kind: "missingField", message: "episode_id is missing" }]);
  });

  it("reads a JSON array of requests on one line", () => {
    const doc = `[${record("e", 1, 10, 1)},${record("e", 2, 20, 1)}]`;
    expect(analyzeText(doc)).toMatchObject({ format: "jsonl", requests: 2 });
  });

  it("throws UnreadableLogError for a CSV header without the needed columns, naming them", () => {
    expect(() => analyzeText("episode_id,turn,tokens\ne,1,5\n")).toThrow(UnreadableLogError);
    expect(() => analyzeText("episode_id,turn,tokens\ne,1,5\n")).toThrow(/prompt_tokens/);
  });

  it.each([
    ["a stray first line without commas", "garbage\n", undefined, "jsonl"],
    ["a first line with commas in a .jsonl file", "a,b\n", "run.jsonl", "jsonl"],
    [
      "a header in a file with no name",
      "episode_id,turn,prompt_tokens,completion_tokens,cached_tokens\n",
      undefined,
      "csv",
    ],
  ])("auto-detects %s as %s", (_name, head, fileName, format) => {
    const text = `${head}${record("e", 1, 10, 1)}\n`;
    const result = analyzeText(text, fileName === undefined ? {} : { fileName });
    expect(result.format).toBe(format);
    if (format === "jsonl") expect(result).toMatchObject({ requests: 1, skippedTotal: 1 });
  });

  it("reads CSV with quoted cells and usage.* column names", () => {
    const text =
      '"usage.prompt_tokens",episode_id,"usage.completion_tokens",usage.prompt_tokens_details.cached_tokens\n100,"ep,1",5,7\n';
    const result = analyzeText(text, { format: "csv" });
    expect(result.requests).toBe(1);
    expect(result.tokens.prompt).toBe(100);
    expect(result.tokens.cachedPrompt).toBe(7);
  });
});
