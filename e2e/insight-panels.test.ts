// The cache-survival, step-breakdown and prefix-divergence panels in real headless Chromium against the
// built dist/web, each figure held equal to the CLI command it mirrors (simulate, throughput, analyze).
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatCount, formatHours, formatPercent, formatUsd } from "../src/format/numbers.js";
import { REPLAY_CAPACITIES_TOKENS } from "../src/scenario/replay-for.js";
import { SURVIVAL_CONCURRENCIES } from "../src/scenario/simulation-for.js";
import { evaluate } from "../src/web/evaluate.js";
import { cliJson } from "../test/cli-helpers.js";
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

const text = async (selector: string) => (await page.textContent(selector)) ?? "";
const pct = (fraction: number) => formatPercent(fraction * 100);
const defaults = (() => {
  const r = evaluate({});
  if (!r.ok) throw new Error(r.reason);
  return { model: r.scenario.model.id, dedicated: r.input.dedicated, workload: r.input.workload };
})();

describe("the cache-survival panel", () => {
  /** `rollout-cost simulate --json` for the page's default scenario at these panel choices. */
  function simulateCli(concurrency: number, toolSeconds: number, dp: boolean) {
    const { dedicated: d, workload: w } = defaults;
    return cliJson([
      "simulate",
      ...["--model", defaults.model, "--gpu", d.gpuType, "--gpus", String(d.gpus)],
      ...["--episodes", String(w.episodes), "--turns", String(w.shape.turns)],
      ...["--initial-prompt", String(w.shape.initialPromptTokens)],
      ...["--added-per-turn", String(w.shape.addedTokensPerTurn)],
      ...["--generated-per-turn", String(w.shape.generatedTokensPerTurn)],
      ...["--concurrency", String(concurrency), "--tool-latency", String(toolSeconds)],
      ...[
        "--usd-per-gpu-hour",
        String(d.usdPerGpuHour),
        "--sweep-concurrency",
        SURVIVAL_CONCURRENCIES.join(","),
      ],
      ...(dp ? ["--dp-attention"] : []),
      "--json",
    ]);
  }

  async function expectFigures(cli: Awaited<ReturnType<typeof simulateCli>>) {
    const s = cli.simulation;
    expect(await text('[data-figure="survival-hit"]')).toBe(pct(s.cacheHitFraction));
    expect(await text('[data-figure="survival-ideal"]')).toBe(pct(s.idealCacheHitFraction));
    expect(await text('[data-figure="survival-utilisation"]')).toBe(pct(s.utilisationFraction));
    expect(await text('[data-figure="survival-usd"]')).toBe(
      `${formatHours(s.gpuHours)} GPU-h · ${formatUsd(cli.dedicatedUsd)}`,
    );
    const causes = await page.$$eval('[data-table="reprefill"] tbody tr', (rows) =>
      Object.fromEntries(rows.map((r) => [r.getAttribute("data-cause"), r.querySelector("td")?.textContent])),
    );
    expect(causes).toEqual(
      Object.fromEntries(Object.entries(s.reprefilledTokens).map(([k, n]) => [k, formatCount(n as number)])),
    );
    const broken = cli.sweep.firstBrokenConcurrency as number | null;
    expect(await text('[data-figure="survival-broken"]')).toContain(
      broken === null ? "survives at every concurrency" : `stops surviving at ${formatCount(broken)}`,
    );
    expect(await page.$$eval(".survival svg", (svgs) => svgs.length)).toBeGreaterThanOrEqual(4);
    const all = await text(".survival");
    expect(all).not.toMatch(/NaN|Infinity|undefined/);
  }

  it("simulates the page's scenario in a worker with `simulate --json`'s figures, then follows the choices", async () => {
    await page.goto(harness.server.url);
    await page.click("details.survival summary");
    await page.waitForSelector('[data-survival="done"]', { timeout: 60_000 });
    await expectFigures(await simulateCli(256, 0, false));
    await page.selectOption("#survival-concurrency", "1024");
    await page.selectOption("#survival-tool", "10");
    await page.check("#survival-dp");
    const changed = await simulateCli(1024, 10, true);
    const usd = `${formatHours(changed.simulation.gpuHours)} GPU-h · ${formatUsd(changed.dedicatedUsd)}`;
    await expect.poll(() => text('[data-figure="survival-usd"]'), { timeout: 60_000 }).toBe(usd);
    await expectFigures(changed);
    expect(errors).toEqual([]);
  });
});

