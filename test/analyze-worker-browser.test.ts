// The analyze worker bundled by Vite and run in headless Chromium on the committed sample, plain and
// gzipped: the page's drop zone will post a File to exactly this.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { type Browser, chromium } from "playwright-core";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM_ARGS } from "../e2e/harness.js";
import { type RunningServer, startStaticServer } from "../src/server/static-server.js";

const CHROME = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const WORKER = fileURLToPath(new URL("../src/web/workers/analyze-worker.ts", import.meta.url));
const SAMPLE = readFileSync(new URL("../examples/sample.jsonl", import.meta.url));

describe("analyze worker in Chromium", () => {
  const dir = mkdtempSync(join(tmpdir(), "rollout-worker-"));
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    await build({
      configFile: false,
      logLevel: "silent",
      build: {
        outDir: dir,
        emptyOutDir: false,
        target: "es2022",
        lib: { entry: WORKER, formats: ["es"], fileName: () => "analyze-worker.js" },
      },
    });
    writeFileSync(join(dir, "index.html"), "<!doctype html><title>worker</title>");
    server = await startStaticServer({ root: dir, host: "127.0.0.1", port: 0 });
    browser = await chromium.launch({ executablePath: CHROME, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ["sample.jsonl", SAMPLE],
    ["sample.jsonl.gz", gzipSync(SAMPLE)],
  ])("reads %s: progress, then the analysis and the fitted shape", async (name, bytes) => {
    const page = await browser.newPage();
    await page.goto(server.url);
    const result = await page.evaluate(
      async ({ name, base64 }) => {
        const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const worker = new Worker("./analyze-worker.js", { type: "module" });
        return await new Promise<{ types: string[]; last: Record<string, unknown> }>((resolve) => {
          const types: string[] = [];
          worker.onmessage = (event) => {
            types.push(event.data.type);
            if (event.data.type !== "progress") resolve({ types, last: event.data });
          };
          worker.postMessage({
            type: "analyze",
            file: new File([data], name),
            options: { contextWindowTokens: 128000 },
          });
        });
      },
      { name, base64: Buffer.from(bytes).toString("base64") },
    );
    await page.close();
    expect(result.types).toEqual(["progress", "done"]);
    const done = result.last as {
      analysis: { requests: number; skippedTotal: number; episodes: number };
      fitted: { workload: { episodes: number } };
    };
    expect(done.analysis).toMatchObject({ requests: 124, skippedTotal: 7, episodes: 20 });
    expect(done.fitted.workload.episodes).toBe(20);
  });
});
