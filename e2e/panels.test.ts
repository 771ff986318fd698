// The panels beyond the reference page, in real headless Chromium against the built dist/web: the
// reality check, the log drop zone and the derived throughput. One browser and one page for the file.
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatHours, formatUsd } from "../src/format/numbers.js";
import { cliJson, type Harness, startHarness, TEST_OUTPUT, watchErrors } from "./harness.js";

let harness: Harness;
let page: Page;
let errors: string[];

beforeAll(async () => {
  harness = await startHarness();
  page = await harness.browser.newPage({ viewport: { width: 1440, height: 1000 } });
  errors = watchErrors(page);
  mkdirSync(TEST_OUTPUT, { recursive: true });
});

afterAll(async () => {
  await harness?.close();
});

async function settle(): Promise<void> {
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
}

async function open(query = ""): Promise<void> {
  await page.goto(`${harness.server.url}${query}`);
  await page.waitForSelector(".chart-box svg");
}

/** The reality table's cells, row by row, as { row id: [tinker, Δ, dedicated, Δ] }. */
async function realityRows(): Promise<Record<string, string[]>> {
  return page.$$eval(".reality-table tbody tr", (rows) =>
    Object.fromEntries(
      rows.map((r) => [
        (r as HTMLElement).dataset.row ?? "",
        Array.from(r.querySelectorAll("td")).map((td) => td.textContent ?? ""),
      ]),
    ),
  );
}

describe("the reality-check panel", () => {
  // The figures are `node bin/rollout-cost.js compare`'s reality table for the defaults.
  it("shows the page unchanged, the cached-prefill discount and sum overlap for the defaults", async () => {
    await open();
    const rows = await realityRows();
    expect(rows.page).toEqual(["$2,265", "±$0.00", "$284", "±$0.00"]);
    expect(rows["cached-prefill"]).toEqual(["$996", "−$1,269", "$284", "±$0.00"]);
    expect(rows["context-window"]).toEqual(["$2,265", "±$0.00", "$284", "±$0.00"]);
    expect(rows["sum-overlap"]).toEqual(["$2,265", "±$0.00", "$366", "+$82"]);
    expect(rows.all).toEqual(["$996", "−$1,269", "$366", "+$82"]);
    await page.screenshot({ path: `${TEST_OUTPUT}panels-reality.png`, fullPage: true });
    expect(errors).toEqual([]);
  });

  it("follows the scenario: past the window, the enforced rows change, and `refuse` leaves no bill", async () => {
    await open("?turns=12");
    const stopped = await realityRows();
    expect(stopped["context-window"]?.[0]).not.toBe(stopped.page?.[0]);
    expect(stopped["context-window"]?.[1]).toMatch(/^−\$/);
    await page.selectOption("#reality-policy", "refuse");
    await settle();
    const refused = await realityRows();
    expect(refused["context-window"]).toEqual(["—", "—", "—", "—"]);
    const text = (await page.textContent(".reality")) ?? "";
    expect(text).not.toMatch(/NaN|Infinity|undefined/);
  });
});

describe("the more-plans panel", () => {
  it("lists every plan of the current preset at the figures `compare --preset current --json` gives", async () => {
    const cli = await cliJson(["compare", "--preset", "current", "--turns", "12", "--json"]);
    await open("?turns=12");
    const rows = await page.$$eval(".more-plans .plans-table tbody tr", (trs) =>
      trs.map((tr) => [
        tr.getAttribute("data-plan"),
        ...Array.from(tr.querySelectorAll("td")).map((td) => td.textContent ?? ""),
      ]),
    );
    const expected = (
      cli.plans as { id: string; rank: number; usdPerEpisode: number; usdTotal: number; vsBaseline: string }[]
    )
      .sort((a, b) => a.rank - b.rank)
      .map((p) => [
        p.id,
        p.rank === 1 ? "1 (cheapest)" : String(p.rank),
        formatUsd(p.usdPerEpisode),
        formatUsd(p.usdTotal),
      ]);
    expect(expected.length).toBeGreaterThanOrEqual(3);
    expect(rows.map((r) => r.slice(0, 4))).toEqual(expected);
    const text = (await page.textContent(".more-plans")) ?? "";
    expect(text).toContain("cannot be priced here");
    expect(text).not.toMatch(/NaN|Infinity|undefined/);
    expect(errors).toEqual([]);
  });
});

/** `rollout-cost analyze FILE --json`, in process. */
async function analyzeJson(path: string) {
  return cliJson(["analyze", path, "--json"]);
}

