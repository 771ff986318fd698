// The answer first, in real headless Chromium against the built dist/web: the verdict and its preset
// switch, training, the deadline, the RL step, and the phone layout. Every figure is held equal to the
// CLI's for the same scenario, and the newcomer questions are worked by hand in comments.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatUsd } from "../src/format/numbers.js";
import { cliJson, type Harness, settle, startHarness, watchErrors } from "./harness.js";

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

async function open(query = ""): Promise<void> {
  await page.goto(`${harness.server.url}${query}`);
  await page.waitForSelector(".verdict");
}

const text = async (selector: string) => ((await page.textContent(selector)) ?? "").trim();

interface CliVerdict {
  cheapest: { id: string; usdTotal: number; usdPerEpisode: number };
  lines: string[];
}

/** The page's verdict equals `compare --json`'s (as `estimate`'s) for the same flags, figure and sentence. */
async function expectVerdictOf(args: string[]): Promise<CliVerdict> {
  const cli = (await cliJson(["compare", ...args, "--json"])).verdict as CliVerdict;
  expect(await text('[data-verdict="total"]')).toBe(formatUsd(cli.cheapest.usdTotal));
  expect(await text('[data-verdict="per-episode"]')).toBe(formatUsd(cli.cheapest.usdPerEpisode));
  const lines = await page.$$eval(".verdict-lines li", (lis) => lis.map((li) => li.textContent ?? ""));
  expect(lines).toEqual(cli.lines.slice(1));
  return cli;
}

describe("the verdict", () => {
  it("comes first on the default scenario, on the current preset, as `estimate` gives it", async () => {
    await open();
    // fireworks-serverless: 92M × $0.95 + 308M × $0.16 + 16M × $4 (per 1M) = $200.68.
    const cli = await expectVerdictOf([]);
    expect(cli.cheapest.id).toBe("fireworks-serverless");
    expect(await text('[data-verdict="cheapest"]')).toBe("Fireworks serverless, cached input");
    expect(await text('[data-verdict="total"]')).toBe("$201");
    expect(await page.isChecked('input[name="preset"][value="current"]')).toBe(true);
    expect(errors).toEqual([]);
  });

  // Newcomer question 1: Qwen3.5-397B, 20 turns, 4K initial, +3K per turn, 1K generated. Per episode
  // 20,000 decoded tokens: 1,000 episodes decode 20M tokens at 1,200 tok/s = 16,667 s = 4.63 h, longer
  // than prefill (61M ÷ 20,000 tok/s = 0.85 h). On 8 × B200: RFT rates $9 → 4.63 × 8 × 9 = $333;
  // the Fireworks page's $10 → $370, 1.11× the cheapest.
  it("answers the Qwen3.5-397B question: the RFT dedicated rates, $333, then $370", async () => {
    const query = "?model=qwen3.5-397b&turns=20&initial=4000&added=3000&generated=1000";
    await open(query);
    await expectVerdictOf([
      ...["--model", "qwen3.5-397b", "--turns", "20", "--initial-prompt", "4000"],
      ...["--added-per-turn", "3000", "--generated-per-turn", "1000"],
    ]);
    expect(await text('[data-verdict="cheapest"]')).toMatch(/^Fireworks Dedicated, RFT estimator rates/);
    expect(await text('[data-verdict="total"]')).toBe("$333");
    expect(await text('[data-verdict="hours"]')).toBe("4.63 h");
    expect(await text(".verdict-lines li:first-child")).toContain("$370 (1.11× the cheapest, +$37)");
    // The ranked table has the same cheapest plan at the top.
    expect(await page.getAttribute(".more-plans tbody tr:first-child", "data-plan")).toBe(
      "dedicated-fireworks-rft",
    );
  });

  it("switches to the Fireworks page's rates, writes the preset into the link and keeps it on reload", async () => {
    await open();
    await page.click('label:has(input[name="preset"][value="reference"])');
    await page.waitForFunction(() => window.location.search.includes("preset=reference"));
    await settle(page);
    // The reference preset's two plans: dedicated $284.44 (2.963 h × 8 × $12) beats Tinker $2,264.96.
    await expectVerdictOf(["--preset", "reference"]);
    expect(await text('[data-verdict="total"]')).toBe("$284");
    expect(await page.$$eval(".more-plans tbody tr", (rows) => rows.length)).toBe(2);
    await page.reload();
    await page.waitForSelector(".verdict");
    expect(await page.isChecked('input[name="preset"][value="reference"]')).toBe(true);
    expect(await text('[data-verdict="total"]')).toBe("$284");
    expect(errors).toEqual([]);
  });
});

