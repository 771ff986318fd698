// Issue 14: every command, every flag its parseArgs options hold, hostile values (fixed seed, in process):
// 0 stack traces, every error exactly one line on stderr naming the flag, exit 2 (1 only where documented),
// nothing on stdout with an error, no stderr line of 1,000 characters, no raw control character.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { parseNumberText } from "../src/scenario/number-grammar.js";
import { spawnCli } from "./cli-helpers.js";
import {
  BASES,
  type CliRun,
  describeProblem,
  flagsOf,
  given,
  type HostileCase,
  POSITIONAL,
  problemsOf,
  runHostile,
  withoutFlag,
} from "./hostile-cli.js";
import { measureCli } from "./hostile-helpers.js";

/** The values every flag of every command is given, in both forms (`--flag=value` and `--flag value`). */
const HOSTILE = [
  "x".repeat(100_000),
  "9".repeat(100_000),
  "\u001b[2J\u001b[H",
  "\u001b]0;title\u0007",
  "a\nb",
  "a\r\nb",
  "\u0000",
  "a\u0000b",
  "\u009b31m",
  "__proto__",
  "constructor",
  "toString",
  "1e-300",
  "1e308",
  "1e309",
  "-1e308",
  "-0",
  "NaN",
  "Infinity",
  "-Infinity",
  "1__0",
  "1_",
  " 5",
  "5 ",
  "+5",
  "",
  " ",
  "-1",
  "0",
  "0x10",
  "0b1",
  "1e",
  ".",
  "5K",
  "1.5M",
  "١٢",
  "５",
  "日本語",
  "\u202eevil",
  "\u2028",
  "\ud800",
  "😀",
  "-",
  "--",
  "--json",
  ",",
  ",,",
  ":",
  "1:2:3:4",
  "a=b",
  "../../../etc/passwd",
  "/dev/zero",
  "%00",
];

const COMMANDS = Object.keys(BASES);
const flags = new Map<string, string[]>();
/** "command flag" of each boolean flag: it refuses `--flag=value`, and `--flag value` makes a positional. */
const booleans = new Set<string>();

beforeAll(async () => {
  for (const command of COMMANDS) {
    flags.set(command, await flagsOf(command));
    for (const flag of flags.get(command) ?? []) {
      const { stderr } = await runHostile([command, `--${flag}=1`]);
      if (stderr.includes(`'--${flag}' does not take an argument`)) booleans.add(`${command} ${flag}`);
    }
  }
  expect(booleans.has("estimate json")).toBe(true);
});

/** `simulate` simulates every episode: a valid 1.5M episodes takes minutes, not a hostile-input bug. */
function tooSlow(command: string, value: string): boolean {
  return command === "simulate" && (parseNumberText(value.trim()) ?? 0) > 100;
}

async function problemsFor(hostile: HostileCase, args: string[]): Promise<{ run: CliRun; found: string[] }> {
  const run = await runHostile(args);
  return { run, found: problemsOf(hostile, run).map((p) => describeProblem(hostile, run, p)) };
}

describe("every command's flags", () => {
  it("are read off each command's parseArgs options, and --help names exactly those", async () => {
    const mismatches: string[] = [];
    for (const command of COMMANDS) {
      const known = flags.get(command) ?? [];
      expect(known.length, command).toBeGreaterThan(0);
      const help = (await runHostile([command, "--help"])).stdout;
      const named = [...help.matchAll(/--([a-z*][a-z0-9*-]*)/g)].map((m) => m[1] as string);
      const literal = named.filter((flag) => !flag.includes("*") && flag !== "help");
      const wildcards = named
        .filter((flag) => flag.includes("*"))
        .map((flag) => new RegExp(`^${flag.replaceAll("*", ".*")}$`));
      for (const flag of new Set(literal))
        if (!known.includes(flag)) mismatches.push(`${command} --help names --${flag}, which it refuses`);
      for (const flag of known)
        if (!literal.includes(flag) && !wildcards.some((re) => re.test(flag)))
          mismatches.push(`${command} accepts --${flag}, which its --help does not name`);
    }
    // Before the fix, sweep's --help named the scenario and plan flags (--preset, --model, …) it refused.
    expect(mismatches).toEqual([]);
  });

  it("every command runs its base invocation (exit 0; serve 1: no page in that folder)", async () => {
    for (const command of COMMANDS) {
      const run = await runHostile([command, ...(BASES[command] ?? [])]);
      expect([command, run.code, run.stderr]).toEqual([
        command,
        command === "serve" ? 1 : 0,
        expect.any(String),
      ]);
    }
  });
});

