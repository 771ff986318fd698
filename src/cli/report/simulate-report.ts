import type { PlanEstimate } from "../../core/plan.js";
import type { RlStepSummary } from "../../core/simulation/rl-step-summary.js";
import type { RolloutSimulationInput } from "../../core/simulation/rollout-input.js";
import { mergeTimeline } from "../../core/simulation/rollout-ledger.js";
import type { RolloutSimulation } from "../../core/simulation/rollout-result.js";
import { csvText } from "../../format/machine-text.js";
import { formatCount, formatHours, formatPercent, formatUsd } from "../../format/numbers.js";
import { tableText } from "../table-text.js";

/** Everything `simulate` prints, as its --json gives it. */
export interface SimulateReport {
  input: Omit<RolloutSimulationInput, "model" | "replica" | "onProgress"> & {
    model: string;
    gpu: string;
    replica: RolloutSimulationInput["replica"];
  };
  usdPerGpuHour: number;
  usdPerGpuHourSource: string;
  engineSource: string;
  simulation: RolloutSimulation;
  dedicatedUsd: number;
  rlSteps: RlStepSummary;
  plans: PlanEstimate[];
  sweep?:
    | {
        threshold: number;
        thresholdSource: string;
        firstBrokenConcurrency: number | null;
        points: ({ concurrency: number; survivalFraction: number } & (
          | {
              ok: true;
              wallClockSeconds: number;
              gpuHours: number;
              usdDedicated: number;
              cacheHitFraction: number;
              idealCacheHitFraction: number;
              reprefilledTokens: Record<string, number>;
              utilisationFraction: number;
              preemptions: number;
            }
          | { ok: false; reason: string }
        ))[];
      }
    | undefined;
  warnings: string[];
}

const pct = (fraction: number) => formatPercent(fraction * 100);
const seconds = (s: number) => (s >= 3600 ? `${formatHours(s / 3600)} h` : `${s.toFixed(1)} s`);

