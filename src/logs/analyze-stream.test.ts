import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { generateLog } from "../../examples/generate-log.js";
import { type AnalyzeResponse, handleAnalyzeRequest } from "../web/workers/analyze-worker.js";
import { analyzeBlob } from "./analyze-stream.js";

const { lines, truth } = generateLog({ seed: 41, episodes: 60, badLinesPerKind: 1 });
const text = lines.join("");

describe("analyzeBlob(file)", () => {
  it("reads a File with the same totals as the generator wrote, gzip or not", async () => {
    for (const blob of [new Blob([text]), new Blob([gzipSync(text)])]) {
      const analysis = await analyzeBlob(blob);
      expect(analysis.requests).toBe(truth.requests);
      expect(analysis.tokens).toEqual(truth.tokens);
      expect(analysis.skippedTotal).toBe(7);
    }
  });

  it("reports progress ending at the file's size", async () => {
    const reports: number[] = [];
    await analyzeBlob(new Blob([text]), {}, (p) => reports.push(p.bytes));
    expect(reports.at(-1)).toBe(new Blob([text]).size);
  });
});

describe("the analyze worker's handler", () => {
  it("answers progress, then done with the analysis and the fitted shape", async () => {
    const responses: AnalyzeResponse[] = [];
    const file = new File([text], "run.jsonl");
    await handleAnalyzeRequest({ type: "analyze", file, options: { contextWindowTokens: 128_000 } }, (r) =>
      responses.push(r),
    );
    expect(responses[0]?.type).toBe("progress");
    const done = responses.at(-1);
    expect(done?.type).toBe("done");
    if (done?.type !== "done") return;
    expect(done.analysis.requests).toBe(truth.requests);
    expect(done.analysis.contextOverflowEpisodes).toBe(
      truth.peakContextTokens.filter((p) => p > 128_000).length,
    );
    expect(done.fitted?.workload.episodes).toBe(truth.episodes);
    expect(done.workloadTokens?.promptTokens).toBe(truth.tokens.prompt);
    expect(() => structuredClone(done)).not.toThrow();
  });

  it("answers an error naming the line in strict mode, and for a CSV file without the needed columns", async () => {
    const responses: AnalyzeResponse[] = [];
    await handleAnalyzeRequest(
      { type: "analyze", file: new File([text], "a.jsonl"), options: { strict: true } },
      (r) => responses.push(r),
    );
    expect(responses.at(-1)).toEqual({ type: "error", message: expect.stringMatching(/^line \d+: \w+: /) });
    const csv: AnalyzeResponse[] = [];
    await handleAnalyzeRequest({ type: "analyze", file: new File(["a,b\n1,2\n"], "x.csv") }, (r) =>
      csv.push(r),
    );
    expect(csv.at(-1)).toEqual({ type: "error", message: expect.stringMatching(/no episode_id/) });
  });
});

describe("analyzeFile(path)", () => {
  it("reads the committed sample with its known skipped lines", async () => {
    const { analyzeFile } = await import("./analyze-file.js");
    const analysis = await analyzeFile(new URL("../../examples/sample.jsonl", import.meta.url).pathname);
    expect(analysis.skippedTotal).toBe(7);
    expect(analysis.episodes).toBe(20);
  });
});
