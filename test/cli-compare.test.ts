import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCliInProcess } from "./cli-helpers.js";

const dir = mkdtempSync(join(tmpdir(), "rollout-cost-prices-"));
const pricesFile = join(dir, "prices.json");
writeFileSync(
  pricesFile,
  JSON.stringify({
    "fireworks_ai/kimi-k2p6": {
      input_cost_per_token: 9.5e-7,
      output_cost_per_token: 4e-6,
      cache_read_input_token_cost: 1.6e-7,
      max_input_tokens: 262_144,
    },
    "other/model": { input_cost_per_token: 1e-6, output_cost_per_token: 2e-6 },
  }),
);
const badJson = join(dir, "bad.json");
writeFileSync(badJson, "{ not json");

describe("rollout-cost compare (defaults: the reference page's scenario and plans)", () => {
  it("--json lists plans with id, label, usdTotal, usdPerEpisode, assumptions, warnings, and the reality check", async () => {
    const { code, stdout, stderr } = await runCliInProcess(["compare", "--json"]);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    expect(stdout).not.toMatch(/NaN|Infinity|undefined/);
    const json = JSON.parse(stdout);
    expect(json.plans.map((p: { id: string }) => p.id)).toEqual(["tinker", "dedicated"]);
    for (const plan of json.plans) {
      expect(Object.keys(plan)).toEqual(
        expect.arrayContaining([
          "id",
          "label",
          "kind",
          "usdTotal",
          "usdPerEpisode",
          "assumptions",
          "warnings",
        ]),
      );
    }
    expect(json.plans[0].usdTotal).toBeCloseTo(2264.96, 9);
    expect(json.plans[1]).toMatchObject({
      clusterHours: expect.closeTo(2.962963, 5),
      vsBaseline: "8.0× cheaper",
    });
    expect(json.realityCheck.map((r: { id: string }) => r.id)).toEqual([
      "page",
      "cached-prefill",
      "context-tier",
      "context-window",
      "sum-overlap",
      "all",
    ]);
    expect(json.ledger.rows).toHaveLength(8);
    expect(json.tokens).toEqual({
      episodes: 1000,
      promptTokens: 400_000_000,
      cachedPromptTokens: 308_000_000,
      decodeTokens: 16_000_000,
      peakContextTokens: 94_000,
    });
  });

  it("prints the plans, their assumptions and the reality check with dollar differences", async () => {
    const { code, stdout } = await runCliInProcess(["compare"]);
    expect(code).toBe(0);
    for (const text of [
      "$2,265",
      "$284",
      "8.0× cheaper",
      "Reality check",
      "$996",
      "−$1,269",
      "$366",
      "+$82",
      "overlap: max",
    ]) {
      expect(stdout).toContain(text);
    }
    expect(stdout).toMatchSnapshot();
  });

  it("--csv writes one row per plan", async () => {
    const { code, stdout } = await runCliInProcess(["compare", "--csv", "--preset", "current"]);
    expect(code).toBe(0);
    const lines = stdout.trim().split("\n");
    expect(lines[0]).toBe(
      "id,label,kind,provider,usdTotal,usdPerEpisode,clusterHours,tier,vsBaseline,usdTraining,usdStep,steps,usdRun,assumptions,warnings",
    );
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual([
      "tinker-2026-05",
      "fireworks-serverless",
      "dedicated-fireworks-2026-10",
      "dedicated-fireworks-2026-05",
    ]);
  });

  it("adds self-hosted, custom and imported plans, chosen with --plans, read against --baseline", async () => {
    const { code, stdout } = await runCliInProcess([
      "compare",
      "--json",
      "--self-hosted",
      "2.5",
      "--self-hosted-gpu",
      "H100_80GB",
      "--self-hosted-gpus",
      "16",
      "--prompt-tps",
      "40000",
      "--decode-tps",
      "2000",
      "--custom-prefill",
      "1",
      "--custom-cached-prefill",
      "0.2",
      "--custom-sample",
      "3",
      "--prices",
      pricesFile,
      "--prices-key",
      "fireworks_ai/kimi-k2p6",
      "--plans",
      "self-hosted,custom,litellm:fireworks_ai/kimi-k2p6,tinker",
      "--baseline",
      "tinker",
    ]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.plans.map((p: { id: string }) => p.id)).toEqual([
      "self-hosted",
      "custom",
      "litellm:fireworks_ai/kimi-k2p6",
      "tinker",
    ]);
    // Self-hosted: max(92M / 40,000, 16M / 2,000) = 8,000 s = 2.222 h × 16 × $2.50 = $88.89.
    expect(json.plans[0].usdTotal).toBeCloseTo((8000 / 3600) * 16 * 2.5, 9);
    // Custom: 92M × $1 + 308M × $0.20 + 16M × $3, per 1M = 92 + 61.6 + 48 = $201.60.
    expect(json.plans[1].usdTotal).toBeCloseTo(201.6, 9);
    expect(json.plans[2].usdTotal).toBeCloseTo(200.68, 6);
    expect(json.baseline).toBe("tinker");
  });

  it("prices training per step and for the run with --train-passes, --train-tps and --steps", async () => {
    const { code, stdout } = await runCliInProcess([
      "compare",
      "--json",
      "--preset",
      "current",
      "--train-passes",
      "1",
      "--train-tps",
      "20000",
      "--steps",
      "10",
      "--plans",
      "tinker-2026-05,dedicated-fireworks-2026-05",
    ]);
    expect(code).toBe(0);
    const [tinker, dedicated] = JSON.parse(stdout).plans;
    // 94M trajectory tokens × $15.40/1M = $1,447.60; dedicated 94M / 20,000 s = 1.3056 h × $96 = $125.33.
    expect(tinker.training.usdTraining).toBeCloseTo(1447.6, 9);
    expect(tinker.training.usdRun).toBeCloseTo((2264.96 + 1447.6) * 10, 6);
    expect(dedicated.training.usdTraining).toBeCloseTo((94_000_000 / 20_000 / 3600) * 96, 9);
  });

  it("shows the per-turn ledger of a drop-oldest episode with --ledger", async () => {
    const { code, stdout } = await runCliInProcess([
      "compare",
      "--turns",
      "12",
      "--context-policy",
      "drop-oldest",
      "--ledger",
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/│\s+11 │\s+116,000 │\s+116,000 │\s+0 │\s+116,000 │\s+2,000 │\s+1 │/);
    expect(stdout).toContain("the oldest turns are dropped");
  });

  it("says which plans the preset cannot offer for a model, and why", async () => {
    const { code, stdout } = await runCliInProcess([
      "compare",
      "--preset",
      "current",
      "--model",
      "llama-3.1-8b",
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain("tinker-2026-10: the catalog has no Tinker 2026-10");
    expect(stdout).toContain("no reality check: the Fireworks page does not price Llama-3.1-8B (128K)");
  });
});

describe("rollout-cost breakeven and sweep", () => {
  it("breakeven --over turns finds 3.802 turns between Tinker 2026-05 and the page's dedicated rates", async () => {
    const { code, stdout } = await runCliInProcess([
      "breakeven",
      "--json",
      "--preset",
      "current",
      "--a",
      "tinker-2026-05",
      "--b",
      "dedicated-fireworks-2026-05",
      "--initial-prompt",
      "2000",
      "--added-per-turn",
      "2000",
      "--generated-per-turn",
      "500",
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      ok: true,
      variable: "turns",
      value: expect.closeTo(3.80197, 4),
      wholeValue: 4,
      exact: true,
    });
  });

  it("breakeven answers never with exit 0", async () => {
    const { code, stdout } = await runCliInProcess([
      "breakeven",
      "--a",
      "tinker",
      "--b",
      "dedicated",
      "--over",
      "episodes",
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/never: dedicated is cheaper than tinker at every episode count/);
  });

  it("breakeven --deadline-hours solves GPUs for each dedicated plan", async () => {
    const { code, stdout } = await runCliInProcess(["breakeven", "--deadline-hours", "1", "--csv"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^plan,ok,replicas,gpusPerReplica,gpus,wallHours,usdTotal,never\ndedicated,true,3,8,24,0\.98765/,
    );
  });

  it("sweep writes CSV over two inputs", async () => {
    const { code, stdout } = await runCliInProcess([
      "sweep",
      "--x",
      "turns",
      "--x-values",
      "1:9:4",
      "--y",
      "gpus",
      "--y-values",
      "4,8",
    ]);
    expect(code).toBe(0);
    const lines = stdout.trim().split("\n");
    expect(lines[0]).toBe("turns,gpus,plan,usdTotal,usdPerEpisode,clusterHours,note");
    expect(lines).toHaveLength(1 + 3 * 2 * 2);
    expect(lines[1]).toMatch(/^1,4,tinker,66\.82/);
  });
});

describe("bad input exits 2 with one line naming the flag, and nothing on stdout", () => {
  it.each([
    [["compare", "--overlap", "both"], "--overlap must be one of max, sum"],
    [
      ["compare", "--context-policy", "truncate"],
      "--context-policy must be one of ignore, stop, drop-oldest, refuse",
    ],
    [
      ["compare", "--turns", "12", "--context-policy", "refuse"],
      "--context-policy: refuse: the episode needs 142,000 tokens",
    ],
    [["compare", "--plans", "nope"], '--plans: unknown plan "nope" (offered: tinker, dedicated)'],
    [
      ["compare", "--preset", "current", "--plans", "tinker-2026-10"],
      "--plans: tinker-2026-10 is not available here",
    ],
    [["compare", "--baseline", "nope"], '--baseline: unknown plan "nope"'],
    [["compare", "--self-hosted", "-1"], "--self-hosted must be a number > 0"],
    [
      ["compare", "--self-hosted", "2", "--self-hosted-gpus", "0"],
      "--self-hosted-gpus must be an integer from 1",
    ],
    [
      ["compare", "--self-hosted-gpu", "H100_80GB"],
      "--self-hosted-gpu/--self-hosted-gpus need --self-hosted",
    ],
    [["compare", "--custom-prefill", "1"], "--custom-prefill and --custom-sample must be given together"],
    [
      ["compare", "--custom-prefill", "1", "--custom-sample", "abc"],
      '--custom-sample must be a number >= 0 and <= 1000000, got "abc"',
    ],
    [["compare", "--prices", join(dir, "missing.json")], "--prices: cannot read"],
    [["compare", "--prices", badJson], `--prices: ${JSON.stringify(badJson)} is not valid JSON`],
    [["compare", "--prices-key", "x"], "--prices-key needs --prices"],
    [
      ["compare", "--prices", "/dev/zero"],
      '--prices: "/dev/zero" must be a regular file of at most 67108864 bytes',
    ],
    [["compare", "--prices", dir], `--prices: ${JSON.stringify(dir)} must be a regular file`],
    [["compare", "--prices", pricesFile, "--prices-key", "nope"], '--prices: no entry "nope"'],
    [["compare", "--train-tps", "100"], "--train-tps and --steps need --train-passes"],
    [["compare", "--train-passes", "0"], "--train-passes must be a number > 0"],
    [["compare", "--train-passes", "1", "--steps", "1.5"], "--steps must be an integer from 1"],
    [["compare", "--min-hours", "-1"], "--min-hours must be a number >= 0"],
    [["compare", "--model", "gpt-9"], '--model: unknown model "gpt-9"'],
    [["compare", "--preset", "cheap"], '--preset: unknown preset "cheap"'],
    [["compare", "--model", "llama-3.1-8b"], "--model: preset reference offers no plan for llama-3.1-8b"],
    [["breakeven"], "--a and --b must name two plans"],
    [["breakeven", "--a", "tinker", "--b", "x"], '--b: unknown plan "x"'],
    [
      ["breakeven", "--a", "tinker", "--b", "dedicated", "--over", "gpus"],
      "--over must be one of turns, episodes, cache-hit",
    ],
    [["breakeven", "--deadline-hours", "0"], "--deadline-hours must be a number > 0"],
    [["breakeven", "--deadline-hours", "1", "--a", "tinker"], "--deadline-hours cannot be combined with --a"],
    [
      ["breakeven", "--deadline-hours", "1", "--plans", "tinker"],
      "--deadline-hours: no dedicated (gpu-hour) plan is priced",
    ],
    [["sweep"], "--x and --x-values are required"],
    [["sweep", "--x", "price", "--x-values", "1"], "--x must be one of turns, episodes"],
    [
      ["sweep", "--x", "turns", "--x-values", "9:1"],
      "--x-values must be a:b, a:b:step or v1,v2,... of integers from 1 to 200",
    ],
    [["sweep", "--x", "episodes", "--x-values", "1:5000"], "--x-values must be a:b"],
    [["sweep", "--x", "turns", "--x-values", "1,abc"], "--x-values must be a:b"],
    [["sweep", "--x", "turns", "--x-values", "1", "--y", "gpus"], "--y and --y-values go together"],
    [
      ["sweep", "--x", "turns", "--x-values", "1", "--y", "turns", "--y-values", "2"],
      '--y must differ from --x, got "turns"',
    ],
  ])("%j", async (args, message) => {
    const { code, stdout, stderr } = await runCliInProcess(args);
    expect(stdout).toBe("");
    expect(code).toBe(2);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toContain(`rollout-cost: ${message}`);
  });
});

describe("--help", () => {
  it.each(["compare", "breakeven", "sweep"])("%s --help reads as documented", async (command) => {
    const { code, stdout } = await runCliInProcess([command, "--help"]);
    expect(code).toBe(0);
    expect(stdout).toMatchSnapshot();
  });
});