describe("training on the page", () => {
  // Reference preset, 10 steps, one pass, 20,000 train tok/s: dedicated trains 1,000 × 94,000 tokens a
  // step in 1.306 h × 8 × $12 = $125.33, so a step is $409.78 and the run $4,097.78. Tinker (reference)
  // has no train rate: its run is at least 10 × $2,264.96 = $22,649.60 of rollouts.
  it("prices the whole run, per step and per run, as `compare --train-passes` does", async () => {
    await open("?preset=reference");
    await page.click("details.training summary");
    for (const [id, value] of [
      ["#field-passes", "1"],
      ["#field-ttps", "20K"],
      ["#field-steps", "10"],
    ] as const) {
      await page.fill(id, value);
      await page.press(id, "Tab");
    }
    await page.waitForFunction(() => window.location.search.includes("steps=10"));
    await settle(page);
    const flags = ["--preset", "reference", "--train-passes", "1", "--train-tps", "20000", "--steps", "10"];
    await expectVerdictOf(flags);
    expect(await text('[data-verdict="total"]')).toBe("$4,098");
    const cli = await cliJson(["compare", ...flags, "--json"]);
    const dedicated = cli.plans.find((p: { id: string }) => p.id === "dedicated");
    expect(await text('.more-plans tr[data-plan="dedicated"] [data-figure="run"]')).toBe(
      `${formatUsd(dedicated.training.usdRun)} (10 steps)`,
    );
    expect(await text('.more-plans tr[data-plan="tinker"] [data-figure="run"]')).toBe(
      "≥ $22,650 (rollouts only)",
    );
    expect(await text('.more-plans tr[data-plan="tinker"] [data-figure="rank"]')).toBe("2");
  });

  it("names a bad training input and keeps the last valid answer", async () => {
    await open("?passes=1&ttps=20000&steps=10");
    const before = await text('[data-verdict="total"]');
    // Training inputs in the link open the training section.
    expect(await page.getAttribute("details.training", "open")).not.toBeNull();
    await page.fill("#field-steps", "1.5");
    await page.press("#field-steps", "Tab");
    expect(await text("#field-steps-error")).toBe(
      'RL steps must be a whole number from 1 to 1,000,000, not "1.5".',
    );
    expect(await text('[data-verdict="total"]')).toBe(before);
    expect(await text(".stale")).toContain("Fix RL steps");
  });
});

