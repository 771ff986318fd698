import type { EpisodeRow } from "../log-analysis.js";
import { type TinkerCrossCheck, tinkerCrossCheck } from "./tinker-metrics-cross-check.js";
import type { TinkerMetrics } from "./tinker-metrics-reader.js";

/** What a run's metrics.jsonl adds to its rollout summaries, with where each figure comes from. */
export interface TinkerMetricsReport {
  path: string;
  /** How the file was found: named by --tinker-metrics, or the run's metrics.jsonl beside the summaries. */
  found: "flag" | "beside";
  metrics: Omit<TinkerMetrics, "steps">;
  /** The first and last step read; null when none was. */
  stepRange: { first: number; last: number } | null;
  /** Σ (env/all/total_ob_tokens + total_ac_tokens) ÷ Σ time/total over the steps that carry all three. */
  tokensPerWallSecond: number | null;
  /** Σ env/all/total_ac_tokens ÷ Σ time/sampling over the steps that carry both. */
  completionTokensPerSamplingSecond: number | null;
  crossCheck: TinkerCrossCheck;
  measured: readonly string[];
  derived: readonly string[];
  warnings: string[];
}

const MEASURED = [
  "metrics.jsonl: each step's wall time (time/total), sampling time (time/sampling) and training time " +
    "(time/train_step), in seconds, where the run's trace window logged them",
  "metrics.jsonl: each step's trajectories, turns, observation and action tokens (env/all/total_episodes, " +
    "total_turns, total_ob_tokens, total_ac_tokens)",
  "train_rollout_summaries.jsonl: each trajectory's steps[].ob_len and ac_len",
] as const;

const DERIVED = [
  "sums, means and the largest step of each metric, over the steps that carry it",
  "tokens per wall second: Σ (total_ob_tokens + total_ac_tokens) ÷ Σ time/total, steps carrying all three",
  "completion tokens per sampling second: Σ total_ac_tokens ÷ Σ time/sampling, steps carrying both",
  "cross-check: the summaries' trajectories, turns, ob_len and ac_len summed per iteration, against the " +
    "step of the same number",
] as const;

/** The metrics read, their rates, and their cross-check against the summaries' episode rows. */
export function tinkerMetricsReport(options: {
  path: string;
  found: TinkerMetricsReport["found"];
  metrics: TinkerMetrics;
  summaries: readonly EpisodeRow[];
}): TinkerMetricsReport {
  const { steps, ...metrics } = options.metrics;
  const ratio = (parts: [number, number][]) => {
    const [num, den] = parts.reduce(([a, b], [x, y]) => [a + x, b + y], [0, 0]);
    return parts.length > 0 && den > 0 ? num / den : null;
  };
  const perWall: [number, number][] = [];
  const perSampling: [number, number][] = [];
  for (const s of steps) {
    const { promptTokens, completionTokens } = s.counts;
    if (promptTokens !== undefined && completionTokens !== undefined && s.seconds.wall !== undefined)
      perWall.push([promptTokens + completionTokens, s.seconds.wall]);
    if (completionTokens !== undefined && s.seconds.sampling !== undefined)
      perSampling.push([completionTokens, s.seconds.sampling]);
  }
  const crossCheck = tinkerCrossCheck(options.summaries, steps);
  const warnings: string[] = [];
  for (const row of crossCheck.rows)
    if (row.differing.length > 0)
      warnings.push(
        `iteration ${row.iteration}: metrics.jsonl and the summaries differ in ${row.differing.join(", ")} ` +
          "(the cookbook logs env/all/ after remove_constant_reward_groups, when set; lines skipped here " +
          "are missing from the summaries' sums)",
      );
  if (crossCheck.iterationsWithoutStep.length > 0)
    warnings.push(
      `no metrics step for iteration ${crossCheck.iterationsWithoutStep.slice(0, 5).join(", ")} of the summaries`,
    );
  if (options.metrics.stepsRead === 0) warnings.push(`no step's metrics could be read in the metrics file`);
  const first = steps[0];
  const last = steps[steps.length - 1];
  return {
    path: options.path,
    found: options.found,
    metrics,
    stepRange: first && last ? { first: first.step, last: last.step } : null,
    tokensPerWallSecond: ratio(perWall),
    completionTokensPerSamplingSecond: ratio(perSampling),
    crossCheck,
    measured: MEASURED,
    derived: DERIVED,
    warnings,
  };
}
