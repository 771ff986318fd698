import type { DerivedDedicated } from "../../core/throughput/derived-dedicated.js";
import type { StepBreakdown } from "../../core/throughput/step-breakdown.js";
import type { ThroughputPoint } from "../../core/throughput/throughput-at.js";
import type { Efficiencies } from "../../core/throughput/types.js";
import { terminalSafe } from "../../format/echo.js";
import { formatCount, formatHours, formatPercent, formatUsd } from "../../format/numbers.js";
import { tableText } from "../table-text.js";

/** What `throughput` reports, as the table reads it. */
export interface ThroughputReport extends ThroughputPoint {
  model: { id: string; source: string };
  gpu: { id: string; gpus: number; dataParallelAttention: boolean };
  deployment?: {
    layout: string;
    label: string;
    weights: {
      dense?: { bytesPerParam: number; math: string } | undefined;
      experts?: { bytesPerParam: number; math: string } | undefined;
    };
    kvBytesPerElement: number;
    attentionMath: string;
    source: string;
  };
  offline?: OfflineReport;
  band?: { typicalFactor: number; worstFactor: number; points: number };
  efficiencies: Efficiencies & { profile: string; overridden: string[]; source: string };
  warnings: string[];
}

/** A serving benchmark's result as the table reads it (colocated or disaggregated). */
export type OfflineReport =
  | ({ ok: false; reason: string } & { mode: string })
  | {
      ok: true;
      mode: "colocated";
      outputTokensPerSecondPerGpu: number;
      sequences: number;
      limitedBy: string;
      prefillTokensPerStep: number;
      step: StepBreakdown;
    }
  | {
      ok: true;
      mode: "disaggregated";
      outputTokensPerSecondPerGpu: number;
      limitedBy: string;
      prefillTokensPerSecond: number;
      prefillStep: StepBreakdown;
      decode: { sequences: number; step: StepBreakdown; outputTokensPerSecondPerGpu: number };
    };

/** The episode half of the report: the simulation and the page's figure. */
export type EpisodesReport = Omit<DerivedDedicated, "ok"> & {
  workload: {
    episodes: number;
    shape: {
      turns: number;
      initialPromptTokens: number;
      addedTokensPerTurn: number;
      generatedTokensPerTurn: number;
    };
  };
  usdPerGpuHour: number;
  usdPerGpuHourSource: string;
  saturated: { promptTokensPerSecond: number; decodeTokensPerSecond: number; source: string };
};

const gb = (bytes: number) => `${(bytes / 1e9).toFixed(bytes < 1e10 ? 2 : 1)} GB`;
const bytesText = (bytes: number) => (bytes >= 1e6 ? gb(bytes) : `${formatCount(bytes)} B`);
const flops = (n: number) => (n >= 1e9 ? `${(n / 1e9).toFixed(2)} GFLOP` : `${(n / 1e6).toFixed(2)} MFLOP`);

/** The human report of `throughput`: the throughput point, its efficiencies, and the episode simulation. */
export function throughputTable(report: ThroughputReport, episodes: EpisodesReport | undefined): string {
  const lines: string[] = [];
  const layout = report.deployment ? `, ${report.deployment.layout.toUpperCase()}${report.gpu.gpus}` : "";
  const hw = `${report.gpu.gpus} × ${report.gpu.id}${layout}${!report.deployment && report.gpu.dataParallelAttention ? ", data-parallel attention" : ""}`;
  lines.push(
    `${report.model.id} on ${hw} · context ${formatCount(report.contextTokens)} · batch ${formatCount(report.batch)}`,
  );
  lines.push(
    tableText(
      ["", "value", ""],
      [
        [
          "prefill tok/s",
          formatCount(report.prefillTokensPerSecond),
          `${report.batch} × ${formatCount(report.contextTokens)} tokens from empty, ${report.prefillBound}-bound`,
        ],
        [
          "decode tok/s",
          formatCount(report.decodeTokensPerSecond),
          `one step of ${report.batch} sequence${report.batch === 1 ? "" : "s"} at ${formatCount(report.contextTokens)}, ${report.decodeBound}-bound`,
        ],
        [
          "KV bytes / token",
          formatCount(report.kvBytesPerToken),
          `× ${formatCount(report.kvCopies)} cop${report.kvCopies === 1 ? "y" : "ies"} in this replica`,
        ],
        [
          "fixed bytes / sequence",
          bytesText(report.fixedBytesPerSequence),
          "sliding-window KV and linear-attention state",
        ],
        ["max cached tokens", formatCount(report.maxCachedTokens), "per replica, after weights"],
        [
          "FLOPs / token (weights)",
          flops(report.linearFlopsPerToken),
          "2 × active params, less the input look-up",
        ],
        [
          "attention FLOPs / attended token",
          flops(report.attentionFlopsPerAttendedToken),
          "per context token each new token attends to",
        ],
      ],
      ["left", "right", "left"],
    ),
  );
  const d = report.deployment;
  if (d) {
    const fmt = (w?: { bytesPerParam: number; math: string }) =>
      w
        ? `${w.bytesPerParam.toFixed(w.bytesPerParam < 1 ? 3 : 0)} B/param on ${w.math} tensor cores`
        : "as the checkpoint";
    lines.push(
      `Deployment: ${d.label}; weights ${fmt(d.weights.dense)}, experts ${fmt(d.weights.experts)}; KV ${d.kvBytesPerElement} B/element, attention in ${d.attentionMath}`,
      `  default from: ${d.source}`,
    );
  }
  lines.push(
    "Step time (ms) by phase:",
    breakdownTable([
      [`prefill ${report.batch} × ${formatCount(report.contextTokens)}`, report.prefillBreakdown],
      [`decode step, batch ${report.batch}`, report.decodeBreakdown],
    ]),
  );
  if (report.offline) lines.push(...offlineLines(report.offline));
  if (report.band) {
    lines.push(
      `Error band: derived figures are typically within ×/÷ ${report.band.typicalFactor} of TensorRT-LLM's published ones (worst ×/÷ ${report.band.worstFactor}, ${report.band.points} points).`,
    );
  }
  const e = report.efficiencies;
  lines.push(
    `Efficiencies (${e.profile}${e.overridden.length ? `; set by ${e.overridden.join(", ")}` : ""}): matmul ${e.matmulFraction}, attention ${e.attentionFraction}, ` +
      `bandwidth ${e.bandwidthFraction}, memory utilisation ${e.memoryUtilizationFraction}, step overhead ${e.stepOverheadSecondsPerLayer * 1000} ms/layer`,
  );
  lines.push(`  fitted: ${e.source}`);
  if (episodes) lines.push("", ...episodeLines(episodes));
  for (const warning of report.warnings) lines.push(`warning: ${warning}`);
  return terminalSafe(`${lines.join("\n")}\n`);
}

