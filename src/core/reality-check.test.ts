import { describe, expect, it } from "vitest";
import { resolveReference } from "../catalog/resolve-reference.js";
import { estimateReference } from "./estimate.js";
import { realityCheck } from "./reality-check.js";

const cachedPrefill = { fractionOff: 0.8, source: "Tinker 2026-10" };
const byId = (rows: ReturnType<typeof realityCheck>["rows"]) =>
  Object.fromEntries(rows.map((r) => [r.id, r]));

describe("realityCheck(the reference page's scenario)", () => {
  const { input } = resolveReference({});
  const check = realityCheck({ reference: input, cachedPrefill });
  const rows = byId(check.rows);

  it("keeps the page's numbers unchanged in its first row", () => {
    const page = estimateReference(input);
    expect(check.page).toEqual(page);
    expect(rows.page).toMatchObject({
      tinkerUsdTotal: 2264.96,
      dedicatedUsdTotal: page.plans.dedicated.usdTotal,
      tinkerDeltaUsd: 0,
      dedicatedDeltaUsd: 0,
    });
  });

  // Cached prefill at 80% off $5.15 = $1.03: 92M uncached × 5.15 + 308M cached × 1.03 + 16M × 12.81,
  // per 1M = 473.80 + 317.24 + 204.96 = $996.00, $1,268.96 less than the page; dedicated unchanged.
  it("prices Tinker's cached-prefill discount: −$1,268.96", () => {
    expect(rows["cached-prefill"]?.tinkerUsdTotal).toBeCloseTo(996, 9);
    expect(rows["cached-prefill"]?.tinkerDeltaUsd).toBeCloseTo(-1268.96, 9);
    expect(rows["cached-prefill"]?.dedicatedDeltaUsd).toBe(0);
  });

  // The page's episode peaks at 94,000 tokens, inside Kimi K2.6's 128,000: nothing changes, and it says so.
  it("enforces the window: no change at 8 turns, with the reason", () => {
    expect(rows["context-window"]).toMatchObject({ tinkerDeltaUsd: 0, dedicatedDeltaUsd: 0 });
    expect(rows["context-window"]?.note).toMatch(/fits the 128,000-token window/);
  });

  // Sum: 92M / 30,000 + 16M / 1,500 = 3,066.7 + 10,666.7 s = 3.8148 h × $96 = $366.22 (+$81.78).
  it("prices 'sum' overlap: +$81.78 on the dedicated side", () => {
    expect(rows["sum-overlap"]?.dedicatedUsdTotal).toBeCloseTo((13_733.333333 / 3600) * 96, 4);
    expect(rows["sum-overlap"]?.dedicatedDeltaUsd).toBeCloseTo((3066.666667 / 3600) * 96, 4);
    expect(rows["sum-overlap"]?.tinkerDeltaUsd).toBe(0);
  });

  it("puts all three together last", () => {
    expect(rows.all?.tinkerUsdTotal).toBeCloseTo(996, 9);
    expect(rows.all?.dedicatedUsdTotal).toBeCloseTo(rows["sum-overlap"]?.dedicatedUsdTotal ?? 0, 9);
    expect(check.rows.map((r) => r.id)).toEqual([
      "page",
      "cached-prefill",
      "context-window",
      "sum-overlap",
      "all",
    ]);
  });
});

describe("realityCheck(the page's scenario at 12 turns, past the 128K window)", () => {
  const { input } = resolveReference({ turns: 12 });

  // Page: Tinker 888,000 × 5.15 + 24,000 × 12.81 per 1M = $4.88064 an episode; dedicated 24M / 1,500 s
  // = 4.444 h × $96 = $426.67. 'stop' serves 10 turns: 620,000 × 5.15 + 20,000 × 12.81 = $3.4492 an
  // episode (−$1,431.44); dedicated 20M / 1,500 s = 3.7037 h × $96 = $355.56 (−$71.11).
  it("'stop' ends each episode at turn 10 and prices that", () => {
    const rows = byId(realityCheck({ reference: input, cachedPrefill, policy: "stop" }).rows);
    expect(rows.page?.tinkerUsdTotal).toBeCloseTo(4880.64, 9);
    expect(rows["context-window"]?.tinkerUsdTotal).toBeCloseTo(3449.2, 9);
    expect(rows["context-window"]?.tinkerDeltaUsd).toBeCloseTo(-1431.44, 9);
    expect(rows["context-window"]?.dedicatedDeltaUsd).toBeCloseTo(-(4_000_000 / 1500 / 3600) * 96, 9);
    expect(rows["context-window"]?.note).toMatch(/stops after turn 10 of 12/);
  });

  it("'refuse' leaves the row without a bill, with the reason", () => {
    const rows = byId(realityCheck({ reference: input, cachedPrefill, policy: "refuse" }).rows);
    expect(rows["context-window"]).toMatchObject({
      tinkerUsdTotal: null,
      dedicatedUsdTotal: null,
      tinkerDeltaUsd: null,
    });
    expect(rows["context-window"]?.note).toMatch(/only 10 of 12 turns fit/);
    expect(rows["sum-overlap"]?.dedicatedUsdTotal).toBeGreaterThan(0);
  });
});