describe("the trace replay", () => {
  const trace = fileURLToPath(
    new URL("../examples/traces/mooncake-synthetic-trace.jsonl.gz", import.meta.url),
  );

  it("replays a dropped Mooncake trace in a worker: hit and $ per plan at each capacity as `replay --json`", async () => {
    const capacities = REPLAY_CAPACITIES_TOKENS.map((c) => (Number.isFinite(c) ? String(c) : "unlimited"));
    const cli = await cliJson([
      "replay",
      trace,
      "--model",
      defaults.model,
      "--capacities",
      capacities.join(","),
      "--json",
    ]);
    await page.goto(harness.server.url);
    await page.click("details.survival summary");
    await page.setInputFiles("#trace-file", trace);
    await page.waitForSelector('[data-report="replay"]', { timeout: 60_000 });
    const rows = await page.$$eval('[data-table="replay"] tbody tr', (trs) =>
      trs.map((tr) => [
        tr.getAttribute("data-capacity"),
        tr.querySelector('[data-figure="hit"]')?.textContent,
        ...Array.from(tr.querySelectorAll("td[data-plan]")).map(
          (td) => `${td.getAttribute("data-plan")} ${td.textContent}`,
        ),
      ]),
    );
    expect(rows).toEqual(
      cli.rows.map(
        (r: {
          capacityTokens: number | null;
          hitFraction: number;
          plans: { id: string; usdTotal: number }[];
        }) => [
          r.capacityTokens === null ? "unlimited" : String(r.capacityTokens),
          pct(r.hitFraction),
          ...r.plans.map((p) => `${p.id} ${formatUsd(p.usdTotal)}`),
        ],
      ),
    );
    // The trace README's figure at 1,024,000 tokens: 14.67 % of input tokens.
    expect(rows[2]?.[1]).toBe("14.7%");
    expect(await page.$$eval(".replay-chart svg path", (p) => p.length)).toBeGreaterThanOrEqual(1);
    expect(await text(".trace-replay")).not.toMatch(/NaN|Infinity|undefined/);
    expect(errors).toEqual([]);
  });
});

describe("the step-time breakdown", () => {
  function throughputCli(extra: string[]) {
    const { dedicated: d, workload: w } = defaults;
    return cliJson([
      "throughput",
      ...["--model", defaults.model, "--gpu", d.gpuType, "--gpus", String(d.gpus)],
      ...["--context", String(w.shape.initialPromptTokens), "--batch", "1", ...extra, "--json"],
    ]);
  }

  async function expectFigures(cli: Awaited<ReturnType<typeof throughputCli>>) {
    const band = cli.band as { typicalFactor: number; worstFactor: number };
    for (const [key, tps, bound] of [
      ["prefill", cli.prefillTokensPerSecond, cli.prefillBound],
      ["decode", cli.decodeTokensPerSecond, cli.decodeBound],
    ] as const) {
      expect(await text(`[data-figure="breakdown-${key}"]`)).toBe(
        `${formatCount(tps)} tok/s, ${bound}-bound`,
      );
      expect(await text(`[data-figure="band-${key}"]`)).toBe(
        `typically ${formatCount(tps / band.typicalFactor)}–${formatCount(tps * band.typicalFactor)}, at worst ${formatCount(tps / band.worstFactor)}–${formatCount(tps * band.worstFactor)}`,
      );
    }
    const line = await text('[data-figure="deployment"]');
    expect(line).toContain(`${cli.deployment.layout.toUpperCase()} (${cli.deployment.label})`);
    expect(line).toContain(cli.deployment.source);
    expect(await page.$$eval(".breakdown-chart-box svg rect", (r) => r.length)).toBeGreaterThanOrEqual(2);
    expect(await text(".breakdown")).not.toMatch(/NaN|Infinity|undefined/);
  }

  it("shows the deployment, both phases' bounds and the band as `throughput --json`, for a chosen layout too", async () => {
    await page.goto(harness.server.url);
    await page.click("details.advanced summary");
    await page.check("#derived-switch");
    await page.waitForSelector('.breakdown[data-breakdown="ok"]');
    await expectFigures(await throughputCli([]));
    await page.selectOption("#breakdown-layout", "tp");
    await page.selectOption("#breakdown-experts", "fp8");
    await settle();
    await expectFigures(await throughputCli(["--layout", "tp", "--expert-weights", "fp8"]));
    expect(errors).toEqual([]);
  });
});

