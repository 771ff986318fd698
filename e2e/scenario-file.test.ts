// A scenario is a file too: what `--json` prints opens on the page with the same figures.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatUsd } from "../src/format/numbers.js";
import { cliJson } from "../test/cli-helpers.js";
import { type Harness, startHarness, watchErrors } from "./harness.js";

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

describe("opening a scenario file on the page", () => {
  const dir = mkdtempSync(join(tmpdir(), "rollout-cost-page-scenario-"));

  it("fills the inputs from `compare --json`, names what the page cannot show, and shows estimate's figures", async () => {
    const args = ["--model", "gpt-oss-120b", "--turns", "12", "--episodes", "2,500", "--gpus", "6"];
    const compare = await cliJson(["compare", "--preset", "current", "--overlap", "sum", ...args]);
    const estimate = await cliJson(["estimate", ...args]);
    const file = join(dir, "compare.json");
    writeFileSync(file, JSON.stringify(compare));
    await page.goto(harness.server.url);
    await page.waitForSelector(".chart-box svg");
    await page.setInputFiles("#scenario-file", file);
    await page.waitForFunction(() =>
      document.querySelector(".scenario-import-status")?.textContent?.startsWith("Opened"),
    );
    expect(await page.textContent(".scenario-import-status")).toContain("shows no overlap");
    // The file's preset reaches the verdict's switch.
    expect(await page.isChecked('input[name="preset"][value="current"]')).toBe(true);
    expect(await page.inputValue("#field-model")).toBe("gpt-oss-120b");
    expect(await page.inputValue("#field-turns")).toBe("12");
    expect(await page.inputValue("#field-episodes")).toBe("2500");
    expect(await page.textContent('[data-plan="tinker"] [data-figure="total"]')).toBe(
      formatUsd(estimate.plans.tinker.usdTotal),
    );
    expect(await page.textContent('[data-plan="dedicated"] [data-figure="total"]')).toBe(
      formatUsd(estimate.plans.dedicated.usdTotal),
    );
    expect(page.url()).toContain("turns=12");
    expect(errors).toEqual([]);
  });

  it("says why a file is not a scenario, and changes nothing", async () => {
    await page.goto(harness.server.url);
    await page.waitForSelector(".chart-box svg");
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ rolloutCostScenario: 1, values: { turns: "1__0" } }));
    await page.setInputFiles("#scenario-file", bad);
    await page.waitForFunction(
      () => (document.querySelector(".scenario-import-status")?.textContent ?? "") !== "",
    );
    expect(await page.textContent(".scenario-import-status")).toContain(
      "bad.json: turns: --turns must be an integer",
    );
    expect(await page.inputValue("#field-turns")).toBe("8");
    expect(errors).toEqual([]);
  });
});
