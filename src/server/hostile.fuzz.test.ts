// Issue 14, finding 7 and the server's half of finding 5 (fixed seeds): raw hostile requests never get a
// 5xx, a dotfile or a file outside the folder, and are answered only for the server's own Host; a
// hostile --host is refused as one line, never a stack trace.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { connect, isIP } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../cli/run.js";
import { listenHost } from "./host-name.js";
import { type RunningServer, startStaticServer } from "./static-server.js";

const SECRET = "SECRET-DOTFILE";
let base: string;
let server: RunningServer;

beforeAll(async () => {
  base = mkdtempSync(path.join(tmpdir(), "rollout-serve-fuzz-"));
  mkdirSync(path.join(base, ".git"));
  writeFileSync(path.join(base, "index.html"), "<title>page</title>");
  writeFileSync(path.join(base, ".env"), SECRET);
  writeFileSync(path.join(base, ".git", "config"), SECRET);
  server = await startStaticServer({ root: base, host: "127.0.0.1", port: 0 });
});
afterAll(async () => {
  await server?.close();
  rmSync(base, { recursive: true, force: true });
});

/**
 * Sends `raw` bytes (not half-closing: the server would drop the socket) and resolves with the status
 * (0 if the server closed without a status line, or had not answered within 200 ms).
 */
function send(raw: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const socket = connect(server.port, "127.0.0.1");
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => socket.destroy(), 200);
    socket.on("data", (c) => chunks.push(c));
    socket.on("error", () => {});
    socket.on("close", () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString("latin1");
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1] ?? 0);
      resolve({ status, body: text });
    });
    socket.write(raw, "latin1");
  });
}

describe("the static server under raw hostile requests (fuzz)", () => {
  it("never answers 5xx or a dotfile, and answers 200 only for its own Host", async () => {
    const own = () => `127.0.0.1:${server.port}`;
    const host = fc.oneof(
      fc.constantFrom("OWN", "localhost:PORT"),
      fc.constantFrom(
        "OWN",
        "localhost:PORT",
        "[::1]:PORT",
        "evil.example",
        "127.0.0.1",
        "127.0.0.1:1",
        "",
        "localhost:PORT.evil",
      ),
      fc.string({ maxLength: 40 }),
    );
    const target = fc.oneof(
      fc.constantFrom("/", "/index.html"),
      fc.constantFrom(
        "/",
        "/index.html",
        "/.env",
        "/.git/config",
        "/%2eenv",
        "/.%67it/config",
        "/..",
        "*",
        "//.env",
      ),
      fc.string({ maxLength: 30 }).map((s) => `/${s}`),
    );
    const method = fc.oneof(
      fc.constantFrom("GET", "HEAD"),
      fc.constantFrom("POST", "OPTIONS", "get", "TRACE", "CONNECT", ""),
    );
    let served = 0;
    await fc.assert(
      fc.asyncProperty(method, target, host, fc.boolean(), async (m, t, h, withHost) => {
        const hostValue = h.replace("OWN", own()).replaceAll("PORT", String(server.port));
        const raw = `${m} ${t} HTTP/1.1\r\n${withHost ? `Host: ${hostValue}\r\n` : ""}Connection: close\r\n\r\n`;
        const { status, body } = await send(raw);
        // 0: closed unanswered (CONNECT, a request line Node's parser refuses).
        if (status !== 0) expect(status).toBeGreaterThanOrEqual(200);
        expect(status).toBeLessThan(500);
        if (status === 200) served++;
        expect(body).not.toContain(SECRET);
        if (status === 200)
          expect([own(), `localhost:${server.port}`, `[::1]:${server.port}`]).toContain(
            hostValue.toLowerCase(),
          );
      }),
      { seed: 1414, numRuns: 400 },
    );
    // The property is not vacuous: some requests were for the page, with the right Host.
    expect(served).toBeGreaterThan(5);
  });

  it("survives garbage bytes and keeps serving", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200, unit: "binary" }), async (garbage) => {
        // A complete head after the garbage, so the server answers (400) rather than waits.
        const { status } = await send(`${garbage}\r\n\r\n`);
        expect(status).toBeLessThan(500);
      }),
      { seed: 1415, numRuns: 100 },
    );
    const { status } = await send(
      `GET / HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nConnection: close\r\n\r\n`,
    );
    expect(status).toBe(200);
  });
});

describe("serve --host (fuzz)", () => {
  it("listenHost never throws and accepts only names and addresses", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const host = listenHost(text, isIP);
        if (host !== null) expect(isIP(host) !== 0 || /^[A-Za-z0-9_.-]{1,253}$/.test(host)).toBe(true);
      }),
      { seed: 1416, numRuns: 5000 },
    );
  });

  it("refuses every hostile --host with exit 2 and one line", async () => {
    const hostile = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.constantFrom("a".repeat(254), "[::1", "::1]", "1.2.3", "a..b", "-a", "a b", "\u001b[2J"),
    );
    await fc.assert(
      fc.asyncProperty(
        hostile.filter((h) => listenHost(h, isIP) === null && !h.startsWith("-")),
        async (host) => {
          let stdout = "";
          let stderr = "";
          const code = await runCli(["serve", "--port", "0", "--root", base, "--host", host], {
            stdout: { write: (t: string) => (stdout += t) },
            stderr: { write: (t: string) => (stderr += t) },
            stdin: process.stdin,
            env: {},
            signal: new AbortController().signal,
          });
          expect(code).toBe(2);
          expect(stdout).toBe("");
          expect(stderr).toMatch(/^rollout-cost: --host must be an IP address or a host name [^\n]*\n$/);
          expect(stderr.length).toBeLessThan(300);
        },
      ),
      { seed: 1417, numRuns: 300 },
    );
  });
});
