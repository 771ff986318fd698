import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runCliInProcess } from "./cli-helpers.js";

const value = fc.oneof(
  fc.string(),
  fc.integer().map(String),
  fc.double().map(String),
  fc.constantFrom(
    "",
    "-0",
    "1e400",
    "0x10",
    "1_000",
    " 12 ",
    "١٢",
    "Infinity",
    "NaN",
    "1e-400",
    "--json",
    "max",
    "sum",
    ",",
    "a,b",
    "1:2",
    "tinker",
  ),
);

// Each command with the flags it parses; a fuzzed value must give exit 0 with clean output, or exit 2
// with one stderr line naming the flag.
const CASES: [string[], string[]][] = [
  [
    ["compare", "--json"],
    [
      "overlap",
      "context-policy",
      "min-hours",
      "self-hosted",
      "custom-prefill",
      "custom-sample",
      "plans",
      "baseline",
      "train-passes",
      "prices",
      "turns",
      "gpus",
      "preset",
      "model",
    ],
  ],
  [
    ["compare", "--json", "--self-hosted", "3"],
    ["self-hosted-gpu", "self-hosted-gpus", "prompt-tps", "decode-tps"],
  ],
  [
    ["compare", "--json", "--custom-prefill", "1", "--custom-sample", "2"],
    ["custom-cached-prefill", "custom-train"],
  ],
  [
    ["compare", "--json", "--train-passes", "1"],
    ["train-tps", "steps"],
  ],
  [
    ["breakeven", "--json", "--a", "tinker", "--b", "dedicated"],
    ["over", "a", "b", "episodes"],
  ],
  [["breakeven", "--json"], ["deadline-hours"]],
  [
    ["sweep", "--json", "--x", "turns", "--x-values", "1,2"],
    ["y", "x"],
  ],
  [["sweep", "--json", "--x", "turns"], ["x-values"]],
  [["sweep", "--json", "--x", "turns", "--x-values", "1", "--y", "episodes"], ["y-values"]],
];

describe("compare, breakeven and sweep (fuzzed flags)", () => {
  it.each(CASES)(
    "%j never crashes: exit 0 with finite JSON, or exit 2 naming the flag",
    async (base, flags) => {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...flags), value, async (flag, raw) => {
          const { code, stdout, stderr } = await runCliInProcess([...base, `--${flag}=${raw}`]);
          if (code === 0) {
            expect(stdout).not.toMatch(/NaN|Infinity|undefined/);
            JSON.parse(stdout);
          } else {
            expect(code).toBe(2);
            expect(stdout).toBe("");
            expect(stderr.trim().split("\n")).toHaveLength(1);
            expect(stderr).toContain(`--${flag}`);
          }
        }),
        { seed: 42, numRuns: 60 },
      );
    },
  );
});