describe("the log drop zone", () => {
  const sample = fileURLToPath(new URL("../examples/sample.jsonl", import.meta.url));

  it("analyses examples/sample.jsonl in a worker: the fitted shape fills the inputs and the report shows", async () => {
    const cli = await analyzeJson(sample);
    const { episodes, shape } = cli.fitted.workload;
    await open();
    await page.setInputFiles("#log-file", sample);
    await page.waitForSelector('[data-report="log"]');
    await settle();
    const values = await page.$$eval("input:not([type=file])", (inputs) =>
      Object.fromEntries(inputs.map((i) => [(i as HTMLInputElement).name, (i as HTMLInputElement).value])),
    );
    expect(values).toMatchObject({
      episodes: String(episodes),
      turns: String(shape.turns),
      initial: String(shape.initialPromptTokens),
      added: String(shape.addedTokensPerTurn),
      generated: String(shape.generatedTokensPerTurn),
    });
    expect(page.url()).toContain(`turns=${shape.turns}`);
    const report = (await page.textContent('[data-report="log"]')) ?? "";
    expect(await page.textContent('[data-figure="requests"]')).toBe(String(cli.requests));
    expect(await page.textContent('[data-figure="episodes"]')).toBe(String(cli.episodes));
    expect(await page.textContent('[data-figure="skipped"]')).toContain("malformed JSON 1");
    expect(report).toContain(`${cli.cacheHitPercent.toFixed(1)}%`);
    expect(report).toContain(`${cli.idealCacheHitPercent.toFixed(1)}%`);
    expect(report).not.toMatch(/NaN|Infinity|undefined/);
    // The page prices the log's own requests exactly as `analyze --json` does, plan by plan, on the
    // preset its switch chose (the newest rates by default).
    const onCurrent = await cliJson(["analyze", sample, "--preset", "current", "--json"]);
    const prices = await page.$$eval('[data-table="log-prices"] tbody tr', (rows) =>
      rows.map((r) => [
        r.getAttribute("data-plan"),
        r.querySelector('[data-figure="total"]')?.textContent ?? "",
      ]),
    );
    expect(prices).toEqual(
      onCurrent.plans.map((p: { id: string; usdTotal: number }) => [p.id, formatUsd(p.usdTotal)]),
    );
    expect(prices.length).toBeGreaterThanOrEqual(3);
    await page.click('label:has(input[name="preset"][value="reference"])');
    await page.waitForFunction(
      () => document.querySelectorAll('[data-table="log-prices"] tbody tr').length === 2,
    );
    const onReference = await page.$$eval('[data-table="log-prices"] tbody tr', (rows) =>
      rows.map((r) => r.querySelector('[data-figure="total"]')?.textContent ?? ""),
    );
    expect(onReference).toEqual(cli.plans.map((p: { usdTotal: number }) => formatUsd(p.usdTotal)));
    await page.screenshot({ path: `${TEST_OUTPUT}panels-log.png`, fullPage: true });
    expect(errors).toEqual([]);
  });

  it("reports a file with no readable request without touching the inputs, and shows a reader error", async () => {
    await open();
    await page.setInputFiles("#log-file", {
      name: "notes.txt",
      mimeType: "text/plain",
      buffer: Buffer.from("hello\nworld\n"),
    });
    await page.waitForSelector('[data-report="log"]');
    const report = (await page.textContent('[data-report="log"]')) ?? "";
    expect(report).toContain("notes.txt: no uniform shape could be fitted");
    expect(await page.textContent('[data-figure="skipped"]')).toBe("2 (malformed JSON 2)");
    expect(await page.$('[data-figure="measured-hit"]')).toBeNull();
    expect(await page.inputValue("#field-turns")).toBe("8");
    // Gzip's magic bytes and then garbage: the worker's decompression fails and says so.
    await page.setInputFiles("#log-file", {
      name: "broken.jsonl.gz",
      mimeType: "application/gzip",
      buffer: Buffer.from([0x1f, 0x8b, 1, 2, 3, 4, 5, 6, 7, 8]),
    });
    await page.waitForSelector(".log-error");
    const error = (await page.textContent(".log-error")) ?? "";
    expect(error).toMatch(/^Could not analyse broken\.jsonl\.gz: \S/);
    expect(error).not.toMatch(/NaN|Infinity|undefined/);
    expect(await page.inputValue("#field-turns")).toBe("8");
  });
});

describe("the derived-throughput switch", () => {
  it("shows the derived cluster-hours and $ beside the page's saturated figure, and the tok/s chart", async () => {
    await open();
    await page.click("details.advanced summary");
    expect(await page.$(".derived-figures")).toBeNull();
    await page.check("#derived-switch");
    await settle();
    // The page's saturated figure: 2.96 cluster-hours, $284 (the dedicated card's).
    expect(await page.textContent('[data-figure="saturated"]')).toBe("2.96 h · $284");
    const derived = (await page.textContent('[data-figure="derived"]')) ?? "";
    expect(derived).toMatch(/^\d+\.\d\d h · \$[\d,]+$/);
    expect(derived).not.toBe("2.96 h · $284");
    expect(await page.textContent(".derived-explanation")).toContain("Prefill: the page prefills");
    expect(await page.$$eval(".derived-chart-box svg path", (p) => p.length)).toBeGreaterThanOrEqual(2);
    const text = (await page.textContent(".derived")) ?? "";
    expect(text).not.toMatch(/NaN|Infinity|undefined/);
    // The switch is the scenario's: the dedicated card now shows the derived figure, the one
    // `estimate --throughput derived` prints, and the link carries it.
    const cli = await cliJson(["estimate", "--throughput", "derived", "--json"]);
    expect(await page.textContent('[data-plan="dedicated"] [data-figure="total"]')).toBe(
      formatUsd(cli.plans.dedicated.usdTotal),
    );
    expect(derived).toBe(
      `${formatHours(cli.plans.dedicated.clusterHours)} h · ${formatUsd(cli.plans.dedicated.usdTotal)}`,
    );
    expect(page.url()).toContain("throughput=derived");
    await page.screenshot({ path: `${TEST_OUTPUT}panels-derived.png`, fullPage: true });
    await page.uncheck("#derived-switch");
    await settle();
    expect(await page.$(".derived-figures")).toBeNull();
    expect(await page.textContent('[data-plan="dedicated"] [data-figure="total"]')).toBe("$284");
    expect(errors).toEqual([]);
  });
});
