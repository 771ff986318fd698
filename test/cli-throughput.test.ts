import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runCliInProcess, spawnCli } from "./cli-helpers.js";

const CONFIGS = new URL("./fixtures/hf-configs/", import.meta.url).pathname;
const base = ["throughput", "--model", "llama-3.1-8b", "--gpu", "H100_80GB"];

async function json(args: string[]) {
  const { code, stdout, stderr } = await runCliInProcess([...args, "--json"]);
  expect(stderr).toBe("");
  expect(code).toBe(0);
  expect(stdout).not.toMatch(/NaN|Infinity|undefined/);
  return JSON.parse(stdout);
}

describe("rollout-cost throughput", () => {
  it("--help lists every flag", async () => {
    const { code, stdout } = await runCliInProcess(["throughput", "--help"]);
    expect(code).toBe(0);
    expect(stdout).toMatchSnapshot();
  });

  it("--json prints the issue's fields: 8B on one H100 at 128K prefills ~11.4K tok/s (DATA.md §5)", async () => {
    const out = await json([...base, "--context", "131072"]);
    expect(out).toMatchObject({
      kvBytesPerToken: 131_072,
      maxCachedTokens: 426_784,
      contextTokens: 131_072,
      batch: 1,
    });
    expect(Math.abs(out.prefillTokensPerSecond / 11_413 - 1)).toBeLessThan(0.2);
    expect(out.decodeTokensPerSecond).toBeGreaterThan(0);
    expect(out.efficiencies).toMatchObject({
      profile: "serving",
      matmulFraction: 0.637,
      memoryUtilizationFraction: 0.9,
    });
  });

  it("applies efficiency flags and says which were set", async () => {
    const slow = await json([...base, "--context", "4096", "--matmul-efficiency", "0.3185"]);
    const fast = await json([...base, "--context", "4096"]);
    expect(slow.efficiencies.overridden).toEqual(["--matmul-efficiency"]);
    expect(slow.prefillTokensPerSecond).toBeLessThan(fast.prefillTokensPerSecond * 0.6);
  });

  it("--model-config reads a Hugging Face config.json (nested text_config, hybrid layers)", async () => {
    const out = await json([
      "throughput",
      "--model-config",
      `${CONFIGS}qwen3.5-397b-a17b.json`,
      "--gpu",
      "B200_180GB",
      "--gpus",
      "8",
      "--context",
      "32768",
      "--batch",
      "8",
    ]);
    expect(out).toMatchObject({ kvBytesPerToken: 30_720, fixedBytesPerSequence: 192_061_440, kvCopies: 4 });
  });

  it("worked example: Kimi K2.6 on 8 × B300 fits 27 page-default episodes; 64 in flight cut the cache hit and raise the cost", async () => {
    const kimi = [
      "throughput",
      "--model",
      "kimi-k2p6",
      "--gpu",
      "B300_288GB",
      "--gpus",
      "8",
      "--episodes",
      "1000",
    ];
    const fit = await json(kimi);
    const over = await json([...kimi, "--in-flight", "64"]);
    expect(fit.kvBytesPerToken).toBe(70_272);
    expect(fit.episodes.survival).toMatchObject({
      episodesWhoseCachesFit: 27,
      fits: true,
      peakContextTokens: 94_000,
    });
    expect(fit.episodes.reuse.effectiveCacheHitFraction).toBeCloseTo(0.77, 10);
    expect(over.episodes.survival.fits).toBe(false);
    expect(over.episodes.reuse.effectiveCacheHitFraction).toBeLessThan(0.5);
    expect(over.episodes.reuse.forcedReprefillTokens).toBeGreaterThan(0);
    expect(over.episodes.comparison.explanation.join(" ")).toMatch(/eviction/);
    expect(fit.episodes.comparison.saturated.clusterHours).toBeCloseTo(16_000_000 / 1500 / 3600, 10);
    expect(fit.episodes.usdPerGpuHour).toBe(12);
  });

  it("simulates the 8B's page-default episode on one H100: re-prefill ÷ reuse prefill time ≈ 3.52 (DATA.md §5)", async () => {
    const out = await json([...base, "--episodes", "100"]);
    expect(Math.abs(out.episodes.prefillReprefillToReuseRatio / 3.52 - 1)).toBeLessThan(0.1);
    expect(out.episodes.saturated.source).toMatch(/derived throughput at the first turn/);
  });

  it("prints a human table with the cache-survival verdict and the page's figure", async () => {
    const { code, stdout } = await runCliInProcess([
      "throughput",
      "--model",
      "kimi-k2p6",
      "--gpu",
      "B300_288GB",
      "--gpus",
      "8",
      "--episodes",
      "1000",
      "--in-flight",
      "64",
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /27 episodes' caches fit in this replica; 64 in flight do not: LRU eviction forces/,
    );
    expect(stdout).toMatch(/page: saturated constants, max\(prefill, decode\)\s+│\s+2\.96/);
    expect(stdout).not.toMatch(/NaN|Infinity|undefined/);
  });
});

describe("rollout-cost throughput (bad input)", () => {
  const dir = mkdtempSync(join(tmpdir(), "throughput-"));
  const broken = join(dir, "broken.json");
  writeFileSync(broken, "{ not json");
  const noLayers = join(dir, "config.json");
  writeFileSync(noLayers, JSON.stringify({ hidden_size: 4096 }));

  it.each([
    [
      "no model",
      ["throughput", "--gpu", "H100_80GB", "--context", "10"],
      /--model or --model-config is required/,
    ],
    [
      "an unknown model",
      ["throughput", "--model", "gpt-5", "--gpu", "H100_80GB", "--context", "10"],
      /--model: unknown model: gpt-5 \(known: /,
    ],
    [
      "no GPU",
      ["throughput", "--model", "llama-3.1-8b", "--context", "10"],
      /--gpu is required \(known: H100_80GB/,
    ],
    [
      "an unknown GPU",
      [...base.slice(0, 3), "--gpu", "A100", "--context", "10"],
      /--gpu must be one of .*, got "A100"/,
    ],
    ["no context", base, /--context is required/],
    [
      "a negative context",
      [...base, "--context", "-5"],
      /--context must be an integer from 1 to .*, got "-5"/,
    ],
    ["a zero batch", [...base, "--context", "8", "--batch", "0"], /--batch must be an integer from 1/],
    ["a fractional GPU count", [...base, "--context", "8", "--gpus", "1.5"], /--gpus must be an integer/],
    [
      "an efficiency above 1",
      [...base, "--context", "8", "--bandwidth-efficiency", "2"],
      /--bandwidth-efficiency must be a number > 0 and <= 1, got "2"/,
    ],
    [
      "an unknown profile",
      [...base, "--context", "8", "--profile", "fast"],
      /--profile must be one of serving, eager, got "fast"/,
    ],
    [
      "both model flags",
      [...base, "--model-config", broken, "--context", "8"],
      /--model and --model-config cannot be used together/,
    ],
    [
      "a missing config file",
      ["throughput", "--model-config", join(dir, "nope.json"), "--gpu", "H100_80GB", "--context", "8"],
      /--model-config: cannot read .*nope\.json.* \(ENOENT\)/,
    ],
    [
      "a config that is not JSON",
      ["throughput", "--model-config", broken, "--gpu", "H100_80GB", "--context", "8"],
      /--model-config: .*broken\.json" is not valid JSON/,
    ],
    [
      "a config without layers",
      ["throughput", "--model-config", noLayers, "--gpu", "H100_80GB", "--context", "8"],
      /--model-config: num_hidden_layers is missing/,
    ],
    [
      "more in flight than episodes",
      [...base, "--episodes", "10", "--in-flight", "11"],
      /--in-flight must be an integer from 1 to 10, got "11"/,
    ],
    [
      "weights that do not fit",
      ["throughput", "--model", "llama-3.1-70b", "--gpu", "H100_80GB", "--episodes", "10"],
      /--gpus 1: weights need 141\.1 GB/,
    ],
    [
      "an episode that outgrows the cache",
      [...base, "--episodes", "2", "--turns", "40"],
      /--turns 40: one episode's context at turn 36/,
    ],
    ["an unknown flag", [...base, "--context", "8", "--speed", "9"], /Unknown option '--speed'/],
  ])("exits 2 naming the flag for %s", async (_, args, message) => {
    const { code, stdout, stderr } = await runCliInProcess(args);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(message);
  });
});

describe("rollout-cost throughput (fuzzed flags)", () => {
  const FLAGS = [
    "context",
    "batch",
    "gpus",
    "matmul-efficiency",
    "attention-efficiency",
    "bandwidth-efficiency",
    "memory-utilization",
    "step-overhead-ms",
  ] as const;
  const value = fc.oneof(
    fc.string(),
    fc.integer().map(String),
    fc.double().map(String),
    fc.constantFrom("", "-0", "1e400", "0x10", "1_000", " 12 ", "Infinity", "NaN", "1e-400", "0.0000001"),
  );

  it("never crashes: exit 0 with finite figures, or exit 2 naming the flag", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FLAGS), value, async (flag, raw) => {
        const args = [
          "throughput",
          "--model",
          "gpt-oss-120b",
          "--gpu",
          "H200_141GB",
          "--context",
          "4096",
          "--json",
          `--${flag}=${raw}`,
        ];
        const { code, stdout, stderr } = await runCliInProcess(args);
        if (code === 0) {
          expect(stdout).not.toMatch(/NaN|Infinity|undefined|null/);
          JSON.parse(stdout);
        } else {
          expect(code).toBe(2);
          expect(stdout).toBe("");
          expect(stderr).toContain(`--${flag}`);
        }
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});

describe("rollout-cost throughput (fuzzed episode flags)", () => {
  const FLAGS = [
    "episodes",
    "turns",
    "initial-prompt",
    "added-per-turn",
    "generated-per-turn",
    "in-flight",
    "usd-per-gpu-hour",
    "prompt-tps",
    "decode-tps",
  ] as const;
  const value = fc.oneof(
    fc.integer({ min: -5, max: 300_000 }).map(String),
    fc.double().map(String),
    fc.string({ maxLength: 6 }),
    fc.constantFrom("", "0", "1", "1e400", "1e-300", "1_000", "NaN", "9999999", "0.5"),
  );

  it("never crashes: exit 0 with finite figures, or exit 2 naming the flag", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FLAGS), value, async (flag, raw) => {
        const args = [
          "throughput",
          "--model",
          "llama-3.1-8b",
          "--gpu",
          "H100_80GB",
          "--episodes",
          "50",
          "--json",
          `--${flag}=${raw}`,
        ];
        const { code, stdout, stderr } = await runCliInProcess(args);
        if (code === 0) {
          expect(stdout).not.toMatch(/NaN|Infinity|undefined|null/);
          JSON.parse(stdout);
        } else {
          expect(code).toBe(2);
          expect(stdout).toBe("");
          expect(stderr).toContain(`--${flag}`);
        }
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe("rollout-cost throughput (built CLI)", () => {
  it("prints JSON for a config.json, as the outside check runs it", () => {
    const { code, stdout } = spawnCli([
      "throughput",
      "--model-config",
      `${CONFIGS}mixtral-8x7b.json`,
      "--gpu",
      "H100_80GB",
      "--context",
      "2048",
      "--batch",
      "32",
      "--json",
    ]);
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.kvBytesPerToken).toBe(131_072);
    expect(out.prefillTokensPerSecond).toBeGreaterThan(0);
  });

  it("exits 2 with one line for a bad GPU", () => {
    const { code, stdout, stderr } = spawnCli([
      "throughput",
      "--model",
      "llama-3.1-8b",
      "--gpu",
      "TPU",
      "--context",
      "8",
    ]);
    expect([code, stdout]).toEqual([2, ""]);
    expect(stderr).toMatch(/^rollout-cost: --gpu must be one of/);
  });
});
