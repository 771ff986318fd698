import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runCliInProcess } from "./cli-helpers.js";

const example = (name: string) => fileURLToPath(new URL(`../examples/${name}`, import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "rollout-readers-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);

/**
 * One verifiers episode of two calls; between them the harness strips the 412-token reasoning block from
 * the first reply and keeps its 96-token answer, then appends a 230-token tool result.
 */
function strippedReasoningLog(): string {
  const system = range(10_000, 1536);
  const task = range(20_000, 700);
  const think = [151_667, ...range(30_000, 410), 151_668];
  const answer = range(40_000, 96);
  const tool = range(50_000, 230);
  const trace1 = {
    nodes: [
      { role: "system", token_ids: system, timestamp: 1 },
      { role: "user", token_ids: task, timestamp: 1 },
      { role: "assistant", token_ids: [...think, ...answer], timestamp: 2 },
    ],
    // 2,236 prompt tokens, none cached; 508 generated.
    calls: [{ usage: { prompt_tokens: 2236, completion_tokens: 508, cached_input_tokens: 0 } }],
  };
  const trace2 = {
    nodes: [
      { role: "system", token_ids: system, timestamp: 1 },
      { role: "user", token_ids: task, timestamp: 1 },
      { role: "assistant", token_ids: answer, timestamp: 2 },
      { role: "tool", token_ids: tool, timestamp: 3 },
      { role: "assistant", token_ids: range(60_000, 40), timestamp: 4 },
    ],
    // 2,236 + 96 + 230 = 2,562 prompt tokens, of which the 2,236-token prefix was cached.
    calls: [{ usage: { prompt_tokens: 326, completion_tokens: 40, cached_input_tokens: 2236 } }],
  };
  return `${JSON.stringify({ id: "ep-1", group: { id: "g-1" }, traces: [trace1, trace2] })}\n`;
}

describe("rollout-cost analyze on a log whose reasoning block is removed between turns", () => {
  const path = join(dir, "traces.jsonl");
  writeFileSync(path, strippedReasoningLog());

  it("reports the divergence at the block's first token, the lost cached tokens exactly, and their price", async () => {
    const { code, stdout, stderr } = await runCliInProcess([
      "analyze",
      path,
      "--preset",
      "current",
      "--json",
    ]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.input.format).toBe("verifiers");
    expect(json.tokens).toMatchObject({ prompt: 2236 + 2562, cachedPrompt: 2236, completion: 548 });
    const p = json.prefixDivergence;
    expect(p).toMatchObject({
      turnsCompared: 1,
      turnsDiverged: 1,
      lostCachedTokens: 96,
      commonPrefixTokens: 2236,
    });
    expect(p.examples[0]).toMatchObject({
      episode: "ep-1",
      turn: 2,
      previousContextTokens: 2744,
      promptTokens: 2562,
      firstDivergenceAt: 2236,
      lostCachedTokens: 96,
      cause: { kind: "removedSpan", tokens: 412 },
    });
    const serverless = p.priced.find((c: { id: string }) => c.id === "fireworks-serverless");
    // 96 tokens × ($0.95 − $0.16 cached) per 1M = $0.00007584.
    expect(serverless.usdLost).toBeCloseTo(96 * 0.79e-6, 15);
    // Tinker 2026-05 has no cached rate: every prompt token pays full prefill, so the divergence costs nothing.
    expect(p.priced.find((c: { id: string }) => c.id === "tinker-2026-05").usdLost).toBe(0);
  });

  it("shows the section in the table", async () => {
    const { code, stdout } = await runCliInProcess(["analyze", path, "--preset", "current"]);
    expect(code).toBe(0);
    expect(stdout).toContain(
      "Prefix divergence: 1 of 1 turns compared broke the previous turn's prefix; 96 tokens",
    );
    expect(stdout).toMatch(/412 tokens at 2236\.\.2647 of the previous context were removed/);
    expect(stdout).toContain("Fireworks serverless, cached input: the lost cache cost $0.000076 (96 tokens)");
    expect(stdout).toContain("Read as verifiers / prime-rl episode traces, 1 group.");
  });
});

describe("rollout-cost analyze: predicted vs actual", () => {
  it("prices the fitted shape as estimate does and gives the error against the observed bill", async () => {
    const analyzed = JSON.parse(
      (await runCliInProcess(["analyze", example("sample.jsonl"), "--json"])).stdout,
    );
    const estimateArgs = (analyzed.fitted.estimateCommand as string).split(" ").slice(2);
    const estimated = JSON.parse((await runCliInProcess(["estimate", ...estimateArgs, "--json"])).stdout);
    const tinker = analyzed.predictedVsActual.find((r: { id: string }) => r.id === "tinker");
    expect(tinker.predictedUsd).toBeCloseTo(estimated.plans.tinker.usdTotal, 9);
    expect(tinker.observedUsd).toBe(analyzed.plans.find((p: { id: string }) => p.id === "tinker").usdTotal);
    expect(tinker.errorPercent).toBeCloseTo(
      ((tinker.predictedUsd - tinker.observedUsd) / tinker.observedUsd) * 100,
      9,
    );
    const table = (await runCliInProcess(["analyze", example("sample.jsonl")])).stdout;
    expect(table).toContain("Predicted vs actual");
  });

  it("has no prediction for Tinker billing events (no per-request shape)", async () => {
    const json = JSON.parse(
      (await runCliInProcess(["analyze", example("tinker-billing.jsonl"), "--json"])).stdout,
    );
    expect(json.predictedVsActual).toEqual([]);
    expect(json.prefixDivergence).toBeUndefined();
  });
});

describe("rollout-cost analyze: framework formats", () => {
  it.each([
    ["verifiers-traces.jsonl", "verifiers", 7],
    ["tinker-rollouts.jsonl", "tinker-rollouts", 8],
    ["tinker-capture.jsonl", "tinker-capture", 5],
    ["nemo-rl-train-data.jsonl", "nemo-rl", 3],
    ["fireworks-perf.jsonl", "fireworks", 4],
  ])("%s is read as %s with %i requests", async (file, format, requests) => {
    const { code, stdout } = await runCliInProcess(["analyze", example(file), "--json"]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect([json.input.format, json.requests]).toEqual([format, requests]);
    expect(json.reader.measured.length).toBeGreaterThan(0);
    expect(json.reader.derived.length).toBeGreaterThan(0);
    expect(stdout).not.toMatch(/NaN|Infinity/);
  });

  it("diagnoses a starved trainer from the efficiency metrics", async () => {
    const { code, stdout } = await runCliInProcess(["analyze", example("training-efficiency.jsonl")]);
    expect(code).toBe(0);
    expect(stdout).toContain(
      "Diagnosis: the rollout side isn't feeding the trainer: raise rollout concurrency before adding replicas",
    );
    const json = JSON.parse(
      (await runCliInProcess(["analyze", example("training-efficiency.jsonl"), "--json"])).stdout,
    );
    expect(json.efficiency.diagnosis).toMatchObject({ starved: true, thresholds: { lowFillRatio: 0.8 } });
    expect(json.efficiency.series).toHaveLength(5);
    expect(json.warnings).toEqual([]);
  });

  it("says the trainer is fed when fill is high and waiting short", async () => {
    const key = "trainer/training_efficiency/p";
    const lines = [0.95, 0.97, 0.92].map((fill, i) =>
      JSON.stringify({
        step: i,
        forward_backward: {
          [`${key}/effective_batch_fill_ratio:last`]: fill,
          [`${key}/trainer_waiting_for_work:last`]: 0.1,
        },
      }),
    );
    const path = join(dir, "efficiency.jsonl");
    writeFileSync(path, `${lines.join("\n")}\n`);
    const json = JSON.parse((await runCliInProcess(["analyze", path, "--json"])).stdout);
    expect(json.efficiency.diagnosis).toMatchObject({ starved: false, advice: null });
  });

  it("--csv gives one row per episode and --strict stops at a reader's first bad line", async () => {
    const csv = await runCliInProcess(["analyze", example("tinker-rollouts.jsonl"), "--csv"]);
    expect(csv.code).toBe(0);
    const rows = csv.stdout.trim().split("\n");
    expect(rows).toHaveLength(5);
    expect(rows[1]).toMatch(/^3\/0\/0,3,412,742,1714,0,972,272,806,/);
    const strict = await runCliInProcess(["analyze", example("tinker-rollouts.jsonl"), "--strict"]);
    expect(strict.code).toBe(2);
    expect(strict.stdout).toBe("");
    expect(strict.stderr).toBe("rollout-cost: --strict: line 3: missingField: traj_idx is missing\n");
  });

  it("rejects an unknown --format naming the choices", async () => {
    const { code, stdout, stderr } = await runCliInProcess([
      "analyze",
      example("sample.jsonl"),
      "--format",
      "parquet",
    ]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("training-efficiency");
  });
});
