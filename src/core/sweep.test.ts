import { describe, expect, it } from "vitest";
import { plansForPreset } from "../../test/scenario-fixtures.js";
import { pricePlans } from "./price-plans.js";
import { sweep } from "./sweep.js";
import { workloadTokensFromShape } from "./workload-tokens.js";

const plans = plansForPreset("reference", "kimi-k2p6");
const workload = {
  episodes: 1000,
  shape: { turns: 8, initialPromptTokens: 8000, addedTokensPerTurn: 12_000, generatedTokensPerTurn: 2000 },
};

describe("sweep(...)", () => {
  it("prices every plan at every point, x-major, matching pricePlans", () => {
    const rows = sweep({
      workload,
      plans,
      policy: "ignore",
      x: { variable: "turns", values: [1, 8] },
      y: { variable: "episodes", values: [10, 1000] },
    });
    expect(rows.map((r) => [r.x, r.y, r.plan])).toEqual([
      [1, 10, "tinker"],
      [1, 10, "dedicated"],
      [1, 1000, "tinker"],
      [1, 1000, "dedicated"],
      [8, 10, "tinker"],
      [8, 10, "dedicated"],
      [8, 1000, "tinker"],
      [8, 1000, "dedicated"],
    ]);
    const expected = pricePlans(workloadTokensFromShape(workload), plans);
    expect(rows[6]?.usdTotal).toBe(expected[0]?.usdTotal);
    expect(rows[7]?.usdTotal).toBe(expected[1]?.usdTotal);
    expect(rows[7]?.clusterHours).toBe(expected[1]?.clusterHours);
  });

  it("sets every gpu-hour plan's GPU count for x = gpus (throughput held, as on the page)", () => {
    const rows = sweep({ workload, plans, policy: "ignore", x: { variable: "gpus", values: [8, 16] } });
    expect(rows[3]?.usdTotal).toBeCloseTo(2 * (rows[1]?.usdTotal ?? 0), 9);
    expect(rows[2]?.usdTotal).toBe(rows[0]?.usdTotal);
  });

  it("gives a refused or invalid point a null bill and the reason", () => {
    const rows = sweep({
      workload,
      plans,
      policy: "refuse",
      windowTokens: 128_000,
      x: { variable: "turns", values: [12, 201] },
    });
    expect(rows[0]).toMatchObject({
      x: 12,
      usdTotal: null,
      note: expect.stringMatching(/only 10 of 12 turns fit/),
    });
    expect(rows[2]).toMatchObject({
      x: 201,
      usdTotal: null,
      note: expect.stringMatching(/turns must be an integer from 1 to 200, got 201/),
    });
  });
});
