import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const BIN = fileURLToPath(new URL("../bin/rollout-cost.js", import.meta.url));
const scrape = readFileSync(new URL("fixtures/metrics/vllm/scrape-1.txt", import.meta.url), "utf8");

// A real process of the built CLI (npm test builds first): Ctrl-C reaches it as SIGINT through main.ts.
describe("node bin/rollout-cost.js watch", () => {
  it("stops on SIGINT with exit 0 and a closing summary", async () => {
    let requests = 0;
    const server = createServer((_request, response) => {
      requests++;
      response.writeHead(200, { "content-type": "text/plain; version=0.0.4" });
      response.end(scrape);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const child = spawn(process.execPath, [
      BIN,
      "watch",
      `http://127.0.0.1:${port}/metrics`,
      "--interval",
      "0.05",
      "--duration",
      "60",
      "--json",
    ]);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const started = Date.now();
    while (requests < 3 && Date.now() - started < 15_000) await new Promise((r) => setTimeout(r, 20));
    child.kill("SIGINT");
    const code = await exited;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const last = JSON.parse(stdout.trim().split("\n").at(-1) ?? "null");
    expect(last).toMatchObject({ type: "summary", stopped: "interrupted", failedScrapes: 0 });
    expect(last.scrapes).toBeGreaterThanOrEqual(3);
  });

  it("stops without a crash when its reader goes away (| head -2)", async () => {
    const server = createServer((_request, response) => {
      response.writeHead(200, { "content-type": "text/plain; version=0.0.4" });
      response.end(scrape);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}/metrics`;
    const child = spawn(process.execPath, [
      BIN,
      "watch",
      url,
      "--interval",
      "0.05",
      "--duration",
      "60",
      "--json",
    ]);
    let stderr = "";
    let lines = 0;
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.stdout.on("data", (chunk: Buffer) => {
      lines += chunk.toString().split("\n").length - 1;
      if (lines >= 2) child.stdout.destroy();
    });
    const started = Date.now();
    const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});
