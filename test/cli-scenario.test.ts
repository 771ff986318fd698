// One scenario, one answer, through the CLI: the contradictions that issue listed, each held here so it
// cannot come back.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCliInProcess as cli, cliJson as json } from "./cli-helpers.js";

describe("one number grammar on the CLI", () => {
  it.each(["50000", "50,000", "50_000", "50K", "50k", "5e4", "0.05M"])(
    "--episodes %s reads as 50,000",
    async (text) => {
      const out = await json(["estimate", "--episodes", text]);
      expect(out.workload.episodes).toBe(50_000);
    },
  );

  it.each(["1__0", " 5", "5 ", "+5", "5x", "0x10"])(
    "--turns %j is refused with the flag named, exit 2",
    async (text) => {
      const r = await cli(["estimate", "--turns", text]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(/^rollout-cost: --turns must be an integer from 1 to 200, got "/);
    },
  );

  it("refuses a flag given twice instead of keeping the last", async () => {
    const r = await cli(["compare", "--turns", "3", "--turns", "4"]);
    expect(r).toMatchObject({
      code: 2,
      stdout: "",
      stderr: "rollout-cost: --turns was given more than once; give it once\n",
    });
  });
});

describe("model names people type", () => {
  it.each(["kimi-k2.6", "Kimi-K2.6", "moonshotai/Kimi-K2.6", "accounts/fireworks/models/kimi-k2p6"])(
    "--model %s is kimi-k2p6",
    async (name) => {
      expect((await json(["estimate", "--model", name])).model.id).toBe("kimi-k2p6");
    },
  );

  it.each([
    ["qwen3.5-397b", "qwen3p5-397b"],
    ["gpt-oss-120b", "gpt-oss-120b"],
    ["openai/gpt-oss-120b", "gpt-oss-120b"],
  ])("--model %s is %s", async (name, id) => {
    expect((await json(["compare", "--model", name])).model.id).toBe(id);
  });
});

describe("every default decided once and named", () => {
  it("names the context policy's default with its source, per preset, and every command uses it", async () => {
    const reference = await json(["compare"]);
    const current = await json(["compare", "--preset", "current"]);
    expect(reference.contextPolicy).toBe("ignore");
    expect(current.contextPolicy).toBe("stop");
    expect(current.defaults).toContainEqual({
      key: "contextPolicy",
      value: "stop",
      source: expect.stringMatching(/last turn that fits/),
    });
    const breakeven = await json([
      "breakeven",
      "--preset",
      "current",
      "--a",
      "tinker-2026-05",
      "--b",
      "dedicated-fireworks-2026-10",
    ]);
    expect(breakeven.contextPolicy).toBe("stop");
  });

  // GPT-OSS-120B at 250 decode tok/s: Tinker 3.78T² + 4.34T dollars against dedicated 62.2T, equal at
  // T = 15.31 turns, past the 128K window (10 turns fit). With `stop` each episode ends at turn 10, so
  // Tinker stays cheaper at every turn count; with `drop-oldest` the kept context is re-prefilled.
  it("breakeven --over turns follows --context-policy", async () => {
    const base = [
      "breakeven",
      "--a",
      "tinker",
      "--b",
      "dedicated",
      "--model",
      "gpt-oss-120b",
      "--decode-tps",
      "250",
    ];
    const ignore = await json([...base, "--context-policy", "ignore"]);
    const stop = await json([...base, "--context-policy", "stop"]);
    const drop = await json([...base, "--context-policy", "drop-oldest"]);
    expect(ignore.value).toBeCloseTo(15.3128, 4);
    expect(stop).toMatchObject({
      ok: false,
      never: expect.stringMatching(/tinker is cheaper than dedicated at every turn count/),
    });
    expect(drop.ok).toBe(true);
    expect(drop.value).not.toBeCloseTo(ignore.value, 2);
  });
});

describe("one Tinker price per assumption, said where it is shown", () => {
  // Qwen3.5-397B, 20 turns of 4,000 + 3,000/turn, 1,000 generated: the final context, 62,000 tokens,
  // falls in Tinker 2026-05's 64K tier ($2 / $5 per 1M): 650,000 × 2 + 20,000 × 5 = $1.40 an episode. The
  // Fireworks page prices every episode at the 256K tier ($4 / $10): $2.80. The reality check's tier row
  // and `compare --preset current` say the same $1,400.
  it("the Fireworks page's rate is labelled as such, and the real tier gives the same figure everywhere", async () => {
    const args = [
      "--model",
      "qwen3.5-397b",
      "--turns",
      "20",
      "--initial-prompt",
      "4K",
      "--added-per-turn",
      "3K",
      "--generated-per-turn",
      "1K",
    ];
    const reference = await json(["compare", ...args]);
    const current = await json(["compare", "--preset", "current", ...args]);
    expect(reference.plans[0]).toMatchObject({
      id: "tinker",
      label: expect.stringMatching(/as the Fireworks page prices it/),
    });
    expect(reference.plans[0].usdTotal).toBeCloseTo(2800, 6);
    const tier = reference.realityCheck.find((r: { id: string }) => r.id === "context-tier");
    const tiered = current.plans.find((p: { id: string }) => p.id === "tinker-2026-05");
    expect(tier.tinkerUsdTotal).toBeCloseTo(1400, 6);
    expect(tiered.usdTotal).toBe(tier.tinkerUsdTotal);
    expect(tiered.tier).toBe("64K");
  });
});

describe("GPUs mean replicas × GPUs per replica", () => {
  it("breakeven --deadline-hours says both, and they multiply", async () => {
    const out = await json([
      "breakeven",
      "--preset",
      "current",
      "--episodes",
      "50K",
      "--deadline-hours",
      "6",
    ]);
    expect(out.answers.length).toBeGreaterThan(0);
    for (const a of out.answers) {
      expect(a.ok).toBe(true);
      expect(a.gpus).toBe(a.replicas * a.gpusPerReplica);
    }
  });
});

describe("a scenario is a file too", () => {
  const dir = mkdtempSync(join(tmpdir(), "rollout-cost-scenario-"));

  it("compare --json's scenario, read back with --scenario, gives the same figures; flags override it", async () => {
    const args = [
      "--preset",
      "current",
      "--model",
      "gpt-oss-120b",
      "--turns",
      "12",
      "--episodes",
      "2,500",
      "--overlap",
      "sum",
    ];
    const first = await json(["compare", ...args]);
    const file = join(dir, "scenario.json");
    writeFileSync(file, JSON.stringify(first));
    const again = await json(["compare", "--scenario", file]);
    expect(again.plans).toEqual(first.plans);
    expect(again.scenario).toEqual(first.scenario);
    const estimate = await json(["estimate", "--scenario", file, "--preset", "reference"]);
    expect(estimate.workload).toEqual(first.workload);
    const overridden = await json(["compare", "--scenario", file, "--turns", "3"]);
    expect(overridden.workload.shape.turns).toBe(3);
    expect(overridden.model.id).toBe("gpt-oss-120b");
  });

  it.each([
    ["not JSON", "{", /--scenario: .* is not JSON/],
    ["no version", '{"values":{}}', /not a rollout-cost scenario/],
    ["another version", '{"rolloutCostScenario":2,"values":{}}', /version "2" is not supported/],
    ["an unknown field", '{"rolloutCostScenario":1,"values":{"turnz":3}}', /unknown field "turnz"/],
    [
      "a bad value",
      '{"rolloutCostScenario":1,"values":{"turns":"1__0"}}',
      /turns: --turns must be an integer/,
    ],
  ])("refuses a file with %s: exit 2, one line", async (_, text, message) => {
    const file = join(dir, "bad.json");
    writeFileSync(file, text);
    const r = await cli(["compare", "--scenario", file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });
});

describe("a log is priced on the model it names", () => {
  const dir = mkdtempSync(join(tmpdir(), "rollout-cost-log-model-"));
  const sample = readFileSync(new URL("../examples/sample.jsonl", import.meta.url), "utf8");

  it("uses the catalog model the log's records name, and says so", async () => {
    const file = join(dir, "oss.jsonl");
    writeFileSync(file, sample.replaceAll('"model":"kimi-k2p6"', '"model":"openai/gpt-oss-120b"'));
    const out = await json(["analyze", file]);
    expect(out.model.id).toBe("gpt-oss-120b");
    expect(out.warnings).toContainEqual(
      expect.stringMatching(/priced as gpt-oss-120b, the model the log names/),
    );
  });

  it("says which model it used when the catalog does not know the log's", async () => {
    const file = join(dir, "unknown.jsonl");
    writeFileSync(file, sample.replaceAll('"model":"kimi-k2p6"', '"model":"my-finetune-7b"'));
    const out = await json(["analyze", file]);
    expect(out.model.id).toBe("kimi-k2p6");
    expect(out.warnings).toContainEqual(
      expect.stringMatching(/"my-finetune-7b", which the catalog does not know/),
    );
  });

  it("keeps --model when the user gives one", async () => {
    const file = join(dir, "given.jsonl");
    writeFileSync(file, sample.replaceAll('"model":"kimi-k2p6"', '"model":"openai/gpt-oss-120b"'));
    expect((await json(["analyze", file, "--model", "qwen3.5-397b"])).model.id).toBe("qwen3p5-397b");
  });
});

describe("one throughput, said, on every command", () => {
  // Kimi K2.6 on 8 × B300 at the Fireworks page's shape: derived throughput simulates 2.08 cluster-hours
  // ($200 at $12/GPU-hour) where the page's saturated constants give 2.96 h ($284).
  it("estimate's dedicated card, compare's plan and the verdict give the same derived figure", async () => {
    const estimate = await json(["estimate", "--throughput", "derived"]);
    const compare = await json(["compare", "--throughput", "derived"]);
    const dedicated = compare.plans.find((p: { id: string }) => p.id === "dedicated");
    expect(estimate.plans.dedicated.usdTotal).toBeCloseTo(dedicated.usdTotal, 9);
    expect(estimate.plans.dedicated.clusterHours).toBeCloseTo(dedicated.clusterHours, 9);
    expect(estimate.plans.dedicated.clusterHours).toBeLessThan(2.96);
    const saturated = await json(["estimate"]);
    expect(saturated.plans.dedicated.usdTotal).toBeCloseTo(284.444444, 5);
  });

  // 50,000 episodes in 6 h: the saturated constants need 148.15 cluster-hours (25 replicas × 8 = 200
  // GPUs); derived throughput, the same simulation `throughput` prints, 102.4 h (18 × 8 = 144 GPUs).
  it("the deadline on derived throughput costs what the throughput command's simulation costs", async () => {
    const saturated = await json(["breakeven", "--episodes", "50K", "--deadline-hours", "6"]);
    const derived = await json([
      "breakeven",
      "--episodes",
      "50K",
      "--deadline-hours",
      "6",
      "--throughput",
      "derived",
    ]);
    const simulated = await json([
      "throughput",
      "--model",
      "kimi-k2p6",
      "--gpu",
      "B300_288GB",
      "--gpus",
      "8",
      "--episodes",
      "50000",
    ]);
    expect(saturated.answers[0].gpus).toBe(200);
    expect(derived.answers[0].gpus).toBe(derived.answers[0].replicas * 8);
    expect(derived.answers[0].usdTotal).toBeCloseTo(simulated.episodes.comparison.simulated.usdTotal, 6);
    expect(saturated.answers[0].usdTotal).toBeCloseTo(simulated.episodes.comparison.saturated.usdTotal, 6);
  });
});
