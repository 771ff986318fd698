import { describe, expect, it } from "vitest";
import type { EpisodeRow } from "../log-analysis.js";
import { tinkerCrossCheck } from "./tinker-metrics-cross-check.js";

const row = (episode: string, turns: number, promptTokens: number, completionTokens: number): EpisodeRow => ({
  episode,
  turns,
  initialPromptTokens: 0,
  finalPromptTokens: 0,
  promptTokens,
  cachedPromptTokens: 0,
  idealCachedPromptTokens: 0,
  completionTokens,
  peakContextTokens: 0,
});

describe("tinkerCrossCheck(rows, steps)", () => {
  const rows = [
    row("3/0/0", 3, 1714, 272),
    row("3/0/1", 2, 983, 135),
    row("4/0/0", 1, 100, 10),
    row("9/0/0", 1, 5, 5),
    row("/0/0", 1, 5, 5),
  ];

  it("sums the trajectories per iteration and names the counts that differ from the step's", () => {
    const check = tinkerCrossCheck(rows, [
      // Iteration 3: 2 trajectories, 5 turns, 1714 + 983 ob, 272 + 135 ac: all agree.
      { step: 3, seconds: {}, counts: { episodes: 2, turns: 5, promptTokens: 2697, completionTokens: 407 } },
      // Iteration 4: the metrics count one trajectory more (a line skipped in the summaries, say).
      { step: 4, seconds: {}, counts: { episodes: 2, promptTokens: 100 } },
      { step: 5, seconds: {}, counts: { episodes: 1 } },
    ]);
    expect(check.rows).toEqual([
      {
        iteration: 3,
        summaries: { episodes: 2, turns: 5, promptTokens: 2697, completionTokens: 407 },
        metrics: { episodes: 2, turns: 5, promptTokens: 2697, completionTokens: 407 },
        differing: [],
      },
      {
        iteration: 4,
        summaries: { episodes: 1, turns: 1, promptTokens: 100, completionTokens: 10 },
        metrics: { episodes: 2, promptTokens: 100 },
        differing: ["episodes"],
      },
    ]);
    expect(check.iterationsWithoutStep).toEqual([9]);
    expect(check.trajectoriesWithoutIteration).toBe(1);
  });

  it("with no steps, every iteration is without one", () => {
    expect(tinkerCrossCheck(rows, []).iterationsWithoutStep).toEqual([3, 4, 9]);
  });
});