describe("the deadline", () => {
  // 50,000 episodes on the current preset's dedicated plans (8 × B300 each): each needs the cluster-hours
  // of 50 × the default workload at its throughput, split over replicas that each finish in 6 h.
  it("solves replicas × GPUs per plan, as `breakeven --deadline-hours` does", async () => {
    await open("?episodes=50000");
    await page.fill("#field-deadline", "6");
    await page.waitForSelector('[data-report="deadline"]');
    const cli = await cliJson([
      ...["breakeven", "--preset", "current", "--episodes", "50000", "--deadline-hours", "6", "--json"],
    ]);
    const rows = await page.$$eval('[data-report="deadline"] tbody tr', (trs) =>
      trs.map((tr) => [
        tr.getAttribute("data-plan"),
        tr.querySelector('[data-figure="gpus"]')?.textContent ?? "",
        tr.querySelector('[data-figure="total"]')?.textContent ?? "",
      ]),
    );
    const expected = (
      cli.answers as {
        plan: string;
        gpus: number;
        replicas: number;
        gpusPerReplica: number;
        usdTotal: number;
      }[]
    ).map((a) => [a.plan, `${a.gpus} (${a.replicas} × ${a.gpusPerReplica})`, formatUsd(a.usdTotal)]);
    expect(expected.length).toBeGreaterThanOrEqual(2);
    expect(rows).toEqual(expected);
    // Saturated figures carry no band, so the table has no band column.
    expect(await page.$$eval('[data-report="deadline"] thead th', (ths) => ths.length)).toBe(5);
  });

  // Newcomer question 2, one page visit: Qwen3.5-397B's dedicated plans run on 8 × B200 at 20,000 /
  // 1,200 tok/s. 50,000 default episodes decode 8·10^8 tokens / 1,200 = 185.19 h on one replica; ⌈185.19
  // ÷ 6⌉ = 31 replicas = 248 B200s (31 × 8); at the RFT rate's $9: 185.19 × 8 × 9 = $13,333.
  it("answers how many B200s finish 50,000 episodes in 6 hours, from a link", async () => {
    await open("?model=qwen3.5-397b&episodes=50000&deadline=6");
    await page.waitForSelector('[data-report="deadline"]');
    const rft = '[data-report="deadline"] tr[data-plan="dedicated-fireworks-rft"]';
    expect(await text(`${rft} [data-figure="gpus"]`)).toBe("248 (31 × 8)");
    expect(await text(`${rft} [data-figure="total"]`)).toBe("$13,333");
  });

  it("puts the dedicated plans on the chosen GPU with derived throughput, as `--gpu` does", async () => {
    await open("?episodes=50000");
    await page.click("details.advanced summary");
    await page.selectOption("#field-gpu", "B200_180GB");
    await page.waitForFunction(() => window.location.search.includes("gpu=B200_180GB"));
    expect(await page.isChecked("#derived-switch")).toBe(true);
    await page.fill("#field-deadline", "6");
    await page.waitForSelector('[data-report="deadline"]');
    const cli = await cliJson([
      ...["breakeven", "--preset", "current", "--episodes", "50000", "--deadline-hours", "6"],
      ...["--gpu", "B200_180GB", "--throughput", "derived", "--json"],
    ]);
    const gpus = await page.$$eval('[data-report="deadline"] [data-figure="gpus"]', (tds) =>
      tds.map((td) => td.textContent),
    );
    expect(gpus).toEqual(
      (cli.answers as { gpus: number; replicas: number; gpusPerReplica: number }[]).map(
        (a) => `${a.gpus} (${a.replicas} × ${a.gpusPerReplica})`,
      ),
    );
    await expectVerdictOf(["--episodes", "50000", "--gpu", "B200_180GB", "--throughput", "derived"]);
    expect(errors).toEqual([]);
  });

  it("gives derived plans their band, and refuses a deadline of 0 naming the field", async () => {
    await open("?episodes=50000&throughput=derived");
    await page.fill("#field-deadline", "6");
    await page.waitForSelector('[data-report="deadline"]');
    const band = await text('[data-report="deadline"] tbody tr:first-child td:last-child');
    expect(band).toMatch(/^[\d,]+–[\d,]+ GPUs, \$[\d,]+–\$[\d,]+ \(derived throughput ×\/÷1\.\d\d\)$/);
    await page.fill("#field-deadline", "0");
    expect(await text(".deadline .field-error")).toBe(
      'Hours to finish must be a number above 0 and at most 1,000,000, not "0".',
    );
    expect(await page.$('[data-report="deadline"]')).toBeNull();
  });
});

// The reference preset at 3,000 prompt tok/s: dedicated $817.78 (8.52 h). With the cache kept down to 40%
// of the ideal it prefills 276.8M tokens: 25.63 h, $2,460.44, above Tinker's $2,264.96: it can flip.
describe("a range the user sets", () => {
  it("takes the cache kept at worst under Advanced and says the ranking can flip, as `compare --cache-kept`", async () => {
    await open("?preset=reference&ptps=3000");
    await page.click("details.advanced summary");
    await page.fill("#field-kept", "40");
    await page.press("#field-kept", "Tab");
    await page.waitForFunction(() => window.location.search.includes("kept=40"));
    await settle(page);
    await expectVerdictOf(["--preset", "reference", "--prompt-tps", "3000", "--cache-kept", "40"]);
    expect(await text(".verdict-lines li:last-child")).toBe(
      "With the prefix cache kept down to 40% of the ideal, the cheapest plan costs up to $2,460: the ranking can flip (tinker, from $2,265).",
    );
    expect(await text('[data-verdict="hours"]')).toBe("8.52 h (8.52–25.63)");
    await page.fill("#field-kept", "140");
    expect(await text("#field-kept-error")).toBe(
      'Prefix cache kept, at worst (% of the ideal) must be a number of at least 0 and at most 100, not "140".',
    );
    expect(errors).toEqual([]);
  });
});

