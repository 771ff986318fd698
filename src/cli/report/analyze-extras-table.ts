import { cutText, stripControls } from "../../format/echo.js";
import { formatCount, formatUsd } from "../../format/numbers.js";
import type { DistributionStats } from "../../logs/count-histogram.js";
import type { LogAnalysis } from "../../logs/log-analysis.js";
import type { AnalyzeExtras } from "../../scenario/log-extras.js";
import { tableText } from "../table-text.js";

const upToTwoDecimals = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
const twoDecimals = (n: number) => upToTwoDecimals.format(n);

function statsText(stats: DistributionStats | null, unit = ""): string {
  if (stats === null) return "—";
  return `mean ${twoDecimals(stats.mean)}${unit}, p50 ${twoDecimals(stats.p50)}${unit}, p90 ${twoDecimals(stats.p90)}${unit}, max ${twoDecimals(stats.max)}${unit}`;
}

/** Dollars as people read them; amounts under a cent keep six decimals rather than showing $0.00. */
function usd(n: number): string {
  return n !== 0 && Math.abs(n) < 0.01 ? `$${n.toFixed(6)}` : formatUsd(n);
}

function signedPercent(percent: number | null): string {
  if (percent === null) return "—";
  return `${percent >= 0 ? "+" : ""}${percent.toFixed(1)}%`;
}

/** The reader's provenance, timings, efficiency, prefix divergence and predicted-vs-actual sections. */
export function analyzeExtrasLines(a: LogAnalysis, extras: AnalyzeExtras | undefined): string[] {
  const out: string[] = [];
  if (a.reader) {
    out.push(
      "",
      `Read as ${a.reader.label}${a.groups !== undefined ? `, ${formatCount(a.groups)} group${a.groups === 1 ? "" : "s"}` : ""}.`,
    );
    out.push(`  measured: ${a.reader.measured.join("; ")}`);
    out.push(`  derived: ${a.reader.derived.join("; ")}`);
  }
  if (a.latency) {
    out.push(`Server time to first token: ${statsText(a.latency.timeToFirstTokenMs, " ms")}`);
    out.push(`Server processing time: ${statsText(a.latency.serverProcessingMs, " ms")}`);
  }
  if (a.efficiency) {
    out.push("", `Training efficiency over ${formatCount(a.efficiency.steps)} steps:`);
    out.push(`  batch fill ratio: ${statsText(a.efficiency.fillRatio)}`);
    out.push(`  trainer waiting for work: ${statsText(a.efficiency.waitingForWork, " s")}`);
    const d = extras?.efficiencyDiagnosis;
    if (d) {
      out.push(
        d.starved
          ? `  Diagnosis: ${d.advice} (${d.reasons.join("; ")})`
          : `  Diagnosis: the trainer is fed (median fill >= ${d.thresholds.lowFillRatio}, median waiting <= ${d.thresholds.significantWaitingSeconds} s)`,
      );
    }
  }
  const p = a.prefixDivergence;
  if (p) {
    out.push(
      "",
      `Prefix divergence: ${formatCount(p.turnsDiverged)} of ${formatCount(p.turnsCompared)} turns compared broke the previous turn's prefix; ` +
        `${formatCount(p.lostCachedTokens)} tokens were prefilled again that the previous context held (lost cache), ` +
        `${formatCount(p.commonPrefixTokens)} reused as a prefix.`,
    );
    if (p.examples.length > 0)
      out.push(
        tableText(
          [
            "episode",
            "turn",
            "prev context",
            "prompt",
            "common prefix",
            "diverges at",
            "lost cached",
            "likely cause",
          ],
          p.examples.map((e) => [
            cutText(stripControls(e.episode), 24),
            String(e.turn),
            formatCount(e.previousContextTokens),
            formatCount(e.promptTokens),
            formatCount(e.commonPrefixTokens),
            e.firstDivergenceAt === null ? "—" : formatCount(e.firstDivergenceAt),
            formatCount(e.lostCachedTokens),
            e.description,
          ]),
          ["left", "right", "right", "right", "right", "right", "right", "left"],
        ),
      );
    for (const c of extras?.prefixDivergenceCost ?? [])
      out.push(
        `  ${c.label}: the lost cache cost ${usd(c.usdLost)} (${formatCount(c.lostCachedTokens)} tokens)`,
      );
  }
  if (extras && extras.predicted.length > 0) {
    out.push("", "Predicted vs actual: 'rollout-cost estimate' on the fitted uniform shape, same plans:");
    out.push(
      tableText(
        ["plan", "observed", "predicted", "error"],
        extras.predicted.map((r) => [
          r.label,
          formatUsd(r.observedUsd),
          formatUsd(r.predictedUsd),
          signedPercent(r.errorPercent),
        ]),
        ["left", "right", "right", "right"],
      ),
    );
    out.push(
      "  The fitted shape is a mean: a spread of episode lengths costs more than its mean episode (prompt grows " +
        "with the square of the turns), and context tiers follow the fitted, not the observed, peak context.",
    );
  }
  return out;
}
