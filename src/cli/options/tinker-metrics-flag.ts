// `analyze --tinker-metrics <file>`: a Tinker cookbook run's metrics.jsonl read beside its rollout
// summaries. Without the flag, the run's own metrics.jsonl is looked for where the cookbook writes it.
import { statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { echo } from "../../format/echo.js";
import type { LogAnalysis } from "../../logs/log-analysis.js";
import { LogLimitError } from "../../logs/log-limits.js";
import { NotAFileError } from "../../logs/node-input.js";
import { readTinkerMetricsFile } from "../../logs/read-tinker-metrics-file.js";
import type { TinkerMetrics } from "../../logs/readers/tinker-metrics-reader.js";
import { type TinkerMetricsReport, tinkerMetricsReport } from "../../logs/readers/tinker-metrics-report.js";
import { CliError } from "../cli-error.js";

/** The help lines of --tinker-metrics, in the Input section. */
export const TINKER_METRICS_HELP = `  --tinker-metrics <file> a Tinker cookbook run's metrics.jsonl, read with its
                          train_rollout_summaries.jsonl: per-step wall, sampling and
                          training seconds (time/total, time/sampling, time/train_step)
                          and env/all/ token counts, cross-checked per iteration against
                          the summaries. Default: metrics.jsonl beside the summaries, or
                          in the folder above iteration_NNNNNN/ (where the cookbook
                          writes it), when there is one`;

/** Where the run's metrics.jsonl is, when the flag names none: beside the summaries, or one folder up. */
export function besideMetricsPath(source: string): string | undefined {
  if (source === "-") return undefined;
  const folder = dirname(source);
  const candidates = [join(folder, "metrics.jsonl")];
  if (/^iteration_\d+$/.test(basename(folder))) candidates.push(join(folder, "..", "metrics.jsonl"));
  return candidates.find((path) => {
    try {
      return statSync(path).isFile();
    } catch {
      return false;
    }
  });
}

/** The file named by the flag, read now (before the log), so a bad path stops with exit 2 and no output. */
export async function readMetricsFlag(path: string): Promise<TinkerMetrics & { cutReason: string | null }> {
  const name = echo(path, 200);
  try {
    return await readTinkerMetricsFile(path);
  } catch (error) {
    throw new CliError(`--tinker-metrics: ${metricsReadProblem(error, name)}`);
  }
}

/** The metrics report for a log read as Tinker rollout summaries, from the flag's file or the one beside it. */
export async function tinkerMetricsFor(options: {
  analysis: LogAnalysis;
  source: string;
  flagPath: string | undefined;
  fromFlag: (TinkerMetrics & { cutReason: string | null }) | undefined;
}): Promise<{ report: TinkerMetricsReport | undefined; warnings: string[] }> {
  const { analysis, flagPath, fromFlag } = options;
  if (analysis.format !== "tinker-rollouts") {
    if (flagPath !== undefined)
      throw new CliError(
        `--tinker-metrics: goes with Tinker cookbook rollout summaries; the log was read as ${analysis.format}`,
      );
    return { report: undefined, warnings: [] };
  }
  const found = flagPath !== undefined ? "flag" : "beside";
  const path = flagPath ?? besideMetricsPath(options.source);
  if (path === undefined) return { report: undefined, warnings: [] };
  let metrics = fromFlag;
  const warnings: string[] = [];
  if (metrics === undefined) {
    try {
      metrics = await readTinkerMetricsFile(path);
    } catch (error) {
      const problem = metricsReadProblem(error, "it");
      return {
        report: undefined,
        warnings: [`${echo(path, 200)} beside the summaries not read: ${problem}`],
      };
    }
  }
  if (metrics.cutReason !== null)
    warnings.push(`${echo(path, 200)} ends early (${metrics.cutReason}): read up to the cut`);
  const report = tinkerMetricsReport({ path, found, metrics, summaries: analysis.perEpisode ?? [] });
  return { report, warnings: [...warnings, ...report.warnings] };
}

function metricsReadProblem(error: unknown, name: string): string {
  if (error instanceof NotAFileError) return `cannot read ${name}: not a regular file`;
  if (error instanceof LogLimitError) return `${name}: ${error.message}`;
  const code = (error as NodeJS.ErrnoException).code;
  if (typeof code === "string" && code.startsWith("Z_")) return `${name} is not valid gzip`;
  if (typeof code === "string") return `cannot read ${name}: ${code}`;
  throw error;
}
