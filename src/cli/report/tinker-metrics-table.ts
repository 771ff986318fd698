import { plainText } from "../../format/echo.js";
import { formatCount } from "../../format/numbers.js";
import { METRICS_SKIP_KINDS } from "../../logs/readers/tinker-metrics.js";
import type { MetricsTotal } from "../../logs/readers/tinker-metrics-reader.js";
import type { TinkerMetricsReport } from "../../logs/readers/tinker-metrics-report.js";
import { tableText } from "../table-text.js";

const upToOneDecimal = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });
const upToTwoDecimals = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

const plural = (n: number, word: string) => `${formatCount(n)} ${word}${n === 1 ? "" : "s"}`;

function cells(total: MetricsTotal | null, format: (n: number) => string): string[] {
  if (total === null) return ["—", "—", "—", "—"];
  return [formatCount(total.steps), format(total.total), format(total.mean), format(total.max)];
}

// Counts are whole; their mean per step keeps a decimal.
const count = (n: number) => (Number.isInteger(n) ? formatCount(n) : upToOneDecimal.format(n));

/** The metrics.jsonl section of `analyze`: the file's lines, its per-step figures, the cross-check. */
export function tinkerMetricsLines(r: TinkerMetricsReport): string[] {
  const m = r.metrics;
  const out: string[] = [""];
  const how = r.found === "flag" ? "--tinker-metrics" : "found beside the summaries";
  const range = r.stepRange ? `, steps ${r.stepRange.first}-${r.stepRange.last}` : "";
  out.push(
    `Run metrics ${plainText(r.path, 200)} (${how}): ${formatCount(m.lines)} lines, ` +
      `${formatCount(m.stepsRead)} steps read${range}` +
      (m.linesWithoutQuantities > 0
        ? `, ${plural(m.linesWithoutQuantities, "line")} without these metrics`
        : "") +
      (m.blankLines > 0 ? `, ${formatCount(m.blankLines)} blank` : ""),
  );
  if (m.nonFiniteLines > 0)
    out.push(`  ${plural(m.nonFiniteLines, "line")} held Python NaN / Infinity in other keys (read as null)`);
  if (m.skippedTotal > 0) {
    const kinds = METRICS_SKIP_KINDS.filter((k) => m.skipped[k] > 0).map(
      (k) => `${formatCount(m.skipped[k])} ${k}`,
    );
    out.push(
      `  Skipped ${formatCount(m.skippedTotal)} ${m.skippedTotal === 1 ? "line" : "lines"}: ${kinds.join(", ")}. The first:`,
    );
    for (const bad of m.badLines)
      out.push(`    line ${bad.line}: ${bad.kind}: ${plainText(bad.message, 200)}`);
  } else out.push("  Skipped no line.");
  const seconds = (n: number) => `${upToOneDecimal.format(n)} s`;
  out.push(
    tableText(
      ["metrics.jsonl, per step", "steps", "total", "mean", "max"],
      [
        ["wall time (time/total)", ...cells(m.seconds.wall, seconds)],
        ["sampling (time/sampling)", ...cells(m.seconds.sampling, seconds)],
        ["training (time/train_step)", ...cells(m.seconds.training, seconds)],
        ["trajectories (env/all/total_episodes)", ...cells(m.counts.episodes, count)],
        ["turns (env/all/total_turns)", ...cells(m.counts.turns, count)],
        ["observation tokens (total_ob_tokens)", ...cells(m.counts.promptTokens, count)],
        ["action tokens (total_ac_tokens)", ...cells(m.counts.completionTokens, count)],
      ],
      ["left", "right", "right", "right", "right"],
    ),
  );
  const rate = (n: number | null, what: string) =>
    n === null ? `${what}: —` : `${what}: ${upToTwoDecimals.format(n)}`;
  out.push(
    `  derived: ${rate(r.tokensPerWallSecond, "tokens per wall second")}; ` +
      `${rate(r.completionTokensPerSamplingSecond, "completion (action) tokens per sampling second")}`,
  );
  const c = r.crossCheck;
  if (c.rows.length > 0) {
    out.push(
      tableText(
        ["cross-check, iteration", "trajectories", "turns", "ob tokens", "ac tokens", "agree"],
        c.rows.map((row) => [
          String(row.iteration),
          ...(["episodes", "turns", "promptTokens", "completionTokens"] as const).map(
            (k) =>
              `${formatCount(row.summaries[k])} / ${row.metrics[k] === undefined ? "—" : formatCount(row.metrics[k])}`,
          ),
          row.differing.length === 0 ? "yes" : `no: ${row.differing.join(", ")}`,
        ]),
        ["right", "right", "right", "right", "right", "left"],
      ),
    );
    out.push("  (summaries / metrics.jsonl)");
  } else out.push("  cross-check: no iteration of the summaries has a step in the metrics");
  out.push(`  measured: ${r.measured.join("; ")}`);
  out.push(`  derived: ${r.derived.join("; ")}`);
  return out;
}
