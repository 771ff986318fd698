import { describe, expect, it } from "vitest";
import { cliJson } from "../../test/cli-helpers.js";
import { sweepConcurrency } from "../core/simulation/concurrency-sweep.js";
import { simulateRollout } from "../core/simulation/simulate-rollout.js";
import {
  SURVIVAL_CONCURRENCIES,
  SURVIVAL_THRESHOLD,
  simulationInputFor,
  survivalFigures,
} from "./simulation-for.js";

const workload = {
  episodes: 200,
  shape: { turns: 4, initialPromptTokens: 2000, addedTokensPerTurn: 1500, generatedTokensPerTurn: 300 },
};

describe("simulationInputFor", () => {
  it("builds the input `rollout-cost simulate` builds: the same figures, sweep and dollars", async () => {
    const built = simulationInputFor({
      modelId: "llama-3.1-8b",
      gpuId: "H100_80GB",
      gpus: 1,
      dataParallelAttention: false,
      concurrency: 128,
      toolLatencySeconds: 5,
      workload,
    });
    if (!built.ok) throw new Error(built.reason);
    const levels = SURVIVAL_CONCURRENCIES.slice(0, 3);
    const simulation = simulateRollout(built.input);
    if (!simulation.ok) throw new Error(simulation.reason);
    const figures = survivalFigures(
      simulation,
      sweepConcurrency(built.input, levels, SURVIVAL_THRESHOLD),
      2.5,
    );
    const cli = await cliJson([
      "simulate",
      ...["--model", "llama-3.1-8b", "--gpu", "H100_80GB", "--gpus", "1", "--episodes", "200"],
      ...[
        "--turns",
        "4",
        "--initial-prompt",
        "2000",
        "--added-per-turn",
        "1500",
        "--generated-per-turn",
        "300",
      ],
      ...["--tool-latency", "5", "--concurrency", "128", "--usd-per-gpu-hour", "2.5"],
      ...["--sweep-concurrency", levels.join(","), "--json"],
    ]);
    expect(cli.simulation.cacheHitFraction).toBe(simulation.cacheHitFraction);
    expect(cli.simulation.utilisationFraction).toBe(simulation.utilisationFraction);
    expect(cli.simulation.reprefilledTokens).toEqual(simulation.reprefilledTokens);
    expect(cli.simulation.timeline).toEqual(simulation.timeline);
    expect(cli.dedicatedUsd).toBe(figures.dedicatedUsd);
    expect(cli.sweep.firstBrokenConcurrency).toBe(figures.firstBrokenConcurrency);
    expect(cli.sweep.points.map((p: { usdDedicated: number }) => p.usdDedicated)).toEqual(
      figures.points.map((p) => p.usdDedicated),
    );
    // 200 episodes × 4 turns: the ideal hit is Σ cached ÷ Σ prompt of the closed form, > 0.
    expect(simulation.idealCacheHitFraction).toBeGreaterThan(0.5);
  });

  it("names the unknown model or GPU instead of throwing", () => {
    const choice = {
      gpuId: "H100_80GB",
      gpus: 1,
      dataParallelAttention: false,
      concurrency: 64,
      toolLatencySeconds: 0,
      workload,
    };
    const bad = simulationInputFor({ ...choice, modelId: "no-such-model" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.reason).toContain("no-such-model");
    const badGpu = simulationInputFor({ ...choice, modelId: "llama-3.1-8b", gpuId: "TPU" });
    expect(badGpu.ok).toBe(false);
  });
});
