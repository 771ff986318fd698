// Shared by the simulation's tests: catalog hardware, a replica with a KV cache of an exact size.
import { ARCHITECTURES } from "../src/catalog/architectures.js";
import { SERVING_EFFICIENCIES } from "../src/catalog/efficiencies.js";
import { GPUS } from "../src/catalog/gpus.js";
import type { Distribution } from "../src/core/simulation/distribution.js";
import type { RolloutSimulationInput } from "../src/core/simulation/rollout-input.js";
import { kvBytesPerToken } from "../src/core/throughput/kv-bytes.js";

export const constant = (value: number): Distribution => ({ kind: "constant", value });
export const llama8b = ARCHITECTURES.find((a) => a.id === "llama-3.1-8b") as (typeof ARCHITECTURES)[number];
export const kimi = ARCHITECTURES.find((a) => a.id === "kimi-k2p6") as (typeof ARCHITECTURES)[number];
export const h100 = GPUS.find((g) => g.id === "H100_80GB") as (typeof GPUS)[number];
export const b300 = GPUS.find((g) => g.id === "B300_288GB") as (typeof GPUS)[number];

/** A one-GPU llama-3.1-8b replica whose KV cache holds exactly `tokens` tokens (memory utilisation 1). */
export function tinyCacheInput(
  tokens: number,
): Pick<RolloutSimulationInput, "model" | "replica" | "efficiencies"> {
  const hbmBytes = llama8b.weightBytes + tokens * kvBytesPerToken(llama8b) + 1;
  return {
    model: llama8b,
    replica: { gpu: { ...h100, hbmBytes }, gpus: 1, dataParallelAttention: false },
    efficiencies: { ...SERVING_EFFICIENCIES, memoryUtilizationFraction: 1 },
  };
}

/** A simulation input with uniform one-turn episodes and no tool latency, to be overridden. */
export function baseInput(overrides: Partial<RolloutSimulationInput>): RolloutSimulationInput {
  return {
    ...tinyCacheInput(1_000_000),
    replicas: 1,
    engine: { blockTokens: 16, tokenBudgetPerStep: 8192, maxSequencesPerReplica: 256 },
    workload: {
      episodes: 1,
      groupSize: 1,
      turns: constant(1),
      initialPromptTokens: 1608,
      addedTokensPerTurn: constant(0),
      generatedTokensPerTurn: constant(10),
      toolLatencySeconds: constant(0),
    },
    concurrency: 1,
    routing: "session-affinity",
    weightSync: { mode: "none" },
    seed: 7,
    ...overrides,
  };
}
