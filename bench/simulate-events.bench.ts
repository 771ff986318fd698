// The event-driven rollout simulation: N episodes × 20 turns on 8 replicas of Kimi K2.6 on 8 × B300, on one
// core, at three sizes to show growth with episodes (target: 100,000 episodes in < 5 s, linear).
import { ARCHITECTURES } from "../src/catalog/architectures.js";
import { SERVING_EFFICIENCIES } from "../src/catalog/efficiencies.js";
import { GPUS } from "../src/catalog/gpus.js";
import type { RolloutSimulationInput } from "../src/core/simulation/rollout-input.js";
import { simulateRollout } from "../src/core/simulation/simulate-rollout.js";

const input = (episodes: number, evicting: boolean): RolloutSimulationInput => ({
  model: ARCHITECTURES.find((a) => a.id === "kimi-k2p6") as (typeof ARCHITECTURES)[number],
  replica: {
    gpu: GPUS.find((g) => g.id === "B300_288GB") as (typeof GPUS)[number],
    gpus: 8,
    dataParallelAttention: !evicting,
  },
  efficiencies: SERVING_EFFICIENCIES,
  replicas: 8,
  engine: { blockTokens: 16, tokenBudgetPerStep: 8192, maxSequencesPerReplica: 256 },
  workload: {
    episodes,
    groupSize: 8,
    turns: { kind: "constant", value: 20 },
    initialPromptTokens: 2000,
    addedTokensPerTurn: { kind: "uniform", min: 200, max: 800 },
    generatedTokensPerTurn: { kind: "uniform", min: 100, max: 500 },
    toolLatencySeconds: { kind: "uniform", min: 0, max: 5 },
  },
  concurrency: evicting ? 4096 : 2048,
  routing: "session-affinity",
  weightSync: { mode: "sync", episodesPerStep: evicting ? 8192 : 4096 },
  seed: 1,
});

const CASES = [
  { evicting: false, label: "dp attention, 2,048 in flight (caches fit)" },
  { evicting: true, label: "tensor parallel, 4,096 in flight (LRU evicts all the time)" },
];

export function main(): void {
  for (const { evicting, label } of CASES) {
    simulateRollout(input(10_000, evicting)); // warm up the JIT
    const rows: { episodes: number; ms: number }[] = [];
    for (const episodes of [10_000, 30_000, 100_000]) {
      const start = process.hrtime.bigint();
      const cpuStart = process.cpuUsage();
      const result = simulateRollout(input(episodes, evicting));
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const cpu = process.cpuUsage(cpuStart);
      const cpuMs = (cpu.user + cpu.system) / 1000;
      rows.push({ episodes, ms: cpuMs });
      const detail = result.ok
        ? `${(result.wallClockSeconds / 3600).toFixed(2)} h simulated, hit ${(result.cacheHitFraction * 100).toFixed(1)} %, ${result.preemptions} preemptions`
        : result.reason;
      console.log(
        `simulateRollout ${episodes.toLocaleString("en-US")} episodes × 20 turns, 8 replicas, ${label}: ${ms.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU (${((cpuMs / episodes) * 1000).toFixed(1)} µs per episode; ${detail})${episodes === 100_000 ? "; target < 5,000 ms" : ""}`,
      );
    }
    const [small, , large] = rows;
    if (small && large)
      console.log(
        `growth: ${(large.episodes / small.episodes).toFixed(0)}× the episodes took ${(large.ms / small.ms).toFixed(1)}× the CPU time (linear = ${(large.episodes / small.episodes).toFixed(0)}×)`,
      );
  }
}
