// Writes the screenshots under docs/screenshots/ that README and the docs show: the first screen with the
// verdict, a log loaded, derived throughput on, and a deadline solved, at 360 and 1440 px, light and
// dark. Run after `npm run build`: npx tsx e2e/docs-screenshots.ts
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { settle, startHarness } from "./harness.js";

const OUT = fileURLToPath(new URL("../docs/screenshots/", import.meta.url));
const SAMPLE_LOG = fileURLToPath(new URL("../examples/sample.jsonl", import.meta.url));
// Newcomer question 1's scenario: Qwen3.5-397B, 20 turns, 4K initial, +3K per turn, 1K generated.
const QWEN = "?model=qwen3.5-397b&turns=20&initial=4000&added=3000&generated=1000";

/** Each view: how to reach it, and what to photograph (null: the first screen). */
const VIEWS: { name: string; reach: (page: Page, url: string) => Promise<void>; element: string | null }[] = [
  {
    name: "verdict",
    reach: async (page, url) => {
      await page.goto(`${url}${QWEN}`);
      await page.waitForSelector(".verdict");
    },
    element: null,
  },
  {
    name: "log",
    reach: async (page, url) => {
      await page.goto(url);
      await page.setInputFiles("#log-file", SAMPLE_LOG);
      await page.waitForSelector('[data-report="log"]');
    },
    element: ".log-drop",
  },
  {
    name: "derived",
    reach: async (page, url) => {
      await page.goto(`${url}?throughput=derived`);
      await page.click("details.advanced summary");
      await page.waitForSelector('.derived-figures[data-derived="ok"]');
    },
    element: ".advanced",
  },
  {
    name: "deadline",
    reach: async (page, url) => {
      await page.goto(`${url}?model=qwen3.5-397b&episodes=50000&throughput=derived&deadline=6`);
      await page.waitForSelector('[data-report="deadline"]');
    },
    element: ".deadline",
  },
];

const harness = await startHarness();
try {
  mkdirSync(OUT, { recursive: true });
  for (const width of [1440, 360]) {
    for (const colorScheme of ["light", "dark"] as const) {
      const page = await harness.browser.newPage({ viewport: { width, height: width > 600 ? 900 : 800 } });
      await page.emulateMedia({ colorScheme });
      for (const view of VIEWS) {
        await view.reach(page, harness.server.url);
        await settle(page);
        const path = `${OUT}${view.name}-${width}-${colorScheme}.png`;
        // An element of the sticky inputs column photographs badly on its own: clip the full page instead.
        await page.evaluate(() => window.scrollTo(0, 0));
        const box = view.element === null ? null : await (await page.$(view.element))?.boundingBox();
        if (box) await page.screenshot({ path, fullPage: true, clip: box });
        else await page.screenshot({ path });
        console.log(path.slice(OUT.length));
      }
      await page.close();
    }
  }
} finally {
  await harness.close();
}
