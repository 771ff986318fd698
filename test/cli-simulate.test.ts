import { describe, expect, it } from "vitest";
import { runCliInProcess } from "./cli-helpers.js";

const BASE = [
  "simulate",
  "--model",
  "llama-3.1-8b",
  "--gpu",
  "H100_80GB",
  "--episodes",
  "16",
  "--turns",
  "3",
];
// Flags may be given once: a case that changes one replaces it instead of repeating it.
function withFlag(args: string[], flag: string, value: string): string[] {
  const i = args.indexOf(flag);
  return i < 0 ? [...args, flag, value] : [...args.slice(0, i), flag, value, ...args.slice(i + 2)];
}

const SMALL = [
  ...BASE,
  "--initial-prompt",
  "1000",
  "--added-per-turn",
  "500..1500",
  "--generated-per-turn",
  "200",
];

describe("rollout-cost simulate", () => {
  it("--json reports time, GPU-hours, cache, re-prefill causes, per-turn hits, steps and plans", async () => {
    const r = await runCliInProcess([...SMALL, "--group-size", "4", "--concurrency", "8", "--json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    const sim = json.simulation;
    expect(sim.ok).toBe(true);
    expect(sim.wallClockSeconds).toBeGreaterThan(0);
    expect(sim.gpuHours).toBeCloseTo(sim.wallClockSeconds / 3600, 9);
    expect(sim.hitByTurn).toHaveLength(3);
    // Turn 1: groups of 4 share the 1000-token prompt's 992 whole-block tokens: 3 of 4 hit them.
    expect(sim.hitByTurn[0].hitTokens).toBe(4 * 3 * 992);
    expect(Object.keys(sim.reprefilledTokens).sort()).toEqual([
      "evicted",
      "preempted",
      "routedAway",
      "weightSync",
    ]);
    expect(json.dedicatedUsd).toBeCloseTo(sim.gpuHours * json.usdPerGpuHour, 9);
    expect(json.plans.length).toBeGreaterThan(0);
    expect(r.stdout).not.toMatch(/NaN|Infinity/);
  });

  it("the same seed gives the same run; --seed changes it", async () => {
    const args = [...SMALL, "--tool-latency", "0..10", "--json"];
    const a = await runCliInProcess(args);
    const b = await runCliInProcess(args);
    const c = await runCliInProcess([...args, "--seed", "2"]);
    expect(a.stdout).toBe(b.stdout);
    expect(JSON.parse(c.stdout).simulation.wallClockSeconds).not.toBe(
      JSON.parse(a.stdout).simulation.wallClockSeconds,
    );
  });

  it("--sweep-concurrency finds where the cache stops surviving (--csv)", async () => {
    const r = await runCliInProcess([
      ...withFlag(BASE, "--episodes", "64"),
      "--sweep-concurrency",
      "1,64",
      "--tool-latency",
      "5",
      "--csv",
    ]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^concurrency,ok,wallClockSeconds/);
    const survival = (line: string) => Number(line.split(",")[7]);
    // One at a time: the cache survives (the reference shape's 32K-token history fits on one H100).
    expect(survival(lines[1] as string)).toBe(1);
    expect(survival(lines[2] as string)).toBeLessThan(0.95);
  });

  it("the table shows the RL step with sync", async () => {
    const r = await runCliInProcess([
      ...SMALL,
      "--sync",
      "sync",
      "--episodes-per-step",
      "8",
      "--train-tps",
      "20000",
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("RL steps");
    expect(r.stdout).toMatch(/RL steps\s+│ 2:/);
  });

  it.each([
    [withFlag(SMALL, "--turns", "0"), /--turns must be/],
    [[...SMALL, "--tool-latency", "5..1"], /--tool-latency must be low..high/],
    [[...SMALL, "--routing", "random"], /--routing must be one of/],
    [[...SMALL, "--token-budget", "100"], /--token-budget must be greater than --max-seqs/],
    [[...SMALL, "--sync", "maybe"], /--sync must be one of/],
    [["simulate", "--gpu", "H100_80GB"], /--model or --model-config is required/],
    [[...BASE, "--initial-prompt", "9000000"], /does not fit/],
  ])("%j exits 2 with one line naming the flag", async (args, message) => {
    const r = await runCliInProcess(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });
});

describe("rollout-cost simulate --shape-from-log", () => {
  const sample = "examples/sample.jsonl";
  /** `simulate` of Llama 3.1 8B on an H100 with `--shape-from-log` and then `args`. */
  const fromLog = (args: string[]) =>
    runCliInProcess([
      "simulate",
      "--model",
      "llama-3.1-8b",
      "--gpu",
      "H100_80GB",
      "--shape-from-log",
      ...args,
    ]);

  it("draws the log's own episodes: its episode count, turns and tokens, each episode equally likely", async () => {
    const r = await fromLog([sample, "--json"]);
    expect(r.code).toBe(0);
    const { input, simulation } = JSON.parse(r.stdout);
    expect(input.workload.episodes).toBe(20);
    expect(input.workload.turns.kind).toBe("empirical");
    expect(input.workload.turns.values).toHaveLength(20);
    expect(input.workload.addedTokensPerTurn.kind).toBe("empirical");
    expect(simulation.ok).toBe(true);
  });

  it("lets a flag override what the log gives", async () => {
    const r = await fromLog([sample, "--turns", "3", "--episodes", "5", "--json"]);
    const { input } = JSON.parse(r.stdout);
    expect(input.workload.episodes).toBe(5);
    expect(input.workload.turns).toEqual({ kind: "constant", value: 3 });
  });

  it("names the flag when the log cannot be read: exit 2, one line", async () => {
    const r = await fromLog(["no/such.jsonl"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^rollout-cost: --shape-from-log: cannot read "no\/such.jsonl" \(ENOENT\)\n$/);
  });
});
