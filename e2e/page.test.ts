// The calculator in real headless Chromium, against the built dist/web served from code on a free
// port. One browser for the file; pages are reused where a test does not need a fresh one.
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../src/cli/run.js";
import { formatPercent, formatUsd } from "../src/format/numbers.js";
import { vsTinkerLabel } from "../src/format/vs-tinker.js";
import type { ScenarioValues } from "../src/scenario/fields.js";
import { referenceFor } from "../src/scenario/reference.js";
import { resolveScenario } from "../src/scenario/resolve.js";
import { costSweep } from "../src/web/sweep.js";
import { BUILT_PAGE, type Harness, startHarness, TEST_OUTPUT, watchErrors } from "./harness.js";

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

/** Waits until Preact has rendered and the browser has painted. */
async function settle(p: Page = page): Promise<void> {
  await p.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
}

async function open(query = "", p: Page = page): Promise<void> {
  await p.goto(`${harness.server.url}${query}`);
  await p.waitForSelector(".chart-box svg");
}

/** The figures the page shows, read from its cards. */
async function shown(p: Page = page) {
  return p.evaluate(() => {
    const text = (selector: string) => document.querySelector(selector)?.textContent ?? "";
    return {
      tinkerPerEpisode: text('[data-plan="tinker"] [data-figure="per-episode"]'),
      tinkerTotal: text('[data-plan="tinker"] [data-figure="total"]'),
      dedicatedPerEpisode: text('[data-plan="dedicated"] [data-figure="per-episode"]'),
      dedicatedTotal: text('[data-plan="dedicated"] [data-figure="total"]'),
      vsTinker: text('[data-plan="dedicated"] [data-figure="vs"]'),
      cacheHit: text('[data-figure="cache-hit"]'),
    };
  });
}

/** The same figures from the engine the CLI uses, formatted as the CLI formats them. */
function expected(options: ScenarioValues) {
  const result = referenceFor(resolveScenario(options)).estimate;
  const { tinker, dedicated } = result.plans;
  return {
    tinkerPerEpisode: formatUsd(tinker.usdPerEpisode),
    tinkerTotal: formatUsd(tinker.usdTotal),
    dedicatedPerEpisode: formatUsd(dedicated.usdPerEpisode),
    dedicatedTotal: formatUsd(dedicated.usdTotal),
    vsTinker: vsTinkerLabel(result),
    cacheHit: formatPercent(result.tokens.cacheHitPercent),
  };
}

async function type(query: string, value: string, p: Page = page): Promise<void> {
  await p.fill(`#field-${query}`, value);
  await p.press(`#field-${query}`, "Tab");
  await settle(p);
}

async function openAdvanced(p: Page = page): Promise<void> {
  const open = await p.$eval("details.advanced", (d) => (d as HTMLDetailsElement).open);
  if (!open) await p.click("details.advanced summary");
}

async function pageText(p: Page = page): Promise<string> {
  return p.evaluate(() => document.body.textContent ?? "");
}

