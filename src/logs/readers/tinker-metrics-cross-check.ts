import type { EpisodeRow } from "../log-analysis.js";
import type { CountKey, MetricsStep } from "./tinker-metrics.js";

/** One iteration both files cover: the summaries' sums beside the step's env/all/ counts. */
export interface CrossCheckRow {
  iteration: number;
  summaries: Record<CountKey, number>;
  /** The counts the step logged (absent when the line does not carry one). */
  metrics: Partial<Record<CountKey, number>>;
  /** The counts the step logged that differ from the summaries' sums. */
  differing: CountKey[];
}

export interface TinkerCrossCheck {
  rows: CrossCheckRow[];
  /** Iterations of the summaries that no step of the metrics names. */
  iterationsWithoutStep: number[];
  /** Trajectories whose id names no iteration (a summary line without `iteration`). */
  trajectoriesWithoutIteration: number;
}

const KEYS: CountKey[] = ["episodes", "turns", "promptTokens", "completionTokens"];

/**
 * The rollout summaries' trajectories (episode ids `iteration/group/traj`) summed per iteration and held
 * against the metrics step of the same number: step i_batch is the summaries' iteration in the cookbook.
 */
export function tinkerCrossCheck(
  rows: readonly EpisodeRow[],
  steps: readonly MetricsStep[],
): TinkerCrossCheck {
  const sums = new Map<number, Record<CountKey, number>>();
  let withoutIteration = 0;
  for (const row of rows) {
    const head = row.episode.slice(0, row.episode.indexOf("/"));
    const iteration = /^\d{1,15}$/.test(head) ? Number(head) : Number.NaN;
    if (!Number.isSafeInteger(iteration)) {
      withoutIteration++;
      continue;
    }
    let sum = sums.get(iteration);
    if (sum === undefined) {
      sum = { episodes: 0, turns: 0, promptTokens: 0, completionTokens: 0 };
      sums.set(iteration, sum);
    }
    sum.episodes++;
    sum.turns += row.turns;
    sum.promptTokens += row.promptTokens;
    sum.completionTokens += row.completionTokens;
  }
  const byStep = new Map(steps.map((s) => [s.step, s]));
  const out: CrossCheckRow[] = [];
  const missing: number[] = [];
  for (const [iteration, summaries] of [...sums].sort((a, b) => a[0] - b[0])) {
    const step = byStep.get(iteration);
    if (step === undefined) {
      missing.push(iteration);
      continue;
    }
    const differing = KEYS.filter((k) => step.counts[k] !== undefined && step.counts[k] !== summaries[k]);
    out.push({ iteration, summaries, metrics: { ...step.counts }, differing });
  }
  return { rows: out, iterationsWithoutStep: missing, trajectoriesWithoutIteration: withoutIteration };
}
