import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { generateLog } from "../examples/generate-log.js";
import { runCli } from "../src/cli/run.js";
import { spawnCli } from "./cli-helpers.js";

const SAMPLE = fileURLToPath(new URL("../examples/sample.jsonl", import.meta.url));
const SAMPLE_CSV = fileURLToPath(new URL("../examples/sample.csv", import.meta.url));
const TINKER = fileURLToPath(new URL("../examples/tinker-billing.jsonl", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "rollout-analyze-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI in this process, with `stdin` as its standard input. */
async function run(args: string[], stdin?: string | Buffer, isTTY = false) {
  let stdout = "";
  let stderr = "";
  const input = new PassThrough();
  input.end(stdin ?? "");
  const code = await runCli(["analyze", ...args], {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text), isTTY },
    stdin: input,
    env: {},
    signal: new AbortController().signal,
  });
  return { code, stdout, stderr };
}

function write(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const { lines, truth } = generateLog({ seed: 21, episodes: 120, badLinesPerKind: 2 });
const LOG = lines.join("");

describe("rollout-cost analyze --json", () => {
  it("keeps the documented contract on the committed sample", async () => {
    const { code, stdout, stderr } = await run([SAMPLE, "--json"]);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    const json = JSON.parse(stdout);
    for (const key of [
      "requests",
      "episodes",
      "skipped",
      "tokens",
      "cacheHitPercent",
      "idealCacheHitPercent",
      "shape",
      "plans",
    ])
      expect(json).toHaveProperty(key);
    expect(Object.keys(json.tokens)).toEqual(
      expect.arrayContaining(["prompt", "cachedPrompt", "completion"]),
    );
    for (const field of ["turns", "initialPromptTokens", "addedTokensPerTurn", "generatedTokensPerTurn"])
      expect(Object.keys(json.shape[field])).toEqual(expect.arrayContaining(["mean", "p50", "p90", "max"]));
    expect(json.plans.length).toBeGreaterThan(0);
    for (const plan of json.plans)
      expect(Object.keys(plan)).toEqual(
        expect.arrayContaining(["id", "label", "kind", "usdTotal", "usdPerEpisode", "vsBaseline"]),
      );
    expect(stdout).not.toMatch(/NaN|Infinity|undefined/);
  });

  it("reports a generated log's known totals exactly, and the same from stdin and gzip", async () => {
    const path = write("run.jsonl", LOG);
    const gz = write("run.jsonl.gz", gzipSync(LOG));
    const fromFile = JSON.parse((await run([path, "--json"])).stdout);
    expect(fromFile.requests).toBe(truth.requests);
    expect(fromFile.episodes).toBe(truth.episodes);
    expect(fromFile.tokens).toEqual(truth.tokens);
    expect(fromFile.skippedTotal).toBe(13);
    expect(Object.fromEntries(Object.entries(fromFile.skipped).filter(([, n]) => n !== 0))).toEqual(
      truth.skipped,
    );
    const fromStdin = JSON.parse((await run(["-", "--json"], LOG)).stdout);
    const fromGzip = JSON.parse((await run([gz, "--json"])).stdout);
    const gzipFromStdin = JSON.parse((await run(["-", "--json"], gzipSync(LOG))).stdout);
    for (const other of [fromStdin, fromGzip, gzipFromStdin]) {
      const { input: _a, ...rest } = other;
      const { input: _b, ...expected } = fromFile;
      expect(rest).toEqual(expected);
    }
  });

  it("prices the real token sums: every plan's workload is the log's totals", async () => {
    const json = JSON.parse((await run([SAMPLE, "--json"])).stdout);
    expect(json.workloadTokens).toEqual({
      episodes: json.episodes,
      promptTokens: json.tokens.prompt,
      cachedPromptTokens: json.tokens.cachedPrompt,
      decodeTokens: json.tokens.completion,
      peakContextTokens: json.peakContextTokens,
    });
    // The page's Tinker plan bills every prompt token at $5.15/1M and every completion at $12.81/1M.
    const tinker = json.plans.find((p: { id: string }) => p.id === "tinker");
    expect(tinker.usdTotal).toBeCloseTo(
      (json.tokens.prompt / 1e6) * 5.15 + (json.tokens.completion / 1e6) * 12.81,
      9,
    );
  });

  it("hands the fitted shape to estimate and the page", async () => {
    const json = JSON.parse((await run([SAMPLE, "--json", "--port", "5000"])).stdout);
    const s = json.fitted.workload.shape;
    expect(s.turns).toBe(Math.round(json.shape.turns.mean));
    expect(s.initialPromptTokens).toBe(Math.round(json.shape.initialPromptTokens.mean));
    expect(json.fitted.estimateCommand).toBe(
      `rollout-cost estimate --model kimi-k2p6 --episodes ${json.episodes} --turns ${s.turns} --initial-prompt ${s.initialPromptTokens} --added-per-turn ${s.addedTokensPerTurn} --generated-per-turn ${s.generatedTokensPerTurn}`,
    );
    expect(json.fitted.link).toBe(
      `http://127.0.0.1:5000/?model=kimi-k2p6&episodes=${json.episodes}&turns=${s.turns}&initial=${s.initialPromptTokens}&added=${s.addedTokensPerTurn}&generated=${s.generatedTokensPerTurn}`,
    );
    const estimate = await runCli(json.fitted.estimateCommand.split(" ").slice(1), {
      stdout: { write: () => true },
      stderr: { write: () => true },
      stdin: new PassThrough(),
      env: {},
      signal: new AbortController().signal,
    });
    expect(estimate).toBe(0);
  });

  it("counts episodes past the model's window", async () => {
    const json = JSON.parse((await run([write("w.jsonl", LOG), "--json", "--model", "gpt-oss-120b"])).stdout);
    expect(json.model.contextWindowTokens).toBe(128_000);
    expect(json.contextOverflowEpisodes).toBe(truth.peakContextTokens.filter((p) => p > 128_000).length);
  });
});

describe("rollout-cost analyze: other inputs and outputs", () => {
  it("reads the CSV sample like the JSONL sample (same requests)", async () => {
    const csv = JSON.parse((await run([SAMPLE_CSV, "--json"])).stdout);
    const jsonl = JSON.parse((await run([SAMPLE, "--json"])).stdout);
    expect(csv.input.format).toBe("csv");
    expect(csv.tokens).toEqual(jsonl.tokens);
    expect(csv.shape).toEqual(jsonl.shape);
    expect(csv.skipped.malformedRow).toBe(1);
  });

  it("reads Tinker billing events and prices training too", async () => {
    const json = JSON.parse((await run([TINKER, "--json"])).stdout);
    expect(json.input.format).toBe("tinker");
    expect(json.tokens).toEqual({
      prompt: 13_500_000,
      cachedPrompt: 11_050_000,
      completion: 1_400_000,
      idealCachedPrompt: null,
      train: 2_600_000,
    });
    expect(json.idealCacheHitPercent).toBeNull();
    expect(json.fitted).toBeNull();
    expect(json.episodes).toBe(2);
  });

  it("--csv prints one row per episode", async () => {
    const { code, stdout } = await run([SAMPLE, "--csv"]);
    expect(code).toBe(0);
    const rows = stdout.trim().split("\n");
    expect(rows[0]).toBe(
      "episode,turns,initialPromptTokens,finalPromptTokens,promptTokens,cachedPromptTokens,idealCachedPromptTokens,completionTokens,peakContextTokens,cacheHitPercent,idealCacheHitPercent",
    );
    expect(rows).toHaveLength(21);
  });

  it("prints a human report with the skipped lines' numbers and the estimate command", async () => {
    const { code, stdout } = await run([SAMPLE]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Skipped 7 lines/);
    expect(stdout).toMatch(/line \d+: duplicateTurn/);
    expect(stdout).toMatch(/line 131: truncatedLine/);
    expect(stdout).toContain("rollout-cost estimate --model kimi-k2p6");
    expect(stdout).toContain("http://127.0.0.1:4173/?");
  });

  it("draws a progress bar (bytes, lines, rate) only when stderr is a terminal, and clears it", async () => {
    const tty = await run([SAMPLE, "--json"], undefined, true);
    expect(tty.code).toBe(0);
    expect(tty.stderr).toMatch(/100% \| 0\.1\/0\.1 MiB \| 131 lines \| \d+ MiB\/s/);
    expect(tty.stderr.endsWith("\u001b[2K")).toBe(true);
    expect(JSON.parse(tty.stdout).requests).toBeGreaterThan(0);
    expect((await run([SAMPLE, "--json"])).stderr).toBe("");
  });

  it("--open without a browser prints the link on stderr", async () => {
    const { code, stderr } = await run([SAMPLE, "--open"]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/^open in a browser .*http:\/\/127\.0\.0\.1:4173\/\?model=/);
  });
});

describe("rollout-cost analyze: bad input exits 2 with one line naming it", () => {
  it.each([
    [["--strict", "LOG"], /^rollout-cost: --strict: line 8: malformedJson: /],
    [["missing.jsonl"], /^rollout-cost: cannot read "missing.jsonl": ENOENT/],
    [[], /analyze takes one log path or - for stdin, got none/],
    [["a", "b"], /analyze takes one log path/],
    [
      ["LOG", "--format", "xml"],
      /--format must be one of auto, jsonl, csv, tinker, verifiers, .*training-efficiency, got "xml"/,
    ],
    [["LOG", "--episode-key", "a..b"], /--episode-key must be field names joined by dots/],
    [["LOG", "--order-key", "t", "--file-order"], /--file-order and --order-key cannot be used together/],
    [["LOG", "--reorder-window", "0"], /--reorder-window must be an integer from 1/],
    [["LOG", "--model", "nope"], /--model: unknown model "nope"/],
    [["LOG", "--json", "--csv"], /--json and --csv cannot be used together/],
    [["LOG", "--baseline", "nope"], /--baseline: unknown plan "nope"/],
    [["LOG", "--bogus"], /Unknown option '--bogus'/],
    [["BADCSV"], /the CSV header has no prompt_tokens/],
    [["NOTGZ"], /is not valid gzip/],
  ])("analyze %j", async (args, message) => {
    const log = write("strict.jsonl", LOG);
    const badCsv = write("bad.csv", "episode_id,turn,tokens\ne,1,5\n");
    const notGz = write("broken.gz", Buffer.from([0x1f, 0x8b, 0x08, 0x00, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
    const argv = args.map((a) => (a === "LOG" ? log : a === "BADCSV" ? badCsv : a === "NOTGZ" ? notGz : a));
    const { code, stdout, stderr } = await run(argv);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(message);
  });
});

describe("rollout-cost analyze, spawned (built CLI)", () => {
  it("reads stdin with a BOM and CRLF endings and prints JSON", () => {
    const { lines: crlf, truth: t } = generateLog({ seed: 31, episodes: 20, lineEnding: "crlf", bom: true });
    const result = spawnCli(["analyze", "-", "--json"], crlf.join(""));
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.requests).toBe(t.requests);
    expect(json.tokens).toEqual(t.tokens);
  });

  it("--strict exits 2 with one line on stderr", () => {
    const result = spawnCli(["analyze", SAMPLE, "--strict"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^rollout-cost: --strict: line \d+: \w+: .+\n$/);
  });

  it("analyze --help documents the ideal cache hit", () => {
    const result = spawnCli(["analyze", "--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("min(prompt_t, prompt_(t-1))");
    expect(result.stdout).toMatchSnapshot();
  });
});
