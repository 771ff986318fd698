// The panels beyond the reference page, in real headless Chromium against the built dist/web: the
// reality check, the log drop zone and the derived throughput. One browser and one page for the file.
import { mkdirSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness, TEST_OUTPUT, watchErrors } from "./harness.js";

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