describe("hostile values for every flag of every command", { timeout: 120_000 }, () => {
  it(`each of ${HOSTILE.length} hostile values, in both forms: one line naming the flag, exit 2, never a trace`, async () => {
    const problems: string[] = [];
    let runs = 0;
    for (const command of COMMANDS) {
      const base = BASES[command] ?? [];
      for (const flag of flags.get(command) ?? []) {
        for (const value of HOSTILE) {
          if (tooSlow(command, value)) continue;
          // `--flag value` differs from `--flag=value` for a boolean flag (a positional) or a value with a dash.
          for (const sep of booleans.has(`${command} ${flag}`) || value.startsWith("-")
            ? [false, true]
            : [false]) {
            const hostile = { command, flags: [flag], values: [value] };
            const { found } = await problemsFor(hostile, [
              command,
              ...withoutFlag(base, flag),
              ...given(flag, value, sep),
            ]);
            problems.push(...found);
            runs++;
          }
        }
      }
    }
    expect(runs).toBeGreaterThan(10_000);
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it("a hostile positional (log path, trace path, metrics URL): one line, exit 2, never a trace", async () => {
    const problems: string[] = [];
    for (const command of POSITIONAL) {
      const [, ...rest] = BASES[command] ?? [];
      for (const value of HOSTILE) {
        if (value.startsWith("-")) continue; // a flag, or stdin: not a path
        const run = await runHostile([command, value, ...rest]);
        const hostile = { command, flags: [], values: [value] };
        for (const problem of problemsOf(hostile, run).filter((p) => p !== "names no flag given"))
          problems.push(describeProblem(hostile, run, problem));
        if (run.code !== 0) expect(run.code, `${command} ${JSON.stringify(value.slice(0, 20))}`).toBe(2);
      }
    }
    expect(problems).toEqual([]);
  });

  it("hostile flag names: unknown option, one line, the name cut and freed of controls", async () => {
    for (const command of COMMANDS) {
      for (const name of ["x".repeat(100_000), "\u001b[2J", "a\nb", "__proto__", "\u0000", "-", "=1"]) {
        const run = await runHostile([command, `--${name}`]);
        const hostile = { command, flags: [], values: [] };
        expect(
          problemsOf(hostile, run).filter((p) => p !== "names no flag given"),
          command,
        ).toEqual([]);
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/^rollout-cost: Unknown option '--/);
      }
    }
  });
});

const generatedValue = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.string({
    unit: fc.constantFrom("0", "1", "9", ".", "e", "-", "+", "_", ",", ":", " ", "K", "M"),
    maxLength: 12,
  }),
  fc.double().map(String),
  fc.integer().map(String),
  fc.constantFrom(...HOSTILE),
  fc
    .tuple(
      fc.constantFrom("1", "1e3", "0.5", "5K", "200", "10000000"),
      fc.constantFrom("", " ", "_", "\n", "\u0000", "e999", "__", "%"),
    )
    .map(([a, b]) => a + b),
);

describe("generated hostile values, one to three flags at once (fast-check, fixed seed)", {
  timeout: 120_000,
}, () => {
  it("never a stack trace; an error is one line naming one of the flags given, exit 2", async () => {
    const command = fc.constantFrom(...COMMANDS);
    const scenario = command.chain((name) =>
      fc.record({
        command: fc.constant(name),
        pairs: fc.uniqueArray(fc.tuple(fc.constantFrom(...(flags.get(name) ?? [])), generatedValue), {
          minLength: 1,
          maxLength: 3,
          selector: ([flag]) => flag,
        }),
        sep: fc.boolean(),
      }),
    );
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async ({ command, pairs, sep }) => {
        let base = BASES[command] ?? [];
        for (const [flag] of pairs) base = withoutFlag(base, flag);
        const args = [command, ...base, ...pairs.flatMap(([flag, value]) => given(flag, value, sep))];
        const hostile = { command, flags: pairs.map(([f]) => f), values: pairs.map(([, v]) => v) };
        if (hostile.values.some((value) => tooSlow(command, value))) return;
        const { found } = await problemsFor(hostile, args);
        runs++;
        expect(found).toEqual([]);
      }),
      { seed: 14, numRuns: 3000 },
    );
    expect(runs).toBeGreaterThan(2500); // a few are left out by tooSlow
  });
});

