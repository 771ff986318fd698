// Issue 14: the helpers of the every-command, every-flag fuzz (test/cli-hostile-fuzz.test.ts): each command
// with a valid base invocation, its flags read off its own parseArgs options, a run in process that cannot
// serve or scrape, and the rules a run given hostile values must keep.
import { PassThrough } from "node:stream";
import { fileURLToPath } from "node:url";
import { runCli } from "../src/cli/run.js";

const example = (path: string) => fileURLToPath(new URL(`../examples/${path}`, import.meta.url));

/** A folder with no index.html: `serve` stops at "the web page is not built" before it listens. */
export const NO_PAGE = fileURLToPath(new URL("./fixtures/no-page-here/", import.meta.url));

/** Each command and a base invocation that exits 0 (serve: 1, its page not found), positionals first. */
export const BASES: Record<string, string[]> = {
  estimate: ["--json"],
  catalog: ["--json"],
  compare: ["--json"],
  analyze: [example("sample.jsonl"), "--json"],
  breakeven: ["--a", "tinker", "--b", "dedicated", "--json"],
  sweep: ["--x", "turns", "--x-values", "1:3"],
  throughput: ["--model", "llama-3.1-8b", "--gpu", "H100_80GB", "--context", "4096", "--json"],
  simulate: ["--model", "llama-3.1-8b", "--gpu", "H100_80GB", "--episodes", "4", "--json"],
  replay: [example("traces/mooncake-synthetic-trace.jsonl.gz"), "--capacities", "1000000", "--json"],
  serve: ["--root", NO_PAGE, "--port", "0"],
  watch: ["http://127.0.0.1:9/metrics", "--json"],
};

/** The commands whose first base argument is a positional (a log, a trace, a URL). */
export const POSITIONAL = new Set(["analyze", "replay", "watch"]);

/** What one in-process run did. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Commands that run until stopped: run with an aborted signal, they stop before they serve or scrape. */
const LONG_RUNNING = new Set(["serve", "watch"]);

/**
 * Runs the CLI in this process with captured output; `serve` and `watch` get an already aborted signal
 * (Ctrl-C before the start), so a valid invocation returns at once instead of serving or scraping.
 */
export async function runHostile(args: string[]): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const stop = new AbortController();
  if (LONG_RUNNING.has(args[0] ?? "")) stop.abort();
  const code = await runCli(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdin: new PassThrough(),
    env: {},
    signal: stop.signal,
  });
  return { code, stdout, stderr };
}

/** A command's flags as its parseArgs options hold them, read from its "unknown option" error. */
export async function flagsOf(command: string): Promise<string[]> {
  const { stderr } = await runHostile([command, "--no-such-flag-zz"]);
  const known = /\(known: ([^)]*)\)/.exec(stderr)?.[1];
  if (known === undefined) throw new Error(`${command}: no flag list in ${JSON.stringify(stderr)}`);
  return known.split(", ").map((flag) => flag.replace(/^--/, ""));
}

/** `base` without `flag` and the value after it (a string flag), so the fuzzed one is given once. */
export function withoutFlag(base: string[], flag: string): string[] {
  const at = base.indexOf(`--${flag}`);
  if (at < 0) return base;
  const next = base[at + 1];
  const takesValue = next !== undefined && !next.startsWith("--");
  return [...base.slice(0, at), ...base.slice(at + (takesValue ? 2 : 1))];
}

/** The arguments giving `--flag` the value `value`: `--flag=value`, or `--flag value` (`sep`). */
export function given(flag: string, value: string, sep: boolean): string[] {
  return sep ? [`--${flag}`, value] : [`--${flag}=${value}`];
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** Documented exit-1 failures: the page not built (serve), the port taken. */
const EXIT_1 = [/^rollout-cost: the web page is not built/, /^rollout-cost: port \d+ is in use/];

/** What a hostile run was given: the command, the flags fuzzed, the values given to them. */
export interface HostileCase {
  command: string;
  flags: string[];
  values: string[];
}

/**
 * What is wrong with a run given hostile values: a stack trace or "internal error", an exit code other
 * than 0 or 2 (1 only where documented), output on stdout with an error, an error that is not exactly
 * one line naming one of the flags given (or the command, when a value became a positional, or the
 * option a value starting with "-" read as), a stderr line of 1,000 characters or more, a raw control
 * character on stderr.
 */
export function problemsOf(given: HostileCase, run: CliRun): string[] {
  const problems: string[] = [];
  const { code, stdout, stderr } = run;
  if (/internal error|\n\s+at /.test(stderr)) problems.push("stack trace / internal error");
  if (CONTROL.test(stderr)) problems.push("raw control character on stderr");
  if (stderr.split("\n").some((line) => line.length >= 1000)) problems.push("stderr line of 1000+ chars");
  if (code === 0) return problems;
  if (code === 1 && !EXIT_1.some((re) => re.test(stderr))) problems.push("undocumented exit 1");
  if (code !== 1 && code !== 2) problems.push(`exit ${code}`);
  if (stdout !== "") problems.push("stdout written with an error");
  if (!stderr.endsWith("\n") || stderr.indexOf("\n") !== stderr.length - 1) problems.push("not one line");
  const names = [
    ...given.flags.map((flag) => `--${flag}`),
    ...given.values.filter((v) => v.startsWith("-")).map((v) => v.split("=")[0] as string),
    ...(POSITIONAL.has(given.command) ? [`${given.command} takes`] : []),
  ];
  if (code === 2 && !names.some((name) => stderr.includes(name))) problems.push("names no flag given");
  return problems;
}

/** A problem and the run it came from, short enough to read in a failed test's diff. */
export function describeProblem(given: HostileCase, run: CliRun, problem: string): string {
  const args = given.flags.map((flag, i) => `--${flag}=${JSON.stringify(given.values[i]?.slice(0, 24))}`);
  return `${given.command} ${args.join(" ")}: ${problem} (exit ${run.code}: ${JSON.stringify(run.stderr.slice(0, 160))})`;
}