/** The human summary: time, GPU-hours, $, cache, re-prefill by cause, RL steps, plans, the sweep. */
export function simulateTable(report: SimulateReport): string {
  const sim = report.simulation;
  const { input } = report;
  const re = sim.reprefilledTokens;
  const rows: [string, string][] = [
    ["deployment", `${input.replicas} × (${input.replica.gpus} × ${input.gpu}) serving ${input.model}`],
    [
      "episodes",
      `${formatCount(input.workload.episodes)} (${input.concurrency} in flight, groups of ${input.workload.groupSize}, ${input.routing})`,
    ],
    ["wall-clock", seconds(sim.wallClockSeconds)],
    [
      "GPU-hours (wall-clock)",
      `${sim.gpuHours.toFixed(2)} (busy ${sim.busyGpuHours.toFixed(2)}; utilisation ${pct(sim.utilisationFraction)})`,
    ],
    ["dedicated $", `${formatUsd(report.dedicatedUsd)} at $${report.usdPerGpuHour}/GPU-hour`],
    [
      "prefix-cache hit",
      `${pct(sim.cacheHitFraction)} of prompt tokens (ideal ${pct(sim.idealCacheHitFraction)})`,
    ],
    [
      "re-prefilled (tokens)",
      `evicted ${formatCount(re.evicted)}, preempted ${formatCount(re.preempted)}, routed away ${formatCount(re.routedAway)}, weight sync ${formatCount(re.weightSync)}`,
    ],
    ["preemptions", formatCount(sim.preemptions)],
    ["mean decode batch", sim.meanDecodeBatch.toFixed(1)],
    ["KV capacity / replica", `${formatCount(sim.kvCapacityTokensPerReplica)} tokens`],
    [
      "episode time",
      `mean ${seconds(sim.episodeSeconds.mean)}, p50 ${seconds(sim.episodeSeconds.p50)}, max ${seconds(sim.episodeSeconds.max)}; tool ${seconds(sim.environmentSeconds)} summed`,
    ],
    [
      "RL steps",
      `${report.rlSteps.steps}: rollout ${seconds(report.rlSteps.meanRolloutSeconds)}, train ${seconds(report.rlSteps.meanTrainSeconds)}, step ${seconds(report.rlSteps.meanStepSeconds)} (means); slowest ÷ median episode ${report.rlSteps.meanStragglerRatio.toFixed(2)}; training overlapped ${seconds(report.rlSteps.overlappedTrainSeconds)}`,
    ],
  ];
  let text = `${tableText(["simulation", ""], rows, ["left", "left"])}\n`;
  const turns = sim.hitByTurn.map((t) => [
    String(t.turn),
    formatCount(t.promptTokens),
    pct(t.cacheHitFraction),
  ]);
  text += `${tableText(["turn", "prompt tokens", "hit"], turns, ["right", "right", "right"])}\n`;
  const timeline = mergeTimeline(sim.timeline, 10).map((b) => [
    `${seconds(b.startSeconds)} – ${seconds(b.endSeconds)}`,
    pct(b.utilisationFraction),
    b.meanDecodeBatch.toFixed(1),
    b.promptTokens > 0 ? pct(b.cacheHitFraction) : "—",
  ]);
  text += `${tableText(["over time", "utilisation", "decode batch", "hit"], timeline, ["left", "right", "right", "right"])}\n`;
  const plans = report.plans.map((p) => [
    p.label,
    formatUsd(p.usdTotal),
    p.training ? formatUsd(p.training.usdTraining) : "—",
    p.training ? formatUsd(p.training.usdRun) : formatUsd(p.usdTotal),
  ]);
  text += `${tableText(["plan (simulated tokens)", "rollouts $", "training $", "run $"], plans, ["left", "right", "right", "right"])}\n`;
  if (report.sweep) {
    const rowsSweep = report.sweep.points.map((p) =>
      p.ok
        ? [
            String(p.concurrency),
            seconds(p.wallClockSeconds),
            pct(p.cacheHitFraction),
            pct(p.survivalFraction),
            formatCount(p.reprefilledTokens.evicted ?? 0),
            formatCount(p.preemptions),
            formatUsd(p.usdDedicated),
          ]
        : [String(p.concurrency), p.reason, "", "", "", "", ""],
    );
    text += `${tableText(["in flight", "wall-clock", "hit", "of ideal", "evicted tok", "preemptions", "dedicated $"], rowsSweep)}\n`;
    text +=
      report.sweep.firstBrokenConcurrency === null
        ? `the cache survives at every concurrency swept (hit >= ${pct(report.sweep.threshold)} of ideal)\n`
        : `the cache stops surviving at ${report.sweep.firstBrokenConcurrency} episodes in flight (hit < ${pct(report.sweep.threshold)} of ideal)\n`;
  }
  text += `rate: ${report.usdPerGpuHourSource}\nengine: ${report.engineSource}\n`;
  return text + report.warnings.map((w) => `warning: ${w}\n`).join("");
}

/** CSV: the sweep's rows when swept, else the hit per turn index. */
export function simulateCsv(report: SimulateReport): string {
  if (report.sweep) {
    const columns = [
      "concurrency",
      "ok",
      "wallClockSeconds",
      "gpuHours",
      "usdDedicated",
      "cacheHitFraction",
      "idealCacheHitFraction",
      "survivalFraction",
      "evictedTokens",
      "preemptedTokens",
      "routedAwayTokens",
      "weightSyncTokens",
      "preemptions",
      "utilisationFraction",
      "reason",
    ];
    return csvText(
      columns,
      report.sweep.points.map((p) =>
        p.ok
          ? {
              ...p,
              evictedTokens: p.reprefilledTokens.evicted,
              preemptedTokens: p.reprefilledTokens.preempted,
              routedAwayTokens: p.reprefilledTokens.routedAway,
              weightSyncTokens: p.reprefilledTokens.weightSync,
            }
          : p,
      ),
    );
  }
  return csvText(["turn", "promptTokens", "hitTokens", "cacheHitFraction"], report.simulation.hitByTurn);
}
