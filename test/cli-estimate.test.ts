import { describe, expect, it } from "vitest";
import { spawnCli } from "./cli-helpers.js";

describe("rollout-cost estimate (defaults: the reference page's scenario)", () => {
  const table = spawnCli(["estimate"]);

  it("prints what the page shows", () => {
    expect(table.code).toBe(0);
    expect(table.stderr).toBe("");
    for (const figure of [
      "400,000",
      "92,000",
      "308,000",
      "16,000",
      "77.0%",
      "$2.26",
      "$2,265",
      "2.96",
      "$284",
      "8.0× cheaper",
    ]) {
      expect(table.stdout).toContain(figure);
    }
    expect(table.stdout).toMatch(/most GPUs\s+63/);
    expect(table.stdout).toMatch(/least prompt tok\/s\s+1,084/);
    expect(table.stdout).toMatch(/least decode tok\/s\s+189/);
    expect(table.stdout).toContain("2026-05-16");
  });

  it("--json keeps the documented contract, unrounded", () => {
    const { code, stdout } = spawnCli(["estimate", "--json"]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(Object.keys(json.tokens)).toEqual(
      expect.arrayContaining([
        "promptSummedPerEpisode",
        "uniquePromptPerEpisode",
        "cachedPromptPerEpisode",
        "decodePerEpisode",
        "cacheHitPercent",
      ]),
    );
    expect(json.plans.tinker).toEqual({ usdPerEpisode: 2.26496, usdTotal: 2264.96 });
    expect(Object.keys(json.plans.dedicated)).toEqual(
      expect.arrayContaining([
        "gpuType",
        "gpus",
        "usdPerGpuHour",
        "clusterHours",
        "usdPerEpisode",
        "usdTotal",
        "vsTinker",
      ]),
    );
    expect(json.plans.dedicated).toMatchObject({
      gpuType: "B300_288GB",
      gpus: 8,
      usdPerGpuHour: 12,
      vsTinker: "8.0× cheaper",
    });
    expect(json.plans.dedicated.clusterHours).toBeCloseTo(2.962962962962963, 15);
    expect(json.parity).toEqual({
      maxGpus: 63,
      minPromptTokensPerSecond: expect.closeTo(1083.168503, 5),
      minDecodeTokensPerSecond: expect.closeTo(188.377131, 5),
    });
    expect(json.warnings).toEqual([]);
  });

  it("--csv prints a header and one row per plan", () => {
    const { code, stdout } = spawnCli(["estimate", "--csv", "--turns", "12"]);
    expect(code).toBe(0);
    const [header, tinker, dedicated, extra] = stdout.trimEnd().split("\n");
    expect(header?.split(",")).toContain("usdTotal");
    expect(tinker).toMatch(/^tinker,1000,12,888000,140000,748000,24000,/);
    expect(dedicated).toMatch(/^dedicated,/);
    expect(dedicated).toContain("context window");
    expect(extra).toBeUndefined();
  });

  it("takes every scenario flag", () => {
    const { code, stdout } = spawnCli([
      "estimate",
      "--json",
      "--model",
      "gpt-oss-120b",
      "--episodes",
      "500",
      "--turns",
      "4",
      "--initial-prompt",
      "1000",
      "--added-per-turn",
      "500",
      "--generated-per-turn",
      "100",
      "--gpus",
      "2",
      "--prompt-tps",
      "20000",
      "--decode-tps",
      "1000",
    ]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    // Σ P_t = 4·1,000 + 500·6 = 7,000; decode 400; $ = 0.007·0.63 + 0.0004·1.54 = 0.004410 + 0.000616
    expect(json.tokens.promptSummedPerEpisode).toBe(7000);
    expect(json.plans.tinker.usdPerEpisode).toBeCloseTo(0.005026, 12);
    expect(json.plans.dedicated).toMatchObject({ gpuType: "H200_141GB", gpus: 2, usdPerGpuHour: 7 });
  });

  it("warns past the model's context window", () => {
    const { stdout } = spawnCli(["estimate", "--turns", "11"]);
    expect(stdout).toMatch(/Warnings:\n {2}! context window: the episode needs 130,000 tokens/);
  });
});

describe("rollout-cost estimate (bad input)", () => {
  it.each([
    [["--turns", "-3"], '--turns must be an integer from 1 to 200, got "-3"'],
    [["--turns", "2.5"], '--turns must be an integer from 1 to 200, got "2.5"'],
    [["--turns", "201"], '--turns must be an integer from 1 to 200, got "201"'],
    [["--episodes", "0"], '--episodes must be an integer from 1 to 10000000, got "0"'],
    [["--episodes", "ten"], '--episodes must be an integer from 1 to 10000000, got "ten"'],
    [["--initial-prompt", "-1"], '--initial-prompt must be an integer from 0 to 10000000, got "-1"'],
    [["--added-per-turn", "1e3x"], '--added-per-turn must be an integer from 0 to 10000000, got "1e3x"'],
    [["--generated-per-turn", ""], '--generated-per-turn must be an integer from 0 to 10000000, got ""'],
    [["--gpus", "0"], '--gpus must be an integer from 1 to 1000000000000, got "0"'],
    [["--prompt-tps", "0"], '--prompt-tps must be a number >= 0.001 and <= 1000000000000, got "0"'],
    [["--decode-tps", "NaN"], '--decode-tps must be a number >= 0.001 and <= 1000000000000, got "NaN"'],
    [
      ["--decode-tps", "Infinity"],
      '--decode-tps must be a number >= 0.001 and <= 1000000000000, got "Infinity"',
    ],
    [["--model", "gpt-9"], '--model: unknown model "gpt-9" (known: '],
    [["--preset", "cheap"], '--preset: unknown preset "cheap" (known: '],
    [["--json", "--csv"], "--json and --csv cannot be used together"],
    [["--turns"], "--turns"],
    [["--nope"], "Unknown option '--nope'"],
  ])("%j exits 2 with one line naming the flag, and prints nothing on stdout", (args, message) => {
    const { code, stdout, stderr } = spawnCli(["estimate", ...args]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(stderr).toContain(message);
  });

  it("an unknown command exits 2 naming the known ones", () => {
    const { code, stderr } = spawnCli(["estimat"]);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown command: "estimat" (known: estimate, catalog');
  });
});

describe("rollout-cost --help", () => {
  it("estimate --help lists every flag", () => {
    const { code, stdout } = spawnCli(["estimate", "--help"]);
    expect(code).toBe(0);
    for (const flag of [
      "--preset",
      "--model",
      "--episodes",
      "--turns",
      "--initial-prompt",
      "--added-per-turn",
      "--generated-per-turn",
      "--gpus",
      "--prompt-tps",
      "--decode-tps",
      "--json",
      "--csv",
    ]) {
      expect(stdout).toContain(flag);
    }
    expect(stdout).toMatchSnapshot();
  });

  it("catalog lists models and prices with sources and dates", () => {
    const { code, stdout } = spawnCli(["catalog"]);
    expect(code).toBe(0);
    expect(stdout).toContain("kimi-k2p6");
    expect(stdout).toContain("B300_288GB");
    expect(stdout).toContain("2026-05-16");
    expect(stdout).toContain("https://thinkingmachines.ai/tinker");
    expect(stdout).toMatch(/architecture\s+│ kimi-k2p6\s+│ 61 layers, MLA/);
    expect(stdout).toMatch(/GPU\s+│ B300_288GB/);
    expect(stdout).toMatch(/tinker-2026-10-gpt-oss-120b .*\$0\.066 cached/);
    const json = JSON.parse(spawnCli(["catalog", "--json"]).stdout);
    expect(json.models.length).toBeGreaterThanOrEqual(4);
  });
});
