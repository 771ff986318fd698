import { spawn } from "node:child_process";
import { openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const BIN = fileURLToPath(new URL("../bin/rollout-cost.js", import.meta.url));
const HOOK = fileURLToPath(new URL("./fixtures/max-rss.mjs", import.meta.url));

/** What a spawned CLI run did: exit code, output, wall time and peak RSS in MiB. */
export interface MeasuredRun {
  code: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
  peakRssMiB: number;
}

/**
 * Runs the built CLI with `args`, its stdin a file (a path, e.g. /dev/zero), a Buffer source called until
 * it returns null, or nothing; measures wall time and peak RSS (process.resourceUsage in the child).
 */
export function measureCli(
  args: string[],
  stdin?: string | (() => Buffer | null),
  timeoutMs = 60_000,
): Promise<MeasuredRun> {
  const rssFile = join(tmpdir(), `rollout-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const started = performance.now();
  const input = typeof stdin === "string" ? openSync(stdin, "r") : "pipe";
  const child = spawn(process.execPath, ["--import", HOOK, BIN, ...args], {
    stdio: [input, "pipe", "pipe"],
    env: { ...process.env, MAX_RSS_FILE: rssFile },
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (c) => (stdout += c));
  child.stderr?.on("data", (c) => (stderr += c));
  if (typeof stdin === "function") {
    const pump = () => {
      let chunk = stdin();
      while (chunk !== null) {
        if (!child.stdin?.write(chunk)) {
          child.stdin?.once("drain", pump);
          return;
        }
        chunk = stdin();
      }
      child.stdin?.end();
    };
    child.stdin?.on("error", () => {});
    pump();
  } else child.stdin?.end();
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  return new Promise((resolve) => {
    child.on("close", (code) => {
      clearTimeout(timer);
      let peakRssMiB = Number.NaN;
      try {
        peakRssMiB = Number(readFileSync(rssFile, "utf8")) / 1024;
        rmSync(rssFile);
      } catch {}
      resolve({ code, stdout, stderr, seconds: (performance.now() - started) / 1000, peakRssMiB });
    });
  });
}

/** A source of `total` bytes in `chunk`-sized pieces, for measureCli's stdin. */
export function repeated(chunk: Buffer, total: number): () => Buffer | null {
  let sent = 0;
  return () => {
    if (sent >= total) return null;
    sent += chunk.length;
    return chunk;
  };
}
