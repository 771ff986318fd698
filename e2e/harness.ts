// Shared set-up for the browser tests and the page benchmark: the built page served from code on a
// free port, and one headless Chromium (Debian's, or CHROME_PATH).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { runCli } from "../src/cli/run.js";
import { type RunningServer, startStaticServer } from "../src/server/static-server.js";

/** dist/web, written by `npm run build`. */
export const BUILT_PAGE = fileURLToPath(new URL("../dist/web/", import.meta.url));

/** Where tests write screenshots (ignored by git and biome). */
export const TEST_OUTPUT = fileURLToPath(new URL("../test-output/", import.meta.url));

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface Harness {
  server: RunningServer;
  browser: Browser;
  close(): Promise<void>;
}

/** Serves dist/web on 127.0.0.1:0 and launches Chromium; close() stops both. */
export async function startHarness(): Promise<Harness> {
  if (!existsSync(`${BUILT_PAGE}index.html`))
    throw new Error("dist/web is missing: run `npm run build` first");
  const server = await startStaticServer({ root: BUILT_PAGE, host: "127.0.0.1", port: 0 });
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  return {
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Collects uncaught page errors and console errors, so a test can assert there were none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  return errors;
}

/** Resolves after two animation frames: the page has rendered and painted its last change. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
}

/** Any `rollout-cost ... --json`, run in process; throws unless it exits 0. */
export async function cliJson(args: string[]) {
  let stdout = "";
  const code = await runCli(args, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: () => true },
    stdin: process.stdin,
    env: {},
    signal: new AbortController().signal,
  });
  if (code !== 0) throw new Error(`rollout-cost ${args.join(" ")} exited ${code}`);
  return JSON.parse(stdout);
}
