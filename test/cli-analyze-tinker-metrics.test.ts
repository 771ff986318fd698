import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runCliInProcess } from "./cli-helpers.js";

const example = (name: string) => fileURLToPath(new URL(`../examples/${name}`, import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "rollout-tinker-metrics-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A run folder as the cookbook writes it: metrics.jsonl at the top, summaries in iteration_000003/. */
function runFolder(name: string, metrics?: string): string {
  const iteration = join(dir, name, "iteration_000003");
  mkdirSync(iteration, { recursive: true });
  copyFileSync(example("tinker-rollouts.jsonl"), join(iteration, "train_rollout_summaries.jsonl"));
  if (metrics !== undefined) writeFileSync(join(dir, name, "metrics.jsonl"), metrics);
  return join(iteration, "train_rollout_summaries.jsonl");
}

async function analyzeJson(args: string[]) {
  const r = await runCliInProcess(["analyze", ...args, "--json"]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

describe("rollout-cost analyze with a Tinker run's metrics.jsonl", () => {
  it("--tinker-metrics: the sample's times and tokens, its skipped lines, and the cross-check of iteration 3", async () => {
    const json = await analyzeJson([
      example("tinker-rollouts.jsonl"),
      "--tinker-metrics",
      example("tinker-metrics.jsonl"),
    ]);
    const t = json.tinkerMetrics;
    expect(t.found).toBe("flag");
    expect(t.metrics).toMatchObject({ lines: 12, stepsRead: 5, blankLines: 1, linesWithoutQuantities: 1 });
    expect(t.metrics.skippedTotal).toBe(5);
    expect(t.metrics.seconds.wall).toEqual({ steps: 5, total: 314.5, mean: 62.9, max: 66.25 });
    expect(t.stepRange).toEqual({ first: 0, last: 4 });
    // (19,239 + 3,996) tokens ÷ 314.5 s; 3,996 action tokens ÷ 203 sampling seconds.
    expect(t.tokensPerWallSecond).toBeCloseTo(23_235 / 314.5, 12);
    expect(t.completionTokensPerSamplingSecond).toBeCloseTo(3996 / 203, 12);
    // The four readable trajectories of iteration 3: 1714 + 983 + 380 + 982 ob, 272 + 135 + 210 + 227 ac.
    expect(t.crossCheck.rows).toEqual([
      {
        iteration: 3,
        summaries: { episodes: 4, turns: 8, promptTokens: 4059, completionTokens: 844 },
        metrics: { episodes: 4, turns: 8, promptTokens: 4059, completionTokens: 844 },
        differing: [],
      },
    ]);
    expect(t.measured.join(" ")).toContain("metrics.jsonl");
    expect(t.derived.join(" ")).toContain("tokens per wall second");
    // The summaries' own figures are unchanged by the metrics.
    expect(json.tokens).toMatchObject({ prompt: 4059, completion: 844 });
    expect(json.perEpisode).toBeUndefined();
  });

  it("finds the run's metrics.jsonl above iteration_NNNNNN/ and names a cross-check that disagrees", async () => {
    const metrics = `${JSON.stringify({ step: 3, "time/total": 10, "env/all/total_ob_tokens": 4000 })}\n`;
    const json = await analyzeJson([runFolder("run-a", metrics)]);
    expect(json.tinkerMetrics.found).toBe("beside");
    expect(json.tinkerMetrics.path).toBe(join(dir, "run-a", "iteration_000003", "..", "metrics.jsonl"));
    expect(json.tinkerMetrics.crossCheck.rows[0].differing).toEqual(["promptTokens"]);
    expect(
      json.warnings.some((w: string) => w.startsWith("iteration 3: metrics.jsonl and the summaries differ")),
    ).toBe(true);
  });

  it("without a metrics.jsonl the report has no tinkerMetrics section", async () => {
    const json = await analyzeJson([runFolder("run-b")]);
    expect(json.tinkerMetrics).toBeUndefined();
  });

  it("the table names the file, its skipped lines and the cross-check", async () => {
    const r = await runCliInProcess([
      "analyze",
      example("tinker-rollouts.jsonl"),
      "--tinker-metrics",
      example("tinker-metrics.jsonl"),
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("(--tinker-metrics): 12 lines, 5 steps read, steps 0-4");
    expect(r.stdout).toContain(
      "Skipped 5 lines: 1 malformedJson, 1 truncatedLine, 1 missingField, 1 invalidValue, 1 duplicateStep",
    );
    expect(r.stdout).toMatch(/│\s+3 │\s+4 \/ 4 │\s+8 \/ 8 │\s+4,059 \/ 4,059 │\s+844 \/ 844 │ yes\s+│/);
  });

  it.each([
    [
      ["--tinker-metrics", join(dir, "absent.jsonl")],
      /^rollout-cost: --tinker-metrics: cannot read .*absent\.jsonl.*: ENOENT\n$/,
    ],
    [["--tinker-metrics", dir], /^rollout-cost: --tinker-metrics: cannot read .*: EISDIR\n$/],
    [["--tinker-metrics", ""], /^rollout-cost: --tinker-metrics must be a file path, got ""\n$/],
    [
      ["--tinker-metrics", example("tinker-metrics.jsonl"), "--csv"],
      /^rollout-cost: --tinker-metrics and --csv cannot be used together/,
    ],
  ])("%j: one stderr line naming the flag, exit 2, nothing on stdout", async (flags, message) => {
    const r = await runCliInProcess(["analyze", example("tinker-rollouts.jsonl"), ...flags]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  it("--tinker-metrics with a log that is not Tinker rollout summaries: exit 2, nothing on stdout", async () => {
    const r = await runCliInProcess([
      "analyze",
      example("verifiers-traces.jsonl"),
      "--tinker-metrics",
      example("tinker-metrics.jsonl"),
    ]);
    expect([r.code, r.stdout]).toEqual([2, ""]);
    expect(r.stderr).toBe(
      "rollout-cost: --tinker-metrics: goes with Tinker cookbook rollout summaries; the log was read as verifiers\n",
    );
  });
});

describe("rollout-cost analyze on a Tinker token capture (capture/sample.jsonl)", () => {
  it("prices the lost cached tokens of the re-tokenised turn and says where they were lost", async () => {
    const json = await analyzeJson([example("tinker-capture.jsonl"), "--preset", "current"]);
    expect(json.input.format).toBe("tinker-capture");
    expect(json.prefixDivergence).toMatchObject({ turnsCompared: 3, turnsDiverged: 1, lostCachedTokens: 2 });
    expect(json.prefixDivergence.priced.length).toBeGreaterThan(0);
    expect(json.tinkerMetrics).toBeUndefined();
  });
});