function episodeLines(ep: EpisodesReport): string[] {
  const { shape, episodes } = ep.workload;
  const s = ep.survival;
  const c = ep.comparison;
  const lines = [
    `${formatCount(episodes)} episodes × ${shape.turns} turns: ${formatCount(shape.initialPromptTokens)} initial, +${formatCount(shape.addedTokensPerTurn)} per turn, ${formatCount(shape.generatedTokensPerTurn)} generated per turn`,
    `Cache survival: one episode peaks at ${formatCount(s.peakContextTokens)} tokens (${gb(s.bytesPerEpisodeAtPeak)} of cache); ` +
      `${formatCount(s.episodesWhoseCachesFit)} episodes' caches fit in this replica; ${formatCount(ep.episodesInFlight)} in flight ` +
      (s.fits
        ? "fit, so every turn reuses its history."
        : `do not: LRU eviction forces ${formatCount(ep.reuse.forcedReprefillTokens)} tokens of re-prefill, effective cache hit ${formatPercent(ep.reuse.effectiveCacheHitFraction * 100)}.`),
    tableText(
      ["dedicated plan", "cluster-hours", `$ at $${ep.usdPerGpuHour}/GPU-hour`, "prefill h", "decode h"],
      [
        [
          "page: saturated constants, max(prefill, decode)",
          formatHours(c.saturated.clusterHours),
          formatUsd(c.saturated.usdTotal),
          formatHours(c.saturated.prefillHours),
          formatHours(c.saturated.decodeHours),
        ],
        [
          "simulated: derived throughput, turn by turn",
          formatHours(c.simulated.clusterHours),
          formatUsd(c.simulated.usdTotal),
          formatHours(c.simulated.prefillHours),
          formatHours(c.simulated.decodeHours),
        ],
      ],
      ["left", "right", "right", "right", "right"],
    ),
    `Simulated ÷ page: ${c.ratio.toFixed(2)}×. Page constants: ${formatCount(ep.saturated.promptTokensPerSecond)} prompt tok/s, ${formatCount(ep.saturated.decodeTokensPerSecond)} decode tok/s (${ep.saturated.source}).`,
    "Why they differ:",
    ...c.explanation.map((line) => `  - ${line}`),
    `Re-prefilling every turn instead would take ${ep.prefillReprefillToReuseRatio.toFixed(2)}× the prefill GPU time (${ep.busyReprefillToReuseRatio.toFixed(2)}× with decode).`,
    `GPU rate: ${ep.usdPerGpuHourSource}.`,
  ];
  return lines;
}

const ms = (seconds: number) => (seconds * 1000).toFixed(seconds < 0.01 ? 3 : 2);

function breakdownTable(rows: [string, StepBreakdown][]): string {
  return tableText(
    ["", "GEMM FLOPs", "weights", "attention", "KV read", "comm.", "floor", "step", "bound"],
    rows.map(([name, b]) => [
      name,
      ms(b.denseComputeSeconds + b.expertComputeSeconds),
      ms(b.weightSeconds),
      ms(b.attentionComputeSeconds),
      ms(b.kvSeconds),
      ms(b.communicationSeconds),
      ms(b.floorSeconds),
      ms(b.seconds),
      b.bound,
    ]),
    ["left", "right", "right", "right", "right", "right", "right", "right", "left"],
  );
}

function offlineLines(offline: OfflineReport): string[] {
  if (!offline.ok) return [`Serving benchmark: ${offline.reason}`];
  if (offline.mode === "colocated") {
    return [
      `Serving benchmark (max load): ${formatCount(offline.outputTokensPerSecondPerGpu)} output tok/s per GPU; ${formatCount(offline.sequences)} sequences in flight (${offline.limitedBy}), each step also prefilling ${formatCount(offline.prefillTokensPerStep)} prompt tokens`,
      breakdownTable([["steady-state step", offline.step]]),
    ];
  }
  return [
    `Serving benchmark, disaggregated (max load): ${formatCount(offline.outputTokensPerSecondPerGpu)} output tok/s per GPU of both pools, limited by the ${offline.limitedBy}; prefill pool ${formatCount(offline.prefillTokensPerSecond)} prompt tok/s, decode pool ${formatCount(offline.decode.outputTokensPerSecondPerGpu)} output tok/s per GPU (${formatCount(offline.decode.sequences)} sequences)`,
    breakdownTable([
      ["prefill pass", offline.prefillStep],
      ["decode step", offline.decode.step],
    ]),
  ];
}
