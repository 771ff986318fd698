import type { EfficiencySummary } from "./efficiency-summary.js";

/** The thresholds a diagnosis uses (the catalog's TRAINING_EFFICIENCY_THRESHOLDS). */
export interface EfficiencyThresholds {
  lowFillRatio: number;
  significantWaitingSeconds: number;
}

/** What the efficiency signals say, with the reasons. */
export interface EfficiencyDiagnosis {
  starved: boolean;
  reasons: string[];
  advice: string | null;
}

export const STARVED_ADVICE =
  "the rollout side isn't feeding the trainer: raise rollout concurrency before adding replicas";

/** Low median fill or significant median waiting means the trainer is starved for rollouts. */
export function efficiencyDiagnosis(
  summary: EfficiencySummary,
  thresholds: EfficiencyThresholds,
): EfficiencyDiagnosis {
  const reasons: string[] = [];
  const fill = summary.fillRatio;
  const waiting = summary.waitingForWork;
  if (fill !== null && fill.p50 < thresholds.lowFillRatio)
    reasons.push(`median batch fill ${fill.p50.toFixed(2)} is below ${thresholds.lowFillRatio}`);
  if (waiting !== null && waiting.p50 > thresholds.significantWaitingSeconds)
    reasons.push(
      `median trainer waiting for work ${waiting.p50.toFixed(2)} s is above ${thresholds.significantWaitingSeconds} s`,
    );
  return { starved: reasons.length > 0, reasons, advice: reasons.length > 0 ? STARVED_ADVICE : null };
}
