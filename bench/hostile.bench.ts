// Hostile inputs to `rollout-cost analyze` (issue 14): wall time and peak RSS of the whole CLI on each,
// and how it ended. BENCH_HOSTILE_GIB sets the bare-line-break and gzip-bomb sizes (default 8, as the probe).
import { spawn } from "node:child_process";
import { mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const BIN = fileURLToPath(new URL("../bin/rollout-cost.js", import.meta.url));
const HOOK = fileURLToPath(new URL("../test/fixtures/max-rss.mjs", import.meta.url));
const MIB = 2 ** 20;

/** Runs the CLI with stdin from a file or from `pump` (called until null); exit code, seconds, peak RSS. */
function run(args: string[], stdin: string | (() => Buffer | null)) {
  const rssFile = join(tmpdir(), `rollout-bench-rss-${process.pid}`);
  const start = process.hrtime.bigint();
  const child = spawn(process.execPath, ["--import", HOOK, BIN, ...args], {
    stdio: [typeof stdin === "string" ? openSync(stdin, "r") : "pipe", "pipe", "pipe"],
    env: { ...process.env, MAX_RSS_FILE: rssFile },
  });
  let stderr = "";
  let stdout = "";
  child.stderr?.on("data", (c) => (stderr += c));
  child.stdout?.on("data", (c) => (stdout += c));
  if (typeof stdin === "function") {
    child.stdin?.on("error", () => {});
    const pump = () => {
      for (let chunk = stdin(); chunk !== null; chunk = stdin())
        if (!child.stdin?.write(chunk)) return void child.stdin?.once("drain", pump);
      child.stdin?.end();
    };
    pump();
  }
  return new Promise<{
    code: number | null;
    seconds: number;
    rssMiB: number;
    stderr: string;
    stdout: string;
  }>((resolve) =>
    child.on("close", (code) => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      const rssMiB = Number(readFileSync(rssFile, "utf8")) / 1024;
      rmSync(rssFile, { force: true });
      resolve({ code, seconds, rssMiB, stderr, stdout });
    }),
  );
}

function repeated(chunk: Buffer, total: number): () => Buffer | null {
  let sent = 0;
  return () => {
    if (sent >= total) return null;
    sent += chunk.length;
    return chunk;
  };
}

export async function main(): Promise<void> {
  const gib = Number(process.env.BENCH_HOSTILE_GIB ?? 8);
  const dir = mkdtempSync(join(tmpdir(), "rollout-bench-hostile-"));
  try {
    const nulMember = gzipSync(Buffer.alloc(64 * MIB));
    const bomb = join(dir, "bomb.gz");
    writeFileSync(bomb, Buffer.concat(Array.from({ length: gib * 16 }, () => nulMember)));
    const nlMember = gzipSync(Buffer.alloc(64 * MIB, 10));
    const cases: [string, string[], string | (() => Buffer | null)][] = [
      ["/dev/zero on stdin", ["analyze", "-"], "/dev/zero"],
      [
        `${gib} GiB of NUL bytes as .gz (${((nulMember.length * gib * 16) / MIB).toFixed(0)} MiB file)`,
        ["analyze", bomb],
        "/dev/null",
      ],
      [
        `${gib} GiB of line breaks as .gz, on stdin`,
        ["analyze", "-"],
        repeated(nlMember, nlMember.length * gib * 16),
      ],
      [
        `${gib} GiB of bare line breaks on stdin`,
        ["analyze", "-", "--json"],
        repeated(Buffer.alloc(4 * MIB, 10), gib * 1024 * MIB),
      ],
      [
        "a 1 GiB line with no line break, on stdin",
        ["analyze", "-"],
        repeated(Buffer.alloc(4 * MIB, 97), 1024 * MIB),
      ],
    ];
    for (const [name, args, stdin] of cases) {
      const r = await run(args, stdin);
      const how =
        r.code === 0
          ? `exit 0, ${JSON.parse(r.stdout).input?.blankLines ?? "?"} blank lines`
          : `exit ${r.code}: ${r.stderr.trim().slice(0, 90)}`;
      console.log(`${name}: ${r.seconds.toFixed(2)} s, peak RSS ${r.rssMiB.toFixed(0)} MiB, ${how}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
