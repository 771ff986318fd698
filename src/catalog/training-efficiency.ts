import { SOURCES } from "./sources.js";

/**
 * When the Training API efficiency signals say the rollout side is not feeding the trainer. The page
 * names the signals and the advice ("low fill or significant waiting-for-work: raise rollout concurrency
 * before adding replicas") but no numbers: these thresholds are this project's reading of "low" and
 * "significant", applied to the median over steps (the page speaks of values "consistently low across steps").
 */
export const TRAINING_EFFICIENCY_THRESHOLDS = {
  /** Median effective_batch_fill_ratio below this is low fill (1.0 = fully saturated). */
  lowFillRatio: 0.8,
  /** Median trainer_waiting_for_work above this (seconds idle since the last op) is significant waiting. */
  significantWaitingSeconds: 1,
  source: `${SOURCES.referencePage}, section 'Reading Training API efficiency metrics'; thresholds chosen by this project`,
  asOf: "2026-12-01",
} as const;
