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
      "--layout",
      "tp",
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
      "--layout",
      "tp",
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

describe("rollout-cost throughput: layouts, precision, serving benchmark", () => {
  const kimi = [
    "throughput",
    "--model",
    "kimi-k2p6",
    "--gpu",
    "B300_288GB",
    "--gpus",
    "8",
    "--context",
    "8000",
  ];

  it("defaults to the model's catalog deployment (Kimi: DEP) and says where that came from", async () => {
    const out = await json(kimi);
    expect(out.deployment).toMatchObject({ layout: "dep", expertParallel: true });
    expect(out.deployment.source).toMatch(/Kimi-K2/);
    expect(out.kvCopies).toBe(1);
    const tp = await json([...kimi, "--layout", "tp"]);
    expect(tp.kvCopies).toBe(8);
    expect(out.maxCachedTokens).toBeGreaterThan(7 * tp.maxCachedTokens);
  });

  it("--kv-cache fp8 halves KV bytes per token and runs attention in FP8", async () => {
    const bf16 = await json([...kimi, "--kv-cache", "bf16"]);
    const fp8 = await json([...kimi, "--kv-cache", "fp8"]);
    expect(fp8.kvBytesPerToken).toBe(bf16.kvBytesPerToken / 2);
    expect(fp8.deployment.attentionMath).toBe("fp8");
  });

  it("--expert-weights fp8 on Blackwell: twice INT4's bytes, but FP8 tensor cores instead of bf16", async () => {
    const int4 = await json([...kimi, "--expert-weights", "int4"]);
    const fp8 = await json([...kimi, "--expert-weights", "fp8"]);
    expect(int4.deployment.weights.experts).toEqual({ bytesPerParam: 0.5625, math: "bf16" });
    expect(fp8.deployment.weights.experts).toEqual({ bytesPerParam: 1, math: "fp8" });
    expect(fp8.maxCachedTokens).toBeLessThan(int4.maxCachedTokens);
    // Prefill of 8K tokens is compute-bound: FP8 experts run at the FP8 rate.
    expect(fp8.prefillTokensPerSecond).toBeGreaterThan(int4.prefillTokensPerSecond);
  });

  it("shows each phase's step-time breakdown and the dominant term", async () => {
    const out = await json([...kimi, "--batch", "64"]);
    for (const phase of [out.prefillBreakdown, out.decodeBreakdown]) {
      expect(phase).toMatchObject({
        seconds: expect.any(Number),
        weightSeconds: expect.any(Number),
        kvSeconds: expect.any(Number),
        communicationSeconds: expect.any(Number),
        floorSeconds: expect.any(Number),
      });
    }
    expect(out.prefillBreakdown.bound).toBe("compute");
    expect(out.decodeBreakdown.bound).toBe("memory");
    expect(out.band).toMatchObject({ typicalFactor: 1.13, points: 35 });
  });

  it("--isl/--osl replays a §6 point: Llama-3.3-70B FP8 on 2 × H200 (TP2), 1K/1K, within the band of 2,587 tok/s/GPU", async () => {
    const out = await json([
      "throughput",
      "--model",
      "llama-3.3-70b",
      "--gpu",
      "H200_141GB",
      "--gpus",
      "2",
      "--layout",
      "tp",
      "--weights",
      "fp8",
      "--kv-cache",
      "fp8",
      "--isl",
      "1000",
      "--osl",
      "1000",
    ]);
    expect(out.offline).toMatchObject({ ok: true, mode: "colocated", limitedBy: "kv capacity" });
    expect(out.offline.outputTokensPerSecondPerGpu / 2_587).toBeGreaterThan(1 / 1.25);
    expect(out.offline.outputTokensPerSecondPerGpu / 2_587).toBeLessThan(1.25);
    expect(out.offline.step.communicationSeconds).toBeGreaterThan(0);
  });

  it("speculative decoding (1.8 accepted of 2 drafted) raises decode-heavy output where steps are memory-bound, lowers it where compute-bound", async () => {
    const r1 = ["throughput", "--model", "deepseek-r1", "--gpu", "H200_141GB", "--gpus", "8"];
    const mtp = ["--spec-draft", "2", "--spec-accept", "1.8"];
    const long = [...r1, "--isl", "1000", "--osl", "8000"];
    const plain = await json(long);
    expect(plain.offline.step.bound).toBe("memory");
    const fast = await json([...long, ...mtp]);
    expect(fast.offline.outputTokensPerSecondPerGpu).toBeGreaterThan(
      plain.offline.outputTokensPerSecondPerGpu * 1.2,
    );
    // 8K in, 1K out is compute-bound: three query tokens a step for 1.8 accepted costs more than it saves.
    const heavy = [...r1, "--isl", "8000", "--osl", "1000"];
    const slow = await json([...heavy, ...mtp]);
    expect(slow.offline.outputTokensPerSecondPerGpu).toBeLessThan(
      (await json(heavy)).offline.outputTokensPerSecondPerGpu,
    );
  });

  it("disaggregation reports its limiting pool", async () => {
    const bench = [
      "throughput",
      "--model",
      "deepseek-r1",
      "--gpu",
      "H200_141GB",
      "--gpus",
      "8",
      "--isl",
      "2000",
      "--osl",
      "1000",
    ];
    const pools = await json([...bench, "--prefill-gpus", "8", "--decode-gpus", "24"]);
    expect(pools.offline).toMatchObject({ ok: true, mode: "disaggregated", limitedBy: "prefill pool" });
    expect(pools.offline.prefillTokensPerSecond).toBeGreaterThan(0);
  });

  it("prints the breakdown and the benchmark in the table", async () => {
    const { code, stdout } = await runCliInProcess([...kimi, "--isl", "8000", "--osl", "2000"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Step time \(ms\) by phase/);
    expect(stdout).toMatch(/Serving benchmark \(max load\): [\d,]+ output tok\/s per GPU/);
    expect(stdout).toMatch(/Error band: .*×\/÷ 1\.13/);
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
      /--model: unknown model "gpt-5" \(known: /,
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
      /--bandwidth-efficiency must be a number >= 0.001 and <= 1, got "2"/,
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
    [
      "an unknown layout",
      [...base, "--context", "8", "--layout", "pp"],
      /--layout must be one of tp, ep, dep, got "pp"/,
    ],
    [
      "an unknown weight format",
      [...base, "--context", "8", "--weights", "fp2"],
      /--weights must be one of bf16, fp8, nvfp4, mxfp4, int4, got "fp2"/,
    ],
    [
      "an unknown KV format",
      [...base, "--context", "8", "--kv-cache", "int8"],
      /--kv-cache must be one of bf16, fp8/,
    ],
    [
      "--dp-attention with --layout tp",
      [...base, "--context", "8", "--layout", "tp", "--dp-attention"],
      /--dp-attention means --layout dep/,
    ],
    ["--isl without --osl", [...base, "--isl", "1000"], /--isl and --osl go together/],
    [
      "--spec-draft without --spec-accept",
      [...base, "--isl", "1000", "--osl", "100", "--spec-draft", "2"],
      /--spec-draft and --spec-accept go together/,
    ],
    [
      "more accepted than drafted + 1",
      [...base, "--isl", "1000", "--osl", "100", "--spec-draft", "2", "--spec-accept", "3.5"],
      /--spec-accept must be a number >= 1 and <= 3, got "3.5"/,
    ],
    [
      "pools without a benchmark",
      [...base, "--context", "8", "--prefill-gpus", "2", "--decode-gpus", "2"],
      /--prefill-gpus needs --isl and --osl/,
    ],
    [
      "a routing imbalance below 1",
      [...base, "--context", "8", "--routing-imbalance", "0.5"],
      /--routing-imbalance must be a number >= 1 and <= 16, got "0.5"/,
    ],
    [
      "a sequence that outgrows the cache",
      [...base, "--isl", "1000000", "--osl", "1000"],
      /--isl 1000000 --osl 1000: one sequence of 1001000 tokens does not fit/,
    ],
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
    "fp8-matmul-efficiency",
    "fp4-matmul-efficiency",
    "moe-gemm-efficiency",
    "routing-imbalance",
    "step-floor-us",
    "per-sequence-us",
    "interconnect-efficiency",
    "comm-overlap",
    "isl",
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
