import type { RolloutSimulation } from "./rollout-result.js";

/** The RL steps of a simulated run in figures: time rolling out, training, and what stragglers cost. */
export interface RlStepSummary {
  steps: number;
  /** Means over steps, seconds. */
  meanRolloutSeconds: number;
  meanTrainSeconds: number;
  /** Start of a step's rollouts to the end of its training. */
  meanStepSeconds: number;
  /** Mean over steps of (slowest episode ÷ median episode): the sync trainer waits for the slowest. */
  meanStragglerRatio: number;
  /** Σ of training time that ran while rollouts of a later step were generating (async overlap). */
  overlappedTrainSeconds: number;
  tokensTrained: number;
}

/** Sums a simulation's RL steps (rollouts, training, overlap, stragglers). */
export function rlStepSummary(simulation: RolloutSimulation): RlStepSummary {
  const steps = simulation.steps;
  const n = Math.max(1, steps.length);
  let overlapped = 0;
  for (const step of steps) {
    const nextStart = steps[step.step + 1]?.startSeconds ?? Number.POSITIVE_INFINITY;
    const trainEnd = step.trainStartSeconds + step.trainSeconds;
    overlapped += Math.max(
      0,
      Math.min(trainEnd, simulation.wallClockSeconds) - Math.max(step.trainStartSeconds, nextStart),
    );
  }
  const sum = (f: (s: (typeof steps)[number]) => number) => steps.reduce((total, s) => total + f(s), 0);
  return {
    steps: steps.length,
    meanRolloutSeconds: sum((s) => s.rolloutEndSeconds - s.startSeconds) / n,
    meanTrainSeconds: sum((s) => s.trainSeconds) / n,
    meanStepSeconds: sum((s) => s.endSeconds - s.startSeconds) / n,
    meanStragglerRatio:
      sum((s) => (s.medianEpisodeSeconds > 0 ? s.slowestEpisodeSeconds / s.medianEpisodeSeconds : 1)) / n,
    overlappedTrainSeconds: overlapped,
    tokensTrained: sum((s) => s.tokensTrained),
  };
}
