// The chart's data, asked of the scenario layer: both plans' totals as turns per episode vary (other
// inputs held), the one crossing `breakeven` also reports, and the last turn that fits the window.
import { lastTurnThatFits } from "../core/context-window.js";
import { referencePlansFor } from "../scenario/reference.js";
import type { Scenario } from "../scenario/resolve.js";
import { breakEvenFor, sweepFor } from "../scenario/solve.js";

/** One turn count's totals, in dollars for all episodes. */
export interface SweepPoint {
  turns: number;
  tinkerUsd: number;
  dedicatedUsd: number;
}

/** Where the two sides cost the same. */
export interface Crossing {
  turns: number;
  usd: number;
}

/** Totals for turns 1..maxTurns, where the two sides cross (if within them), and the context limit. */
export function costSweep(
  scenario: Scenario,
  maxTurns = 40,
): { points: SweepPoint[]; crossing: Crossing | undefined; lastTurnThatFits: number | undefined } {
  const { tinker, dedicated } = referencePlansFor(scenario);
  const turns = Array.from({ length: maxTurns }, (_, i) => i + 1);
  const rows = sweepFor(scenario, [tinker, dedicated], { variable: "turns", values: turns });
  const points = turns.map((t, i) => ({
    turns: t,
    tinkerUsd: rows[2 * i]?.usdTotal ?? 0,
    dedicatedUsd: rows[2 * i + 1]?.usdTotal ?? 0,
  }));
  const answer = breakEvenFor(scenario, tinker, dedicated, "turns");
  const crossing =
    answer.ok && answer.value <= maxTurns ? { turns: answer.value, usd: answer.usdA } : undefined;
  const last = lastTurnThatFits({ ...scenario.workload.shape, turns: maxTurns }, scenario.windowTokens);
  return { points, crossing, lastTurnThatFits: last < maxTurns ? last : undefined };
}
