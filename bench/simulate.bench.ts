// The turn-by-turn replica simulation: 1,000 episodes × 8 turns of the page's default shape on one core
// (target: < 1 s).
import { readFileSync } from "node:fs";
import { ARCHITECTURES } from "../src/catalog/architectures.js";
import { SERVING_EFFICIENCIES } from "../src/catalog/efficiencies.js";
import { GPUS } from "../src/catalog/gpus.js";
import type { PrecisionChoice } from "../src/catalog/weight-formats.js";
import { simulateReplica } from "../src/core/throughput/simulate-replica.js";
import { type OfflineOptions, offlineThroughputFor } from "../src/scenario/offline-for.js";

const shape = {
  turns: 8,
  initialPromptTokens: 8000,
  addedTokensPerTurn: 12000,
  generatedTokensPerTurn: 2000,
};
// Identical waves are simulated once, so the cases that exercise every episode put all 1,000 in flight.
const cases = [
  {
    name: "llama-3.1-8b, 1 × H100, all 1,000 in flight (4 fit: LRU evicts all the time)",
    model: "llama-3.1-8b",
    gpu: "H100_80GB",
    gpus: 1,
    inFlight: 1000,
    dp: false,
  },
  {
    name: "kimi-k2p6, 8 × B300, DEP8, all 1,000 in flight",
    model: "kimi-k2p6",
    gpu: "B300_288GB",
    gpus: 8,
    inFlight: 1000,
    dp: true,
  },
  {
    name: "llama-3.1-8b, 1 × H100, 8 in flight (evicting)",
    model: "llama-3.1-8b",
    gpu: "H100_80GB",
    gpus: 1,
    inFlight: 8,
    dp: false,
  },
  {
    name: "kimi-k2p6, 8 × B300, 27 in flight (all fit)",
    model: "kimi-k2p6",
    gpu: "B300_288GB",
    gpus: 8,
    inFlight: 27,
    dp: false,
  },
  {
    name: "llama-3.1-8b, 1 × H100, 1 in flight",
    model: "llama-3.1-8b",
    gpu: "H100_80GB",
    gpus: 1,
    inFlight: 1,
    dp: false,
  },
];

export function main(): void {
  for (const c of cases) {
    const input = {
      model: ARCHITECTURES.find((a) => a.id === c.model)!,
      replica: {
        gpu: GPUS.find((g) => g.id === c.gpu)!,
        gpus: c.gpus,
        dataParallelAttention: c.dp,
        expertParallel: c.dp,
      },
      efficiencies: SERVING_EFFICIENCIES,
      workload: { episodes: 1000, shape },
      episodesInFlight: c.inFlight,
      cache: "reuse" as const,
    };
    let sink = 0;
    for (let i = 0; i < 3; i++) {
      const r = simulateReplica(input); // warm up the JIT
      if (r.ok) sink += r.busySeconds;
    }
    const times: number[] = [];
    for (let round = 0; round < 7; round++) {
      const start = process.hrtime.bigint();
      const r = simulateReplica(input);
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
      if (r.ok) sink += r.busySeconds;
    }
    times.sort((a, b) => a - b);
    const ms = (i: number) => (times[i] ?? 0).toFixed(2);
    console.log(
      `simulateReplica 1,000 episodes × 8 turns, ${c.name}: median ${ms(3)} ms over 7 runs (min ${ms(0)}, max ${ms(6)}); target < 1,000 ms`,
    );
    if (sink === 42) console.log("");
  }
  offlineReplay();
}

// The §6 calibration replay: 35 steady-state serving benchmarks through offlineThroughputFor.
function offlineReplay(): void {
  const fixture = JSON.parse(
    readFileSync(new URL("../test/fixtures/trtllm-perf-overview.json", import.meta.url), "utf8"),
  ) as { points: (Omit<OfflineOptions, "precision"> & Record<"dense" | "experts" | "kv", string>)[] };
  const run = () => {
    let sum = 0;
    for (const p of fixture.points) {
      const r = offlineThroughputFor({
        ...p,
        precision: { dense: p.dense, experts: p.experts, kv: p.kv } as PrecisionChoice,
      });
      if (r.ok) sum += r.outputTokensPerSecond;
    }
    return sum;
  };
  run();
  const times: number[] = [];
  for (let round = 0; round < 7; round++) {
    const start = process.hrtime.bigint();
    run();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  console.log(
    `offlineThroughputFor, the 35 TensorRT-LLM points of DATA.md §6: median ${(times[3] ?? 0).toFixed(2)} ms over 7 runs`,
  );
}