describe("the built CLI, spawned (a handful: what a terminal sees)", () => {
  it.each([
    [["estimate", `--turns=${"x".repeat(100_000)}`], "--turns"],
    [["compare", "--json", "5"], "--json takes no value"],
    [["estimate", "--model=a\nb"], "--model"],
    [["simulate", "--model", "\u001b[2J", "--gpu", "H100_80GB"], "--model"],
    [["serve", "--root", "\u001b[2J\n"], "the web page is not built"],
    [["watch", "http://127.0.0.1:9/metrics", "--api-key-env", "K".repeat(5000)], "is not set"],
  ])("%j: one line naming %s, no control character, no trace", (args, named) => {
    const { code, stdout, stderr } = spawnCli(args as string[]);
    expect(stdout).toBe("");
    expect(stderr).toContain(named);
    expect(stderr.indexOf("\n")).toBe(stderr.length - 1);
    expect(stderr.length).toBeLessThan(1000);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the point
    expect(stderr.slice(0, -1)).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(code).toBe(args[0] === "serve" ? 1 : 2);
  });
});

describe("replay, like analyze, bounds what it reads and reports a cut .gz (issue 14)", () => {
  it("/dev/zero on stdin stops at the 64 MiB line bound: exit 2, one line, bounded memory", async () => {
    // Before: the line grew without bound (as analyze's did: 3 GB in 8 s).
    const run = await measureCli(["replay", "-"], "/dev/zero");
    expect(run.stderr).toBe(
      'rollout-cost: "-": a line is longer than 67108864 bytes, the longest a line may be\n',
    );
    expect(run.code).toBe(2);
    // Node's own ~55 MiB plus the 64 MiB line at most (measured: 115 MiB).
    expect(run.peakRssMiB).toBeLessThan(250);
  });

  it("a .gz trace cut in half is read up to the cut and says so (before: reported as complete)", async () => {
    const whole = readFileSync(
      fileURLToPath(new URL("../examples/traces/mooncake-synthetic-trace.jsonl.gz", import.meta.url)),
    );
    const dir = mkdtempSync(join(tmpdir(), "rollout-replay-cut-"));
    try {
      const path = join(dir, "cut.jsonl.gz");
      writeFileSync(path, whole.subarray(0, Math.floor(whole.length / 2)));
      const run = await runHostile(["replay", path, "--capacities", "1000000", "--json"]);
      expect(run.code).toBe(0);
      const json = JSON.parse(run.stdout);
      // The whole trace has 3,993 lines; half of its compressed bytes hold about half of them.
      expect(json.lines).toBeGreaterThan(1000);
      expect(json.lines).toBeLessThan(3993);
      expect(json.warnings).toContainEqual(
        expect.stringMatching(
          /^the gzip stream stops early \(unexpected end of file after \d+ compressed bytes\): the rest of the trace is missing$/,
        ),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("/dev/zero as the path is refused at once (before: an internal error with a stack trace)", () => {
    const { code, stdout, stderr } = spawnCli(["replay", "/dev/zero"]);
    expect({ code, stdout, stderr }).toEqual({
      code: 2,
      stdout: "",
      stderr: 'rollout-cost: cannot read "/dev/zero": not a regular file or a pipe (use - for stdin)\n',
    });
  });
});
