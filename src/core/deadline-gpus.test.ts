import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { plansForPreset } from "../../test/scenario-fixtures.js";
import { gpusForDeadline } from "./deadline-gpus.js";
import type { GpuHourPlan } from "./plan.js";
import { workloadTokensFromShape } from "./workload-tokens.js";

const dedicated = plansForPreset("reference", "kimi-k2p6").find((p) => p.id === "dedicated") as GpuHourPlan;
const pageTokens = workloadTokensFromShape({
  episodes: 1000,
  shape: { turns: 8, initialPromptTokens: 8000, addedTokensPerTurn: 12_000, generatedTokensPerTurn: 2000 },
});

describe("gpusForDeadline(the page's workload, the page's 8 × B300 deployment, deadline)", () => {
  // One deployment is busy max(92M / 30,000, 16M / 1,500) = 10,666.7 s = 2.963 h.
  // Within 1 h: ceil(2.963) = 3 replicas = 24 GPUs, each busy 0.988 h; the bill is unchanged ($284.44).
  it.each([
    [1, 3, 24],
    [2, 2, 16],
    [3, 1, 8],
    [2.96, 2, 16], // just under one deployment's 2.963 h
  ])("within %d h needs %d replicas, %d GPUs", (hours, replicas, gpus) => {
    const answer = gpusForDeadline(pageTokens, dedicated, hours);
    expect(answer).toMatchObject({ ok: true, replicas, gpus });
    expect(answer.ok && answer.usdTotal).toBeCloseTo(284.444444, 5);
    expect(answer.ok && answer.wallHours).toBeLessThanOrEqual(hours);
  });

  it("answers never when one episode alone outlasts the deadline (episodes are not split)", () => {
    // Per episode 2.963 h / 1,000 = 0.00296 h.
    expect(gpusForDeadline(pageTokens, dedicated, 0.001)).toEqual({
      ok: false,
      never:
        "one episode keeps a replica busy 0.00296 h at these throughputs, longer than the 0.001 h deadline",
    });
  });

  it("throws a RangeError naming a non-positive deadline", () => {
    expect(() => gpusForDeadline(pageTokens, dedicated, 0)).toThrow(
      "deadlineHours must be a number > 0, got 0",
    );
  });

  it("returns the fewest replicas: one fewer would miss the deadline", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 10, noNaN: true }), (hours) => {
        const answer = gpusForDeadline(pageTokens, dedicated, hours);
        if (!answer.ok) return;
        expect(answer.wallHours).toBeLessThanOrEqual(hours * (1 + 1e-9));
        if (answer.replicas > 1)
          expect((answer.wallHours * answer.replicas) / (answer.replicas - 1)).toBeGreaterThan(hours);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
