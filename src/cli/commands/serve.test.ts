import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../run.js";

const root = mkdtempSync(path.join(tmpdir(), "rollout-serve-cmd-"));
writeFileSync(path.join(root, "index.html"), "<!doctype html><title>calc</title>");
afterAll(() => rmSync(root, { recursive: true, force: true }));

function fakeContext(env: Record<string, string> = {}) {
  const controller = new AbortController();
  const out = { stdout: "", stderr: "" };
  const context = {
    stdout: { write: (text: string) => (out.stdout += text) },
    stderr: { write: (text: string) => (out.stderr += text) },
    stdin: process.stdin,
    env,
    signal: controller.signal,
  };
  return { context, out, controller };
}

async function waitFor(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
}

describe("rollout-cost serve", () => {
  it("serves the folder on 127.0.0.1, prints the URL, and stops when the signal aborts", async () => {
    const { context, out, controller } = fakeContext();
    const done = runCli(["serve", "--port", "0", "--root", root], context);
    await waitFor(() => out.stdout.includes("http://"));
    const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(out.stdout)?.[0];
    expect(url).toBeDefined();
    const response = await fetch(url as string);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("<title>calc</title>");
    controller.abort();
    expect(await done).toBe(0);
    expect(out.stdout).toContain("Stopped.");
    await expect(fetch(url as string)).rejects.toThrow();
  });

  it("takes the port from PORT when --port is absent", async () => {
    const port = await freePort();
    const { context, out, controller } = fakeContext({ PORT: String(port) });
    const done = runCli(["serve", "--root", root], context);
    await waitFor(() => out.stdout.includes("http://"));
    expect(out.stdout).toContain(`http://127.0.0.1:${port}/`);
    controller.abort();
    expect(await done).toBe(0);
  });

  // Bad input: exit 2, one stderr line naming the flag (or variable), the value and what is allowed.
  it.each([
    [["--port", "0", "--host", "[::1]x"], {}, "--host must be an IP address or a host name"],
    [["--port", "http"], {}, '--port must be an integer from 0 to 65535, got "http"'],
    [["--port", "70000"], {}, '--port must be an integer from 0 to 65535, got "70000"'],
    [["--port", "-1"], {}, '--port must be an integer from 0 to 65535, got "-1"'],
    [[], { PORT: "eighty" }, 'PORT must be an integer from 0 to 65535, got "eighty"'],
    [
      ["--host", "a b"],
      {},
      '--host must be an IP address or a host name (at most 253 characters, labels of letters, digits, - or _), got "a b"',
    ],
    [["--host", "a".repeat(254)], {}, `--host must be an IP address or a host name`],
    [["--host", `${"a".repeat(64)}.example`], {}, `--host must be an IP address or a host name`],
    [["--host", "a\u001b[2J"], {}, 'got "a�[2J"'],
    [["--host", "x-.example"], {}, "--host must be an IP address or a host name"],
    [["--host", "999.1.1.1"], {}, "--host must be an IP address or a host name"],
    [["--host", "[localhost]"], {}, "--host must be an IP address or a host name"],
    [
      ["--port", "0", "--host", "no-such-host.invalid"],
      {},
      '--host: cannot listen on "no-such-host.invalid" port 0',
    ],
    [
      ["--port", "0", "--host", "192.0.2.1"],
      {},
      '--host: cannot listen on "192.0.2.1" port 0 ("EADDRNOTAVAIL")',
    ],
    [["--bogus"], {}, "Unknown option '--bogus'"],
  ])("serve %j with env %j exits 2 naming the input", async (args, env, message) => {
    const { context, out } = fakeContext(env as Record<string, string>);
    expect(await runCli(["serve", ...args, "--root", root], context)).toBe(2);
    expect(out.stdout).toBe("");
    expect(out.stderr.split("\n").filter(Boolean)).toHaveLength(1);
    expect(out.stderr).toContain(message);
  });

  it("exits 1 telling to run `npm run build` when the page is not built", async () => {
    const { context, out } = fakeContext();
    expect(await runCli(["serve", "--port", "0", "--root", path.join(root, "missing")], context)).toBe(1);
    expect(out.stderr).toContain("run `npm run build` first");
    expect(out.stdout).toBe("");
  });

  it("exits 1 when the port is taken", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const port = (blocker.address() as { port: number }).port;
    const { context, out } = fakeContext();
    expect(await runCli(["serve", "--port", String(port), "--root", root], context)).toBe(1);
    expect(out.stderr).toContain(`port ${port} is in use`);
    await new Promise((resolve) => blocker.close(resolve));
  });

  it("runs as a real process on the built page and stops cleanly on SIGINT", async () => {
    const child = spawn(process.execPath, ["bin/rollout-cost.js", "serve", "--port", "0"], {
      cwd: path.resolve(import.meta.dirname, "../../.."),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    await waitFor(() => stdout.includes("http://") || child.exitCode !== null);
    const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(stdout)?.[0] as string;
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(await response.text()).toMatch(
      /<script type="module" crossorigin src="\.\/assets\/[\w-]+\.js"><\/script>/,
    );
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    child.kill("SIGINT");
    expect(await exited).toBe(0);
    expect(stdout).toContain("Stopped.");
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
