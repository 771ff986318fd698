import type { DerivedDedicated } from "../../core/throughput/derived-dedicated.js";
import type { ThroughputPoint } from "../../core/throughput/throughput-at.js";
import type { Efficiencies } from "../../core/throughput/types.js";
import { terminalSafe } from "../../format/echo.js";
import { formatCount, formatHours, formatPercent, formatUsd } from "../../format/numbers.js";
import { tableText } from "../table-text.js";

/** What `throughput` reports, as the table reads it. */
export interface ThroughputReport extends ThroughputPoint {
  model: { id: string; source: string };
  gpu: { id: string; gpus: number; dataParallelAttention: boolean };
  efficiencies: Efficiencies & { profile: string; overridden: string[]; source: string };
  warnings: string[];
}

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
  const hw = `${report.gpu.gpus} × ${report.gpu.id}${report.gpu.dataParallelAttention ? ", data-parallel attention" : ""}`;
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
