import type { Workload } from "../../core/episode-shape.js";
import type { PlanEstimate } from "../../core/plan.js";
import type { WorkloadTokens } from "../../core/workload-tokens.js";
import { plainText, terminalSafe } from "../../format/echo.js";
import { formatCount, formatHours, formatPercent, formatUsd } from "../../format/numbers.js";
import type { DistributionStats } from "../../logs/count-histogram.js";
import type { LogAnalysis } from "../../logs/log-analysis.js";
import type { TinkerMetricsReport } from "../../logs/readers/tinker-metrics-report.js";
import { SKIP_KINDS } from "../../logs/skip-kinds.js";
import type { AnalyzeExtras } from "../../scenario/log-extras.js";
import type { UnavailablePlan } from "../../scenario/plans.js";
import { tableText } from "../table-text.js";
import { analyzeExtrasLines } from "./analyze-extras-table.js";
import { tinkerMetricsLines } from "./tinker-metrics-table.js";

/** Everything `analyze` reports, for the table and the JSON. */
export interface AnalyzeReport {
  source: string;
  analysis: LogAnalysis;
  model: { id: string; label: string; contextWindowTokens: number };
  preset: string;
  workloadTokens: WorkloadTokens | null;
  baseline: string | null;
  plans: (PlanEstimate & { vsBaseline: string })[];
  unavailable: UnavailablePlan[];
  fitted: { workload: Workload; estimateCommand: string; link: string } | null;
  /** A Tinker run's metrics.jsonl read with its rollout summaries. */
  tinkerMetrics?: TinkerMetricsReport;
  warnings: string[];
  /** Predicted vs actual, the prefix divergence's price, the training-efficiency verdict. */
  extras?: AnalyzeExtras;
}

const oneDecimal = new Intl.NumberFormat("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

function statCells(stats: DistributionStats | null): string[] {
  if (stats === null) return ["—", "—", "—", "—"];
  const round = (n: number) => (Number.isInteger(n) ? formatCount(n) : oneDecimal.format(n));
  return [round(stats.mean), round(stats.p50), round(stats.p90), formatCount(stats.max)];
}

/** The human report of `analyze`. */
export function analyzeTable(report: AnalyzeReport): string {
  const a = report.analysis;
  const out: string[] = [];
  out.push(
    `Log ${plainText(report.source, 200)}: ${a.format}, ${formatCount(a.bytes)} bytes, ${formatCount(a.lines)} lines` +
      (a.blankLines > 0 ? ` (${formatCount(a.blankLines)} blank)` : ""),
  );
  const unit = a.format === "tinker" ? ["billing events", "sessions"] : ["requests", "episodes"];
  out.push(`Read ${formatCount(a.requests)} ${unit[0]} in ${formatCount(a.episodes)} ${unit[1]}.`);
  if (a.skippedTotal > 0) {
    const kinds = SKIP_KINDS.filter((k) => a.skipped[k] > 0).map((k) => `${formatCount(a.skipped[k])} ${k}`);
    const lines = a.skippedTotal === 1 ? "line" : "lines";
    out.push(`Skipped ${formatCount(a.skippedTotal)} ${lines}: ${kinds.join(", ")}. The first:`);
    // A message may quote the log line itself: cut and stripped, so a line cannot redraw the terminal.
    for (const bad of a.badLines) out.push(`  line ${bad.line}: ${bad.kind}: ${plainText(bad.message, 200)}`);
  } else {
    out.push("Skipped no line.");
  }
  out.push("");
  out.push(
    `Tokens: ${formatCount(a.tokens.prompt)} prompt (${formatCount(a.tokens.cachedPrompt)} cached), ` +
      `${formatCount(a.tokens.completion)} generated` +
      (a.tokens.train !== undefined ? `, ${formatCount(a.tokens.train)} trained` : ""),
  );
  if (a.idealCacheHitPercent === null) {
    out.push(
      `Cache hit: ${formatPercent(a.cacheHitPercent)} measured (no per-request order: no ideal to compare)`,
    );
  } else {
    const gap = a.idealCacheHitPercent - a.cacheHitPercent;
    out.push(
      `Cache hit: ${formatPercent(a.cacheHitPercent)} measured vs ${formatPercent(a.idealCacheHitPercent)} with ` +
        `perfect session affinity (${gap >= 0 ? `${gap.toFixed(1)} points lost to routing or eviction` : `${(-gap).toFixed(1)} points above it`})`,
    );
  }
  if (a.contextOverflowEpisodes !== null) {
    out.push(
      `Context window: ${report.model.label} holds ${formatCount(report.model.contextWindowTokens)} tokens; ` +
        `${formatCount(a.contextOverflowEpisodes)} of ${formatCount(a.episodes)} episodes outgrew it ` +
        `(largest prompt + generation ${formatCount(a.peakContextTokens ?? 0)})`,
    );
  }
  if (a.shape.turns !== null) {
    out.push("");
    out.push(
      tableText(
        ["shape", "mean", "p50", "p90", "max"],
        [
          ["turns per episode", ...statCells(a.shape.turns)],
          ["initial prompt", ...statCells(a.shape.initialPromptTokens)],
          ["added per turn", ...statCells(a.shape.addedTokensPerTurn)],
          ["generated per turn", ...statCells(a.shape.generatedTokensPerTurn)],
        ],
        ["left", "right", "right", "right", "right"],
      ),
    );
  }
  if (report.plans.length > 0 && report.workloadTokens) {
    out.push("");
    out.push(
      `The observed workload priced (preset ${report.preset}, ${report.model.label}, ${formatCount(report.workloadTokens.episodes)} episodes):`,
    );
    out.push(
      tableText(
        ["plan", "total", "per episode", "cluster-hours", `vs ${plainText(report.baseline ?? "", 40)}`],
        report.plans.map((p) => [
          p.label,
          formatUsd(p.usdTotal),
          formatUsd(p.usdPerEpisode),
          p.clusterHours === undefined ? "" : formatHours(p.clusterHours),
          p.vsBaseline,
        ]),
        ["left", "right", "right", "right", "left"],
      ),
    );
    for (const p of report.plans) {
      if (p.training)
        out.push(
          `  ${plainText(p.id)}: training ${formatCount(p.training.tokensTrained)} tokens ${formatUsd(p.training.usdTraining)}, with rollouts ${formatUsd(p.training.usdStep)}`,
        );
      for (const w of p.warnings) out.push(`  ${plainText(p.id)}: ${plainText(w, 400)}`);
    }
  }
  for (const u of report.unavailable)
    out.push(`  not priced: ${plainText(u.label)}: ${plainText(u.reason, 400)}`);
  if (report.fitted) {
    const { workload } = report.fitted;
    const s = workload.shape;
    out.push("");
    out.push(
      `Fitted uniform shape: ${formatCount(workload.episodes)} episodes × ${s.turns} turns, ` +
        `${formatCount(s.initialPromptTokens)} initial prompt, +${formatCount(s.addedTokensPerTurn)} per turn, ` +
        `${formatCount(s.generatedTokensPerTurn)} generated per turn`,
    );
    out.push(`  ${report.fitted.estimateCommand}`);
    out.push(`  ${report.fitted.link}`);
  }
  out.push(...analyzeExtrasLines(a, report.extras));
  if (report.tinkerMetrics) out.push(...tinkerMetricsLines(report.tinkerMetrics));
  if (report.warnings.length > 0) {
    out.push("");
    for (const w of report.warnings) out.push(`Warning: ${plainText(w, 400)}`);
  }
  return terminalSafe(`${out.join("\n")}\n`);
}
