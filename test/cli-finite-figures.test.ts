// Issue 14: every accepted input gives finite figures. The extremes of every range (most episodes, turns
// and tokens, the slowest throughput) through compare, estimate, breakeven and sweep --json: every number
// in the JSON finite, and a null only where the same object says why (a note or a reason).
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { LIMITS } from "../src/core/limits.js";
import { runCliInProcess } from "./cli-helpers.js";

/**
 * Each place in `value` that is a non-finite number, or a null no rule allows: a figure beside a note or
 * reason that says why it is missing, or one `allowed(key, parent)` accepts.
 */
function figureProblems(
  value: unknown,
  allowed: (key: string, parent: Record<string, unknown>) => boolean = () => false,
  path = "$",
  key = "",
  parent: Record<string, unknown> = {},
): string[] {
  if (typeof value === "number") return Number.isFinite(value) ? [] : [`${path} = ${value}`];
  if (value === null) {
    const why = ["note", "reason"].some((k) => typeof parent[k] === "string" && parent[k] !== "");
    return why || allowed(key, parent) ? [] : [`${path} = null with no note or reason`];
  }
  if (Array.isArray(value))
    return value.flatMap((v, i) => figureProblems(v, allowed, `${path}[${i}]`, key, parent));
  if (typeof value === "object") {
    const record = value as Record<string, unknown>;
    return Object.entries(record).flatMap(([k, v]) => figureProblems(v, allowed, `${path}.${k}`, k, record));
  }
  return [];
}

/** The per-token plans of each preset: a sweep row's clusterHours is null for them (no cluster is rented). */
const perTokenIds = new Set<string>();

/** The nulls that are not missing figures: hours of per-token plans, a ratio to a $0 baseline, no GPU bound. */
function allowedNull(json: Record<string, unknown>) {
  const plans = (Array.isArray(json.plans) ? json.plans : []) as { id: string; usdTotal: number }[];
  const baseline = plans.find((p) => p.id === json.baseline);
  return (key: string, parent: Record<string, unknown>) =>
    (key === "clusterHours" && perTokenIds.has(String(parent.plan))) ||
    (key === "vsBaselineRatio" && baseline?.usdTotal === 0) ||
    // A workload of no tokens is at par with any number of GPUs: the table prints "any number".
    (key === "maxGpus" && parent.minPromptTokensPerSecond === 0 && parent.minDecodeTokensPerSecond === 0);
}

const T = LIMITS.tokens.max;
const extreme = {
  episodes: fc.constantFrom(LIMITS.episodes.min, LIMITS.episodes.max, 777_777),
  turns: fc.constantFrom(LIMITS.turns.min, LIMITS.turns.max, 37),
  "initial-prompt": fc.constantFrom(0, T, 1),
  "added-per-turn": fc.constantFrom(0, T, 1),
  "generated-per-turn": fc.constantFrom(0, T, 1),
  "prompt-tps": fc.constantFrom(LIMITS.tokensPerSecond.min, LIMITS.tokensPerSecond.max, 0.0015),
  "decode-tps": fc.constantFrom(LIMITS.tokensPerSecond.min, LIMITS.tokensPerSecond.max, 0.0015),
  gpus: fc.constantFrom(1, 1_000_000, 8),
  preset: fc.constantFrom("reference", "current"),
};
const workload = fc.record(extreme, { requiredKeys: [] });
const asFlags = (values: Record<string, unknown>) =>
  Object.entries(values).flatMap(([flag, v]) => [`--${flag}`, String(v)]);

describe("accepted extreme inputs give finite figures (issue 14)", { timeout: 60_000 }, () => {
  beforeAll(async () => {
    for (const preset of ["reference", "current"]) {
      const json = JSON.parse((await runCliInProcess(["compare", "--preset", preset, "--json"])).stdout);
      for (const plan of json.plans as { id: string; kind: string }[])
        if (plan.kind === "per-token") perTokenIds.add(plan.id);
    }
    expect(perTokenIds.has("tinker")).toBe(true);
  });

  it("compare --prompt-tps 1e-300 on the largest workload is refused, naming --prompt-tps", async () => {
    const args = ["compare", "--prompt-tps", "1e-300", "--episodes", "10000000", "--turns", "200"];
    const run = await runCliInProcess([...args, "--added-per-turn", "10000000", "--json"]);
    // Before: exit 0 with "usdTotal": null and no warning.
    expect(run).toEqual({
      code: 2,
      stdout: "",
      stderr: expect.stringMatching(
        /^rollout-cost: --prompt-tps must be a number >= 0\.001 .*, got "1e-300"\n$/,
      ),
    });
  });

  it("the largest workload at the slowest throughput: compare --json has only finite figures", async () => {
    const args = asFlags({
      episodes: LIMITS.episodes.max,
      turns: LIMITS.turns.max,
      "initial-prompt": T,
      "added-per-turn": T,
      "generated-per-turn": T,
      "prompt-tps": LIMITS.tokensPerSecond.min,
      "decode-tps": LIMITS.tokensPerSecond.min,
    });
    const run = await runCliInProcess(["compare", ...args, "--json"]);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(figureProblems(json)).toEqual([]);
    // The dedicated plan's cache keeps the prefix, so an episode prefills 10^7 + 199·10^7 = 2·10^9 tokens and
    // decodes 200·10^7 = 2·10^9; at 0.001 tok/s each, overlapped ("max"), that is 2·10^12 s an episode,
    // 2·10^19 s for 10^7 episodes = 5.5556·10^15 cluster-hours × $96 (8 GPUs × $12) = $5.3333·10^17.
    const dedicated = (json.plans as { id: string; usdTotal: number }[]).find((p) => p.id === "dedicated");
    expect((dedicated?.usdTotal ?? 0) / 5.333_333_333_333_333e17).toBeCloseTo(1, 9);
  });

  it.each([
    ["compare", ["--json"]],
    ["estimate", ["--json"]],
    ["breakeven", ["--a", "tinker", "--b", "dedicated", "--json"]],
    ["breakeven", ["--a", "tinker", "--b", "dedicated", "--over", "episodes", "--json"]],
    ["breakeven", ["--deadline-hours", "0.001", "--json"]],
    ["sweep", ["--x", "episodes", "--x-values", "1,10000000", "--json"]],
  ])("%s %j: every number finite, no unexplained null, over 60 extreme workloads", async (command, extra) => {
    await fc.assert(
      fc.asyncProperty(workload, async (values) => {
        const flags = command === "estimate" ? { ...values, preset: undefined } : values;
        const clean = Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined));
        const omit = command === "sweep" ? ["episodes"] : [];
        const args = asFlags(Object.fromEntries(Object.entries(clean).filter(([k]) => !omit.includes(k))));
        const run = await runCliInProcess([command, ...extra, ...args]);
        expect(run.stderr).not.toContain("internal error");
        if (run.code !== 0) {
          // The context policy may refuse an episode past the window; that is one line naming the flag.
          expect(run.code).toBe(2);
          expect(run.stderr).toMatch(/^rollout-cost: .*--/);
          return;
        }
        expect(run.stdout).not.toMatch(/NaN|Infinity/);
        const json = JSON.parse(run.stdout);
        expect(figureProblems(json, allowedNull(json))).toEqual([]);
      }),
      { seed: 1414, numRuns: 60 },
    );
  });
});
