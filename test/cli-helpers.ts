import { spawnSync } from "node:child_process";
import { PassThrough } from "node:stream";
import { fileURLToPath } from "node:url";
import { runCli } from "../src/cli/run.js";

const BIN = fileURLToPath(new URL("../bin/rollout-cost.js", import.meta.url));

/**
 * Runs the built CLI in a child process, as a user would, with `nodeArgs` before the script (`--import`).
 * Needs `npm run build` first (npm test does it).
 */
export function spawnCli(args: string[], input?: string, nodeArgs: string[] = []) {
  const result = spawnSync(process.execPath, [...nodeArgs, BIN, ...args], {
    encoding: "utf8",
    input,
    timeout: 20_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs the CLI in this process with captured output: fast enough for fuzzing. */
export async function runCliInProcess(args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdin: new PassThrough(),
    env: {},
    signal: new AbortController().signal,
  });
  return { code, stdout, stderr };
}

/** `rollout-cost … --json` in this process, parsed; throws with stderr when the command fails. */
export async function cliJson(args: string[]) {
  const r = await runCliInProcess(args.includes("--json") ? args : [...args, "--json"]);
  if (r.code !== 0) throw new Error(`${args.join(" ")}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}