describe("the reality check on derived throughput", () => {
  it("adds derived vs saturated and every episode in flight when asked, as `compare --throughput derived`", async () => {
    await open("?throughput=derived");
    await page.click("details.reality-throughput summary");
    await page.waitForSelector('[data-table="reality-throughput"]');
    const cli = await cliJson(["compare", "--throughput", "derived", "--context-policy", "stop", "--json"]);
    const rows = await page.$$eval('[data-table="reality-throughput"] tbody tr', (trs) =>
      trs.map((tr) => [
        tr.getAttribute("data-row"),
        tr.querySelector('[data-figure="dedicated"]')?.textContent,
      ]),
    );
    expect(rows).toEqual(
      (cli.realityCheckThroughput as { id: string; dedicatedUsdTotal: number }[]).map((r) => [
        r.id,
        formatUsd(r.dedicatedUsdTotal),
      ]),
    );
    expect(rows.map((r) => r[0])).toEqual(["derived-throughput", "cache-survival"]);
  });
});

// Newcomer question 4 on the page: Kimi K2.6 on 4 × H100. 4 × 80 GB × 0.9 memory utilisation = 288 GB,
// and its weights need 668 GB: it cannot run there. The page says so in one sentence, names the bytes,
// and keeps the last figures it could price (`compare --gpu H100_80GB --gpus 4` lists the plan as
// unavailable with the same bytes).
describe("a deployment that cannot run", () => {
  it("says why Kimi K2.6 does not fit on 4 × H100, with the bytes", async () => {
    await open("?gpu=H100_80GB&gpus=4");
    expect(await text(".stale")).toBe(
      "Showing the last valid result. Kimi K2.6 (128K)'s weights need 668.0 GB but 4× H100_80GB hold 288.0 GB (at the GPU's memory utilisation): it cannot run there",
    );
    expect(await page.textContent(".page")).not.toMatch(/NaN|Infinity|undefined/);
    expect(errors).toEqual([]);
  });
});

describe("the RL step in the simulation", () => {
  it("simulates sync RL steps and prices the run on every plan, as `simulate --sync sync` does", async () => {
    await open("?passes=1&ttps=20000");
    await page.click("details.survival summary");
    await page.waitForSelector('[data-survival="done"]', { timeout: 60_000 });
    await page.selectOption("#survival-sync", "sync");
    await page.waitForSelector('[data-report="rl-step"]', { timeout: 60_000 });
    await page.waitForFunction(
      () => document.querySelector('[data-figure="rl-train"]')?.textContent !== "0 s",
    );
    const cli = await cliJson([
      ...["simulate", "--model", "kimi-k2p6", "--gpu", "B300_288GB", "--gpus", "8", "--layout", "tp"],
      ...["--concurrency", "256", "--sync", "sync", "--episodes-per-step", "250", "--train-tps", "20000"],
      "--json",
    ]);
    expect(await text('[data-report="rl-step"] h4')).toBe(`The whole RL step: ${cli.rlSteps.steps} steps`);
    const runs = await page.$$eval('[data-table="rl-plans"] tbody tr', (trs) =>
      Object.fromEntries(
        trs.map((tr) => [tr.getAttribute("data-plan"), tr.querySelector('[data-figure="run"]')?.textContent]),
      ),
    );
    for (const plan of cli.plans as { id: string; training?: { usdRun: number } }[]) {
      if (plan.training) expect(runs[plan.id]).toBe(formatUsd(plan.training.usdRun));
    }
    expect(errors).toEqual([]);
  });
});

describe("at 360 px", () => {
  it("shows the verdict and both cards on the first screen, and no table widens the page", async () => {
    const phone = await harness.browser.newPage({ viewport: { width: 360, height: 800 } });
    const phoneErrors = watchErrors(phone);
    await phone.goto(
      `${harness.server.url}?model=qwen3.5-397b&turns=20&initial=4000&added=3000&generated=1000`,
    );
    await phone.waitForSelector(".verdict");
    const bottom = await phone.$$eval(".verdict, .card", (els) =>
      Math.max(...els.map((e) => e.getBoundingClientRect().bottom)),
    );
    expect(bottom).toBeLessThanOrEqual(800);
    await phone.fill("#field-deadline", "6");
    await phone.waitForSelector('[data-report="deadline"]');
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    // The ranked table is stacked: each figure beside its column's name.
    const label = await phone.$eval(
      '.more-plans tbody tr:first-child td[data-figure="total"]',
      (td) => getComputedStyle(td, "::before").content,
    );
    expect(label).toBe('"$ / 1,000 ep"');
    expect(phoneErrors).toEqual([]);
    await phone.close();
  });
});
