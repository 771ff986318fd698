// One scenario, one answer: on a few hundred random scenarios (fixed seed), the library, `estimate
// --json`, `compare --json` (both presets, with the reality check) and the page in Chromium give the same
// figures for every plan, the reality check and the crossing.
import fc from "fast-check";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatUsd, formatUsdDelta } from "../src/format/numbers.js";
import type { ScenarioValues } from "../src/scenario/fields.js";
import { priceScenario } from "../src/scenario/price.js";
import { argsFromValues, queryFromValues } from "../src/scenario/read-values.js";
import { realityCheckFor } from "../src/scenario/reality-check.js";
import { referenceFor, referencePlansFor } from "../src/scenario/reference.js";
import { resolveScenario } from "../src/scenario/resolve.js";
import { breakEvenFor } from "../src/scenario/solve.js";
import { verdictForValues } from "../src/scenario/verdict-scenario.js";
import { cliJson } from "../test/cli-helpers.js";
import { type Harness, startHarness, watchErrors } from "./harness.js";

const SCENARIOS = fc.sample(
  fc.record({
    model: fc.constantFrom("kimi-k2p6", "kimi-k2p5", "qwen3p5-397b", "gpt-oss-120b"),
    episodes: fc.integer({ min: 1, max: 100_000 }),
    turns: fc.integer({ min: 1, max: 40 }),
    initialPromptTokens: fc.integer({ min: 0, max: 40_000 }),
    addedTokensPerTurn: fc.integer({ min: 0, max: 20_000 }),
    generatedTokensPerTurn: fc.integer({ min: 0, max: 5_000 }),
    gpus: fc.integer({ min: 1, max: 64 }),
    promptTokensPerSecond: fc.integer({ min: 100, max: 100_000 }),
    decodeTokensPerSecond: fc.integer({ min: 10, max: 10_000 }),
  }),
  { seed: 20261201, numRuns: 200 },
) as ScenarioValues[];

/** Everything the library says about a scenario that the surfaces show. */
function library(values: ScenarioValues) {
  const scenario = resolveScenario(values);
  const reference = referenceFor(scenario);
  const { tinker, dedicated } = referencePlansFor(scenario);
  const crossing = breakEvenFor(scenario, tinker, dedicated, "turns");
  const current = priceScenario(resolveScenario({ ...values, preset: "current" }));
  const reality = realityCheckFor(scenario);
  return { scenario, reference, pipeline: priceScenario(scenario), crossing, current, reality };
}

describe("the library, estimate --json and compare --json on 200 random scenarios", () => {
  it("give identical figures for every plan, the reality check and the crossing", async () => {
    for (const values of SCENARIOS) {
      const lib = library(values);
      const args = argsFromValues(values);
      const estimate = await cliJson(["estimate", "--json", ...args]);
      expect(estimate.plans.tinker.usdTotal).toBe(lib.reference.estimate.plans.tinker.usdTotal);
      expect(estimate.plans.dedicated.usdTotal).toBe(lib.reference.estimate.plans.dedicated.usdTotal);
      expect(estimate.parity).toEqual(lib.reference.estimate.parity);
      // The closed form (fast path) and the pipeline agree on the Fireworks page's two plans.
      const [pipeTinker, pipeDedicated] = lib.pipeline.plans;
      expect(pipeTinker?.usdTotal).toBeCloseTo(lib.reference.estimate.plans.tinker.usdTotal, 6);
      expect(pipeDedicated?.usdTotal).toBeCloseTo(lib.reference.estimate.plans.dedicated.usdTotal, 6);

      const compare = await cliJson(["compare", "--json", ...args]);
      expect(compare.plans.map((p: { usdTotal: number }) => p.usdTotal)).toEqual(
        lib.pipeline.plans.map((p) => p.usdTotal),
      );
      expect(compare.realityCheck).toEqual(lib.reality.ok ? lib.reality.rows : null);
      const current = await cliJson(["compare", "--json", "--preset", "current", ...args]);
      expect(current.plans).toEqual(lib.current.plans);

      const breakeven = await cliJson(["breakeven", "--json", "--a", "tinker", "--b", "dedicated", ...args]);
      expect(breakeven.ok).toBe(lib.crossing.ok);
      if (lib.crossing.ok) expect(breakeven.value).toBe(lib.crossing.value);
    }
  });
});

describe("the page in Chromium on the same scenarios", () => {
  let harness: Harness;
  let page: Page;
  let errors: string[];
  beforeAll(async () => {
    harness = await startHarness();
    page = await harness.browser.newPage({ viewport: { width: 1440, height: 1000 } });
    errors = watchErrors(page);
  });
  afterAll(async () => {
    await harness?.close();
  });

  it("shows the library's figures: both cards, every current plan, the reality check and the crossing", async () => {
    await page.goto(harness.server.url);
    await page.waitForSelector(".chart-box svg");
    for (const values of SCENARIOS) {
      const lib = library(values);
      // Walk to each scenario's link as back/forward would: the page reads the URL and redraws.
      const shown = await page.evaluate(
        async (search) => {
          history.pushState(null, "", search);
          dispatchEvent(new PopStateEvent("popstate"));
          await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
          const text = (selector: string) => document.querySelector(selector)?.textContent ?? "";
          const cells = (selector: string) =>
            Array.from(document.querySelectorAll(selector)).map((row) => [
              row.getAttribute("data-plan") ?? row.getAttribute("data-row"),
              ...Array.from(row.querySelectorAll("[data-figure]")).map((td) => td.textContent ?? ""),
            ]);
          return {
            tinker: text('[data-plan="tinker"] [data-figure="total"]'),
            dedicated: text('[data-plan="dedicated"] [data-figure="total"]'),
            current: cells(".more-plans tbody tr"),
            verdict: text('[data-verdict="total"]'),
            reality: cells(".reality-table tbody tr"),
            crossing: document.querySelector(".chart-box .crossing-label")?.textContent ?? null,
          };
        },
        `?${queryFromValues(values)}`,
      );
      const { tinker, dedicated } = lib.reference.estimate.plans;
      expect(shown.tinker).toBe(formatUsd(tinker.usdTotal));
      expect(shown.dedicated).toBe(formatUsd(dedicated.usdTotal));
      expect(shown.verdict).toBe(formatUsd(verdictForValues(values).verdict.cheapest.usdTotal));
      expect(shown.current).toEqual(
        [...lib.current.plans]
          .sort((a, b) => a.rank - b.rank)
          .map((p) => [p.id, p.rank === 1 ? "1 (cheapest)" : String(p.rank), formatUsd(p.usdTotal)]),
      );
      const rows = lib.reality.ok ? lib.reality.rows : [];
      expect(shown.reality).toEqual(
        rows.map((r) => [
          r.id,
          r.tinkerUsdTotal === null ? "—" : formatUsd(r.tinkerUsdTotal),
          formatUsdDelta(r.tinkerDeltaUsd),
          r.dedicatedUsdTotal === null ? "—" : formatUsd(r.dedicatedUsdTotal),
          formatUsdDelta(r.dedicatedDeltaUsd),
        ]),
      );
      const maxTurns = Math.max(40, values.turns ?? 0);
      const crossing = lib.crossing.ok && lib.crossing.value <= maxTurns ? lib.crossing.value : null;
      expect(shown.crossing).toBe(crossing === null ? null : `at par ≈ ${crossing.toFixed(1)} turns`);
    }
    expect(errors).toEqual([]);
  }, 180_000);
});
