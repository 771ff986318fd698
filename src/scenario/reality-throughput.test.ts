import { describe, expect, it } from "vitest";
import { derivedThroughputBand } from "../catalog/throughput-band.js";
import { priceScenario } from "./price.js";
import { realityCheckFor } from "./reality-check.js";
import { resolveScenario } from "./resolve.js";

const rowsFor = (values: Parameters<typeof resolveScenario>[0]) => {
  const check = realityCheckFor(resolveScenario(values), undefined, { throughputRows: true });
  if (!check.ok) throw new Error(check.reason);
  return Object.fromEntries(check.rows.map((r) => [r.id, r]));
};

describe("the reality check's throughput rows", () => {
  it("are asked for: the page's own six rows stay the default", () => {
    const plain = realityCheckFor(resolveScenario({}));
    expect(plain.ok && plain.rows.map((r) => r.id)).toEqual([
      "page",
      "cached-prefill",
      "context-tier",
      "context-window",
      "sum-overlap",
      "all",
    ]);
  });

  it("derived throughput: the page's dedicated plan at the simulated hours, its $ beside the page's $284.44", () => {
    const rows = rowsFor({});
    const derived = rows["derived-throughput"];
    // The same figure as the dedicated plan priced on derived throughput (the plan's bill reproduces it).
    const priced = priceScenario(resolveScenario({ throughput: "derived" })).plans.find(
      (p) => p.id === "dedicated",
    );
    expect(derived?.dedicatedUsdTotal).toBeCloseTo(priced?.usdTotal ?? Number.NaN, 6);
    expect(derived?.dedicatedDeltaUsd).toBeCloseTo((priced?.usdTotal ?? 0) - 284.444444, 4);
    expect(derived?.tinkerDeltaUsd).toBe(0);
    expect(derived?.note).toContain(`band ×/÷${derivedThroughputBand().worstFactor}`);
  });

  it("every episode in flight: past the KV capacity, eviction re-prefills and the $ rises", () => {
    const rows = rowsFor({});
    const all = rows["cache-survival"];
    // 1,000 episodes in flight on 8× B300; the cache holds far fewer at the 94,000-token peak, so LRU
    // evicts and the bill is above the derived row's (which runs only as many as fit).
    expect(all?.change).toContain("all 1,000 episodes in flight");
    expect(all?.note).toMatch(
      /the KV cache holds [\d,]+ episodes at the 94,000-token peak; LRU eviction re-prefills/,
    );
    expect(all?.dedicatedUsdTotal ?? 0).toBeGreaterThan(
      rows["derived-throughput"]?.dedicatedUsdTotal ?? Infinity,
    );
    // Few enough episodes to fit: nothing is evicted, the same $ as the derived row.
    const few = rowsFor({ episodes: 4 });
    expect(few["cache-survival"]?.note).toContain("their caches all fit");
    expect(few["cache-survival"]?.dedicatedUsdTotal).toBeCloseTo(
      few["derived-throughput"]?.dedicatedUsdTotal ?? 0,
      6,
    );
  });

  it("caps the episodes in flight of a huge workload, says so, and prints finite figures", () => {
    const rows = rowsFor({ episodes: 10_000_000, turns: 200 });
    expect(rows["cache-survival"]?.change).toContain("the check simulates at most 10,000 at once");
    expect(JSON.stringify(rows)).not.toMatch(/NaN|Infinity/);
  });
});
