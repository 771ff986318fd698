import { tierFor } from "./context-tier.js";
import type { Assumption, Plan, PlanEstimate, TrainingEstimate } from "./plan.js";

const TOKENS_PER_MILLION = 1_000_000;
const SECONDS_PER_HOUR = 3600;

/** What one RL step trains on, and how many steps the run takes. */
export interface TrainingOptions {
  /** Tokens in the step's training data (each episode's whole trajectory, summed). */
  tokensTrained: number;
  /** Passes (epochs) over the step's data. */
  passes: number;
  /** RL steps in the run; each rolls out the workload and trains on it. */
  steps: number;
  /** Cluster-wide training throughput on a gpu-hour plan's own GPUs, tokens per second (no catalog default). */
  trainTokensPerSecond?: number;
}

/**
 * The training side of an RL step on `plan`: per-token plans charge tokens × passes at the train rate
 * of the tier the rollouts used (chosen by `peakContextTokens`); gpu-hour plans train on their own GPUs
 * for tokens × passes ÷ training tok/s. Returns a new estimate with `training`, or with a warning when
 * the plan cannot price training.
 */
export function withTrainingCost(
  estimate: PlanEstimate,
  plan: Plan,
  options: TrainingOptions,
  peakContextTokens: number,
): PlanEstimate {
  const trained = options.tokensTrained * options.passes;
  const warn = (warning: string) => ({ ...estimate, warnings: [...estimate.warnings, warning] });
  let usdTraining: number;
  let clusterHours: number | undefined;
  let assumption: Assumption;
  if (plan.kind === "per-token") {
    const rate = tierFor(plan, peakContextTokens).rates.usdPerMillionTrain;
    if (rate === undefined) return warn("no train rate in this plan: training not priced");
    usdTraining = (trained / TOKENS_PER_MILLION) * rate;
    assumption = {
      name: "train $/1M",
      value: rate,
      source: plan.asOf ? `${plan.source}, ${plan.asOf}` : plan.source,
    };
  } else {
    if (options.trainTokensPerSecond === undefined) {
      return warn("training not priced: give the training tok/s (the catalog has none)");
    }
    clusterHours = trained / options.trainTokensPerSecond / SECONDS_PER_HOUR;
    usdTraining = clusterHours * plan.gpus * plan.usdPerGpuHour;
    assumption = {
      name: "train tok/s (cluster)",
      value: options.trainTokensPerSecond,
      source: "user input (the catalog has no training throughput)",
    };
  }
  const usdStep = estimate.usdTotal + usdTraining;
  const training: TrainingEstimate = {
    tokensTrained: options.tokensTrained,
    passes: options.passes,
    usdTraining,
    ...(clusterHours !== undefined && { clusterHours }),
    usdStep,
    steps: options.steps,
    usdRun: usdStep * options.steps,
  };
  return { ...estimate, assumptions: [...estimate.assumptions, assumption], training };
}