describe("the prefix-divergence view", () => {
  const sample = fileURLToPath(new URL("../examples/verifiers-traces.jsonl", import.meta.url));

  it("reports the verifiers sample's diverged turns and their price per plan as `analyze --json`", async () => {
    const cli = (await cliJson(["analyze", sample, "--json"])).prefixDivergence;
    await page.goto(harness.server.url);
    await page.setInputFiles("#log-file", sample);
    await page.waitForSelector('[data-report="divergence"]');
    const rows = await page.$$eval('[data-list="divergence"] li', (trs) =>
      trs.map((tr) => [
        tr.getAttribute("data-episode"),
        tr.getAttribute("data-turn"),
        tr.querySelector('[data-figure="diverges-at"]')?.textContent,
        tr.querySelector('[data-figure="lost"]')?.textContent,
        tr.querySelector('[data-figure="cause"]')?.textContent,
      ]),
    );
    expect(rows).toEqual(
      cli.examples.map(
        (e: {
          episode: string;
          turn: number;
          firstDivergenceAt: number;
          lostCachedTokens: number;
          description: string;
        }) => [
          e.episode,
          String(e.turn),
          formatCount(e.firstDivergenceAt),
          formatCount(e.lostCachedTokens),
          e.description,
        ],
      ),
    );
    expect(await text('[data-figure="divergence-summary"]')).toContain(
      `${cli.turnsDiverged} of ${cli.turnsCompared} turns`,
    );
    const priced = await page.$$eval(".divergence-priced li", (lis) =>
      lis.map((li) => [
        li.getAttribute("data-plan"),
        li.querySelector('[data-figure="usd-lost"]')?.textContent,
      ]),
    );
    expect(priced).toEqual(
      cli.priced.map((p: { id: string; usdLost: number }) => [
        p.id,
        p.usdLost > 0 && p.usdLost < 0.01 ? "under $0.01" : formatUsd(p.usdLost),
      ]),
    );
    expect(priced.length).toBeGreaterThanOrEqual(2);
    expect(await text('[data-report="log"]')).not.toMatch(/NaN|Infinity|undefined/);
    // A log without token ids has no divergence view.
    await page.setInputFiles(
      "#log-file",
      fileURLToPath(new URL("../examples/sample.jsonl", import.meta.url)),
    );
    await page.waitForFunction(
      () => document.querySelector('[data-report="log"] strong')?.textContent === "sample.jsonl",
    );
    expect(await page.$('[data-report="divergence"]')).toBeNull();
    expect(errors).toEqual([]);
  });
});

describe("screenshots", () => {
  it("writes each panel at 1440 and 360 px, light and dark", async () => {
    const trace = fileURLToPath(
      new URL("../examples/traces/mooncake-synthetic-trace.jsonl.gz", import.meta.url),
    );
    const sample = fileURLToPath(new URL("../examples/verifiers-traces.jsonl", import.meta.url));
    for (const width of [1440, 360]) {
      for (const colorScheme of ["light", "dark"] as const) {
        await page.setViewportSize({ width, height: 1000 });
        await page.emulateMedia({ colorScheme });
        await page.goto(harness.server.url);
        await page.click("details.survival summary");
        await page.waitForSelector('[data-survival="done"]', { timeout: 60_000 });
        await page.click("details.advanced summary");
        await page.check("#derived-switch");
        await settle();
        const name = `${width}-${colorScheme}`;
        // The page's own scenario first: the dropped log below fills the inputs with its shape.
        await (await page.$(".survival"))?.screenshot({ path: `${TEST_OUTPUT}panel-survival-${name}.png` });
        await (await page.$(".breakdown"))?.screenshot({ path: `${TEST_OUTPUT}panel-breakdown-${name}.png` });
        await page.setInputFiles("#trace-file", trace);
        await page.waitForSelector('[data-report="replay"]', { timeout: 60_000 });
        await settle();
        await (await page.$(".trace-replay"))?.screenshot({ path: `${TEST_OUTPUT}panel-replay-${name}.png` });
        await page.setInputFiles("#log-file", sample);
        await page.waitForSelector('[data-report="divergence"]');
        await settle();
        await (await page.$(".divergence"))?.screenshot({
          path: `${TEST_OUTPUT}panel-divergence-${name}.png`,
        });
        // Every piece of text in the three panels, charts and legends included, is at least 11 px.
        const smallest = await page.$$eval(
          ".survival *, .breakdown *, .divergence *, .trace-replay *",
          (elements) =>
            Math.min(
              ...elements
                .filter((e) =>
                  Array.from(e.childNodes).some((n) => n.nodeType === 3 && n.textContent?.trim()),
                )
                .map((e) => Number.parseFloat(getComputedStyle(e).fontSize)),
            ),
        );
        expect(smallest).toBeGreaterThanOrEqual(11);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
      }
    }
    await page.emulateMedia({ colorScheme: "light" });
    expect(errors).toEqual([]);
  });
});
