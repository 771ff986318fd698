import { describe, expect, it } from "vitest";
import { runCliInProcess } from "./cli-helpers.js";

const TRACE = "examples/traces/mooncake-synthetic-trace.jsonl.gz";

describe("rollout-cost replay", () => {
  it("--json gives the README's hit at each capacity and prices each plan", async () => {
    const r = await runCliInProcess(["replay", TRACE, "--capacities", "1024000,unlimited", "--json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(
      json.rows.map((row: { hitFraction: number }) => Number((row.hitFraction * 100).toFixed(2))),
    ).toEqual([14.67, 65.12]);
    expect(json.rows[1].unlimited).toBe(true);
    expect(json.rows[1].capacityTokens).toBeNull();
    const tinker = json.rows[0].plans.find((p: { id: string }) => p.id.startsWith("tinker"));
    // A plan without a cached rate bills every input token alike: the same $ at every capacity.
    expect(tinker.usdTotal).toBeCloseTo(json.rows[1].plans[0].usdTotal, 9);
    const dedicated = json.rows.map(
      (row: { plans: { id: string; usdTotal: number }[] }) =>
        row.plans.find((p) => p.id.startsWith("dedicated"))?.usdTotal,
    );
    expect(dedicated[1]).toBeLessThan(dedicated[0]);
  });

  it("--csv has one row per capacity and plan", async () => {
    const r = await runCliInProcess([
      "replay",
      TRACE,
      "--capacities",
      "0,2560000",
      "--csv",
      "--replicas",
      "2",
      "--routing",
      "round-robin",
    ]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^capacityTokens,replicas,routing,/);
    expect(lines[1]).toMatch(/^0,2,round-robin,3993,61194628,0,0,/);
  });

  it("the table names the capacities and the hit", async () => {
    const r = await runCliInProcess(["replay", TRACE, "--capacities", "10240000"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("10,240,000");
    expect(r.stdout).toContain("58.2%");
  });

  it.each([
    [["replay"], /one trace path/],
    [["replay", TRACE, "--capacities", "1,,2"], /--capacities/],
    [["replay", TRACE, "--capacities", "-5"], /--capacities/],
    [["replay", TRACE, "--routing", "random"], /--routing must be one of/],
    [["replay", "no-such-trace.jsonl"], /cannot read "no-such-trace.jsonl": ENOENT/],
    [["replay", "examples/traces/README.md"], /no request could be read/],
    [["replay", TRACE, "--preset", "nope"], /--preset/],
  ])("%j exits 2 with one line naming the problem", async (args, message) => {
    const r = await runCliInProcess(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });
});