describe("the calculator page", () => {
  it("loads at most 150 kB of gzipped JS; each Web Worker, fetched only when its panel runs, at most 24 kB", () => {
    const scripts = readdirSync(`${BUILT_PAGE}assets`).filter((name) => name.endsWith(".js"));
    const gz = (name: string) => gzipSync(readFileSync(`${BUILT_PAGE}assets/${name}`)).length;
    const workers = scripts.filter((name) => /-worker-[\w-]+\.js$/.test(name));
    expect(workers.length).toBeGreaterThanOrEqual(2);
    const loaded = scripts.filter((name) => !workers.includes(name));
    expect(loaded.length).toBeGreaterThan(0);
    expect(loaded.reduce((sum, name) => sum + gz(name), 0)).toBeLessThanOrEqual(150_000);
    // 24 kB since the log reader learned line layouts (line-shape.ts, about 1 kB): 20.5 kB then.
    for (const name of workers) expect(gz(name)).toBeLessThanOrEqual(24_000);
  });

  it("shows the reference page's figures for its defaults ($2.26, $2,265, 77.0%, 8.0× cheaper)", async () => {
    await open();
    expect(await shown()).toEqual({
      tinkerPerEpisode: "$2.26",
      tinkerTotal: "$2,265",
      dedicatedPerEpisode: "$0.28",
      dedicatedTotal: "$284",
      vsTinker: "8.0× cheaper",
      cacheHit: "77.0%",
    });
    const text = await pageText();
    expect(text).toContain("400,000 prompt tokens summed");
    expect(text).toContain("thinkingmachines.ai/tinker");
    expect(text).toMatch(/2026-05-16 \((today|1 day old|\d+ days old)\)/);
    expect(await page.$eval("details.advanced", (d) => (d as HTMLDetailsElement).open)).toBe(false);
    // The server's CSP forbids inline script, so the built page must have none.
    expect(await page.$$eval("script:not([src])", (scripts) => scripts.length)).toBe(0);
    expect(errors).toEqual([]);
  });

  // Each change holds the others at the defaults; the figures must be what the engine (and so the CLI) gives.
  it.each([
    ["episodes", "250", { episodes: 250 }],
    ["turns", "12", { turns: 12 }],
    ["initial", "4000", { initialPromptTokens: 4000 }],
    ["added", "5000", { addedTokensPerTurn: 5000 }],
    ["generated", "500", { generatedTokensPerTurn: 500 }],
    ["gpus", "70", { gpus: 70 }],
    ["ptps", "900", { promptTokensPerSecond: 900 }],
    ["dtps", "150", { decodeTokensPerSecond: 150 }],
  ])("changing %s to %s shows what the engine computes", async (query, value, options) => {
    await open();
    await openAdvanced();
    await type(query, value);
    expect(await shown()).toEqual(expected(options));
  });

  it("agrees with `rollout-cost estimate --json` for a scenario that changes every field", async () => {
    const flags = {
      model: "qwen3p5-397b",
      episodes: "3000",
      turns: "15",
      "initial-prompt": "6000",
      "added-per-turn": "2500",
      "generated-per-turn": "700",
      gpus: "12",
      "prompt-tps": "18000",
      "decode-tps": "1100",
    };
    let stdout = "";
    const code = await runCli(
      ["estimate", "--json", ...Object.entries(flags).flatMap(([k, v]) => [`--${k}`, v])],
      {
        stdout: { write: (t: string) => (stdout += t) },
        stderr: { write: () => true },
        stdin: process.stdin,
        env: {},
        signal: new AbortController().signal,
      },
    );
    expect(code).toBe(0);
    const cli = JSON.parse(stdout);
    await open();
    await page.selectOption("#field-model", flags.model);
    await settle();
    await openAdvanced();
    for (const [query, flag] of [
      ["episodes", "episodes"],
      ["turns", "turns"],
      ["initial", "initial-prompt"],
      ["added", "added-per-turn"],
      ["generated", "generated-per-turn"],
      ["gpus", "gpus"],
      ["ptps", "prompt-tps"],
      ["dtps", "decode-tps"],
    ] as const) {
      await type(query, flags[flag]);
    }
    expect(await shown()).toEqual({
      tinkerPerEpisode: formatUsd(cli.plans.tinker.usdPerEpisode),
      tinkerTotal: formatUsd(cli.plans.tinker.usdTotal),
      dedicatedPerEpisode: formatUsd(cli.plans.dedicated.usdPerEpisode),
      dedicatedTotal: formatUsd(cli.plans.dedicated.usdTotal),
      vsTinker: cli.plans.dedicated.vsTinker,
      cacheHit: formatPercent(cli.tokens.cacheHitPercent),
    });
    // The JSON download is the CLI's JSON.
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("text=Download JSON")]);
    const path = await download.path();
    expect(JSON.parse(readFileSync(path, "utf8"))).toEqual(cli);
  });

  it("resets the Advanced fields to the new model's defaults when the model changes, keeping the shape", async () => {
    await open();
    await openAdvanced();
    await type("gpus", "3");
    await type("ptps", "1234");
    await type("turns", "5");
    await page.selectOption("#field-model", "gpt-oss-120b");
    await settle();
    const values = await page.$$eval("input", (inputs) =>
      Object.fromEntries(inputs.map((i) => [i.name, (i as HTMLInputElement).value])),
    );
    expect(values).toMatchObject({ gpus: "4", ptps: "25000", dtps: "2500", turns: "5" });
    expect(await shown()).toEqual(expected({ model: "gpt-oss-120b", turns: 5 }));
    expect(await pageText()).toContain("4× H200 141GB at $7/GPU-hour");
  });

  it("puts the scenario in the URL: a copied link restores it, and back/forward walk the edits", async () => {
    await open();
    await type("episodes", "640");
    await type("turns", "11");
    await openAdvanced();
    await type("dtps", "900");
    const url = page.url();
    expect(url).toContain("episodes=640");
    expect(url).toContain("turns=11");
    expect(url).toContain("dtps=900");
    const figures = await shown();
    const other = await harness.browser.newPage({ viewport: { width: 1000, height: 800 } });
    await open(url.slice(harness.server.url.length), other);
    expect(await shown(other)).toEqual(figures);
    expect(await other.inputValue("#field-turns")).toBe("11");
    await other.close();

    await page.goBack();
    await settle();
    expect(await page.inputValue("#field-dtps")).toBe("1500");
    expect(await page.inputValue("#field-turns")).toBe("11");
    await page.goBack();
    await settle();
    expect(await page.inputValue("#field-turns")).toBe("8");
    await page.goForward();
    await settle();
    expect(await page.inputValue("#field-turns")).toBe("11");
    expect(await shown()).toEqual(expected({ episodes: 640, turns: 11 }));
  });

  it("opens a link with a bad value: the field explains it, the rest of the scenario stands", async () => {
    await open("?model=nope&turns=abc&episodes=20");
    const text = await pageText();
    expect(text).toContain('unknown model "nope"');
    expect(text).toContain('Turns per episode must be a whole number from 1 to 200; "abc" is not a number.');
    expect(await page.inputValue("#field-episodes")).toBe("20");
    expect(text).not.toMatch(/NaN|Infinity|undefined/);
  });

  // The message is the one sentence beside the field; the cards keep the last valid figures.
  it.each([
    ["turns", "", "Turns per episode is empty: enter a whole number from 1 to 200."],
    ["turns", "-5", 'Turns per episode must be a whole number from 1 to 200, not "-5".'],
    ["episodes", "lots", 'Episodes must be a whole number from 1 to 10,000,000; "lots" is not a number.'],
    ["added", "1e99", 'Tokens added per turn must be a whole number from 0 to 10,000,000, not "1e99".'],
    ["ptps", "0", "Prompt tokens/sec (cluster) must be a number of at least 0.001"],
  ])("invalid %s %j shows its message and keeps the last valid result", async (query, value, message) => {
    await open("?turns=9");
    await openAdvanced();
    const before = await shown();
    await type(query, value);
    const error = await page.textContent(`#field-${query}-error`);
    expect(error).toContain(message);
    expect(await page.getAttribute(`#field-${query}`, "aria-invalid")).toBe("true");
    expect(await page.getAttribute(`#field-${query}`, "aria-describedby")).toContain(`field-${query}-error`);
    expect(await shown()).toEqual(before);
    const text = await pageText();
    expect(text).toContain("Showing the last valid result.");
    expect(text).not.toMatch(/NaN|Infinity|undefined/);
    // The address bar keeps the last valid value, so a copied link still opens a priced scenario.
    expect(page.url()).toContain("turns=9");
  });

  it("labels the crossing point on the chart for a scenario that has one", async () => {
    const options = { model: "gpt-oss-120b", decodeTokensPerSecond: 500 };
    const { crossing } = costSweep(resolveScenario(options));
    expect(crossing).toBeDefined();
    await open("?model=gpt-oss-120b&dtps=500");
    const label = await page.textContent(".chart-box .crossing-label");
    expect(label).toBe(`at par ≈ ${crossing?.turns.toFixed(1)} turns`);
    expect(await page.textContent(".chart-caption")).toContain(
      `The two cost the same at about ${crossing?.turns.toFixed(1)} turns`,
    );
    // Two lines of 40 points each; the context window (128K) stops fitting after 10 turns.
    expect(await page.$$eval(".chart-box svg path", (paths) => paths.length)).toBeGreaterThanOrEqual(2);
    expect(await page.textContent(".chart-box svg")).toContain("past the 128K window");
  });

  it("switches the chart's cost axis to logarithmic and back", async () => {
    await open();
    const ticks = () =>
      page.$$eval(".chart-box svg [aria-label='y-axis tick label'] text", (t) => t.map((e) => e.textContent));
    const linear = await ticks();
    expect(linear).toContain("$0");
    await page.check(".chart-option input");
    await settle();
    const log = await ticks();
    expect(log).not.toContain("$0");
    expect(log).not.toEqual(linear);
    await page.uncheck(".chart-option input");
    await settle();
    expect(await ticks()).toEqual(linear);
  });

  it("shows the engine's context-window warning beside the figures", async () => {
    await open("?turns=12");
    const warning = await page.textContent(".episode-warnings");
    expect(warning).toContain("Context window: the episode needs 142,000 tokens");
    expect(await page.$('[data-plan="dedicated"] .warnings')).toBeNull();
    // A cluster so slow that even one GPU costs more than Tinker: the parity warning sits on its card.
    await open("?dtps=1&gpus=1");
    expect(await page.textContent('[data-plan="dedicated"] .warnings')).toContain("Parity: even 1 GPU");
    expect(await page.$(".episode-warnings")).toBeNull();
  });

  it("copies a Markdown table of the result", async () => {
    const context = await harness.browser.newContext();
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: harness.server.url });
    const p = await context.newPage();
    await open("", p);
    await p.click("text=Copy Markdown");
    await p.waitForSelector("text=Copied the Markdown table.");
    const markdown = await p.evaluate(() => navigator.clipboard.readText());
    expect(markdown).toContain("| plan | $ / episode | $ / 1,000 ep | cluster-hours | vs. Tinker |");
    expect(markdown).toContain("| Tinker: per token, no cross-turn cache | $2.26 | $2,265 | | 1× |");
    expect(markdown).toContain("| $0.28 | $284 | 2.96 | 8.0× cheaper |");
    await context.close();
  });

  it("ties every input to a label, announces results politely, and works from the keyboard", async () => {
    await open();
    const unlabelled = await page.$$eval("input, select", (fields) =>
      fields.filter((f) => (f as HTMLInputElement).labels?.length !== 1).map((f) => f.id),
    );
    expect(unlabelled).toEqual([]);
    expect(await page.getAttribute(".announce", "aria-live")).toBe("polite");
    expect(await page.textContent(".announce")).toContain("8.0× cheaper");
    // Keyboard only: open Advanced with Enter, pass the GPU type, reach the GPU count with Tab, type a value.
    await page.focus("#field-generated");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("SUMMARY");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("field-gpu");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("field-gpus");
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type("16");
    await page.keyboard.press("Tab");
    await settle();
    expect(await shown()).toEqual(expected({ gpus: 16 }));
    expect(await page.textContent(".announce")).toContain(expected({ gpus: 16 }).vsTinker);
  });

  it("writes screenshots at 360 px and 1440 px, light and dark, with no sideways scrolling", async () => {
    mkdirSync(TEST_OUTPUT, { recursive: true });
    const p = await harness.browser.newPage();
    for (const scheme of ["light", "dark"] as const) {
      await p.emulateMedia({ colorScheme: scheme });
      for (const width of [360, 1440]) {
        await p.setViewportSize({ width, height: 900 });
        await open("", p);
        await settle(p);
        const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${width} px ${scheme}`).toBeLessThanOrEqual(0);
        await p.screenshot({ path: `${TEST_OUTPUT}page-${width}-${scheme}.png`, fullPage: true });
      }
    }
    // A scenario with a crossing, Advanced open, and one with a field in error, to look at too.
    await p.emulateMedia({ colorScheme: "light" });
    await p.setViewportSize({ width: 1440, height: 900 });
    await open("?model=gpt-oss-120b&dtps=500&turns=12", p);
    await openAdvanced(p);
    await settle(p);
    await p.screenshot({ path: `${TEST_OUTPUT}page-1440-crossing.png`, fullPage: true });
    await p.setViewportSize({ width: 360, height: 900 });
    await open("?turns=-4", p);
    await settle(p);
    await p.screenshot({ path: `${TEST_OUTPUT}page-360-invalid.png`, fullPage: true });
    await p.close();
    expect(errors).toEqual([]);
  });
});
