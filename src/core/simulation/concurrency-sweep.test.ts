import { describe, expect, it } from "vitest";
import { baseInput, constant, tinyCacheInput } from "../../../test/simulation-fixtures.js";
import { sweepConcurrency } from "./concurrency-sweep.js";
import { rlStepSummary } from "./rl-step-summary.js";
import { simulateRollout } from "./simulate-rollout.js";

// Episodes of 3 turns, 1,600 → 2,400 → 3,200 tokens, waiting 10 s at their tool: a cache of 8,000 tokens
// holds two histories at their last turn (3,200 + 10 generated each) but not four.
const input = baseInput({
  ...tinyCacheInput(8000),
  workload: {
    ...baseInput({}).workload,
    episodes: 8,
    turns: constant(3),
    initialPromptTokens: 1600,
    addedTokensPerTurn: constant(800),
    toolLatencySeconds: constant(10),
  },
});

describe("sweepConcurrency", () => {
  it("finds the first concurrency whose hit falls below the threshold of the ideal", () => {
    const { points, firstBrokenConcurrency } = sweepConcurrency(input, [1, 2, 4, 8], 0.95);
    expect(points.map((p) => p.survivalFraction >= 0.95)).toEqual([true, true, false, false]);
    expect(firstBrokenConcurrency).toBe(4);
  });

  it("rejects a threshold outside (0, 1]", () => {
    expect(() => sweepConcurrency(input, [1], 0)).toThrow(/threshold/);
  });
});

describe("rlStepSummary", () => {
  it("sums steps: rollout, training at tokens × passes ÷ tok/s, the straggler ratio", () => {
    // 8 episodes, 2 a step; each trains on its final context 3,200 + 10 = 3,210 tokens: 6,420 a step,
    // × 2 passes ÷ 642 tok/s = 20 s of training a step.
    const result = simulateRollout({
      ...input,
      weightSync: { mode: "sync", episodesPerStep: 2 },
      concurrency: 2,
      trainTokensPerSecond: 642,
      trainPasses: 2,
    });
    if (!result.ok) throw new Error(result.reason);
    const summary = rlStepSummary(result);
    expect(summary.steps).toBe(4);
    expect(summary.tokensTrained).toBe(8 * 3210);
    expect(summary.meanTrainSeconds).toBeCloseTo(20, 9);
    expect(summary.overlappedTrainSeconds).toBe(0);
    expect(summary.meanStragglerRatio).toBeGreaterThanOrEqual(1);
    expect(result.wallClockSeconds).toBeGreaterThan(4 * 20 + 4 * 2 * 10);
  });
});
