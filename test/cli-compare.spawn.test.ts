import { describe, expect, it } from "vitest";
import { spawnCli } from "./cli-helpers.js";

// Real processes of the built CLI (npm test builds first), as a user runs it.
describe("node bin/rollout-cost.js compare / breakeven / sweep", () => {
  it("compare --json prints the plans contract", () => {
    const { code, stdout, stderr } = spawnCli(["compare", "--json", "--preset", "current"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.plans.length).toBeGreaterThan(1);
    for (const plan of json.plans) {
      expect(plan).toMatchObject({
        id: expect.any(String),
        label: expect.any(String),
        usdTotal: expect.any(Number),
        usdPerEpisode: expect.any(Number),
        assumptions: expect.any(Array),
        warnings: expect.any(Array),
      });
    }
  });

  it("breakeven and sweep answer, and bad input exits 2 with one line", () => {
    expect(spawnCli(["breakeven", "--deadline-hours", "2"]).stdout).toMatch(
      /dedicated\s+│\s+2 │\s+16 \(2 × 8\) │/,
    );
    expect(spawnCli(["sweep", "--x", "turns", "--x-values", "1,2"]).stdout.split("\n")[0]).toBe(
      "turns,plan,usdTotal,usdPerEpisode,clusterHours,note",
    );
    const bad = spawnCli(["compare", "--overlap", "both"]);
    expect(bad).toEqual({
      code: 2,
      stdout: "",
      stderr: 'rollout-cost: --overlap must be one of max, sum, got "both"\n',
    });
  });
});
