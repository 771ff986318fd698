// The chart's data: total cost on both sides as turns per episode vary, other inputs held.
import { lastTurnThatFits } from "../core/context-window.js";
import { estimateReference, type ReferenceInput } from "../core/estimate.js";

/** One turn count's totals, in dollars for all episodes. */
export interface SweepPoint {
  turns: number;
  tinkerUsd: number;
  dedicatedUsd: number;
}

/** Where the two sides cost the same, interpolated between whole turn counts. */
export interface Crossing {
  turns: number;
  usd: number;
}

/** Totals for turns 1..maxTurns, the turn counts where the two sides cross, and the context limit. */
export function costSweep(
  input: ReferenceInput,
  maxTurns = 40,
): { points: SweepPoint[]; crossings: Crossing[]; lastTurnThatFits: number | undefined } {
  const points: SweepPoint[] = [];
  for (let turns = 1; turns <= maxTurns; turns++) {
    const shape = { ...input.workload.shape, turns };
    const { plans } = estimateReference({ ...input, workload: { ...input.workload, shape } });
    points.push({ turns, tinkerUsd: plans.tinker.usdTotal, dedicatedUsd: plans.dedicated.usdTotal });
  }
  const crossings: Crossing[] = [];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as SweepPoint;
    const b = points[i] as SweepPoint;
    const da = a.tinkerUsd - a.dedicatedUsd;
    const db = b.tinkerUsd - b.dedicatedUsd;
    if (da === 0 && i === 1) crossings.push({ turns: a.turns, usd: a.tinkerUsd });
    if (db === 0 || (da < 0 && db > 0) || (da > 0 && db < 0)) {
      const f = da / (da - db);
      crossings.push({ turns: a.turns + f, usd: a.tinkerUsd + f * (b.tinkerUsd - a.tinkerUsd) });
    }
  }
  let fits: number | undefined;
  if (input.contextWindow) {
    const last = lastTurnThatFits({ ...input.workload.shape, turns: maxTurns }, input.contextWindow.tokens);
    fits = last < maxTurns ? last : undefined;
  }
  return { points, crossings, lastTurnThatFits: fits };
}
