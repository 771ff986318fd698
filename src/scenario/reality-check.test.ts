import { describe, expect, it } from "vitest";
import type { ScenarioValues } from "./fields.js";
import { type RealityRow, realityCheckFor } from "./reality-check.js";
import { referenceFor } from "./reference.js";
import { resolveScenario } from "./resolve.js";

const checked = (values: ScenarioValues) => {
  const check = realityCheckFor(resolveScenario(values));
  if (!check.ok) throw new Error(check.reason);
  return check.rows;
};
const byId = (rows: RealityRow[]) => Object.fromEntries(rows.map((r) => [r.id, r]));

describe("realityCheckFor(the Fireworks page's scenario)", () => {
  const rowList = checked({});
  const rows = byId(rowList);

  it("keeps the page's numbers unchanged in its first row (the pipeline equals the closed form)", () => {
    const page = referenceFor(resolveScenario({})).estimate;
    expect(rows.page?.tinkerUsdTotal).toBeCloseTo(page.plans.tinker.usdTotal, 9);
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

  // The episode peaks at 94,000 tokens: Tinker 2026-05's 128K tier, the tier the page prices, so the
  // tier row changes nothing for Kimi K2.6 at the page's defaults.
  it("prices the tier the final context falls in: the 128K tier for a 94,000-token peak", () => {
    expect(rows["context-tier"]).toMatchObject({ tinkerDeltaUsd: 0, dedicatedDeltaUsd: 0 });
    expect(rows["context-tier"]?.change).toMatch(/94,000-token peak/);
  });

  it("puts everything together last", () => {
    expect(rows.all?.tinkerUsdTotal).toBeCloseTo(996, 9);
    expect(rows.all?.dedicatedUsdTotal).toBeCloseTo(rows["sum-overlap"]?.dedicatedUsdTotal ?? 0, 9);
    expect(rowList.map((r) => r.id)).toEqual([
      "page",
      "cached-prefill",
      "context-tier",
      "context-window",
      "sum-overlap",
      "all",
    ]);
  });
});

describe("realityCheckFor(the page's scenario at 12 turns, past the 128K window)", () => {
  // Page: Tinker 888,000 × 5.15 + 24,000 × 12.81 per 1M = $4.88064 an episode; dedicated 24M / 1,500 s
  // = 4.444 h × $96 = $426.67. 'stop' serves 10 turns: 620,000 × 5.15 + 20,000 × 12.81 = $3.4492 an
  // episode (−$1,431.44); dedicated 20M / 1,500 s = 3.7037 h × $96 = $355.56 (−$71.11).
  it("'stop' ends each episode at turn 10 and prices that", () => {
    const rows = byId(checked({ turns: 12, contextPolicy: "stop" }));
    expect(rows.page?.tinkerUsdTotal).toBeCloseTo(4880.64, 9);
    expect(rows["context-window"]?.tinkerUsdTotal).toBeCloseTo(3449.2, 9);
    expect(rows["context-window"]?.tinkerDeltaUsd).toBeCloseTo(-1431.44, 9);
    expect(rows["context-window"]?.dedicatedDeltaUsd).toBeCloseTo(-(4_000_000 / 1500 / 3600) * 96, 9);
    expect(rows["context-window"]?.note).toMatch(/stops after turn 10 of 12/);
  });

  it("'refuse' leaves the row without a bill, with the reason", () => {
    const rows = byId(checked({ turns: 12, contextPolicy: "refuse" }));
    expect(rows["context-window"]).toMatchObject({
      tinkerUsdTotal: null,
      dedicatedUsdTotal: null,
      tinkerDeltaUsd: null,
    });
    expect(rows["context-window"]?.note).toMatch(/only 10 of 12 turns fit/);
    expect(rows["sum-overlap"]?.dedicatedUsdTotal).toBeGreaterThan(0);
  });
});

describe("realityCheckFor(a scenario whose final context falls in a cheaper tier)", () => {
  // Qwen3.5-397B, 4 turns of 4,000 + 3,000/turn, 1,000 generated: peak 14,000 tokens, inside Tinker
  // 2026-05's 64K tier ($2.00 / $5.00) rather than the 256K tier the page prices ($4.00 / $10.00).
  // Per episode: prompt 4·4,000 + 3,000·6 = 34,000, decode 4,000: 0.034 × 2 + 0.004 × 5 = $0.088 against
  // 0.034 × 4 + 0.004 × 10 = $0.176; for 1,000 episodes −$88.
  it("halves Tinker's bill: −$88", () => {
    const rows = byId(
      checked({
        model: "qwen3.5-397b",
        turns: 4,
        initialPromptTokens: 4000,
        addedTokensPerTurn: 3000,
        generatedTokensPerTurn: 1000,
      }),
    );
    expect(rows.page?.tinkerUsdTotal).toBeCloseTo(176, 9);
    expect(rows["context-tier"]?.tinkerUsdTotal).toBeCloseTo(88, 9);
    expect(rows["context-tier"]?.tinkerDeltaUsd).toBeCloseTo(-88, 9);
  });

  it("says why a model the page does not price has no check", () => {
    const check = realityCheckFor(resolveScenario({ model: "llama-3.1-8b" }));
    expect(check).toEqual({ ok: false, reason: expect.stringMatching(/does not price Llama-3.1-8B/) });
  });
});
