import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runCliInProcess } from "./cli-helpers.js";

const FLAGS = [
  "episodes",
  "turns",
  "initial-prompt",
  "added-per-turn",
  "generated-per-turn",
  "gpus",
  "prompt-tps",
  "decode-tps",
  "model",
  "preset",
] as const;

const value = fc.oneof(
  fc.string(),
  fc.integer().map(String),
  fc.double().map(String),
  fc.constantFrom("", "-0", "1e400", "0x10", "1_000", " 12 ", "١٢", "Infinity", "NaN", "1e-400", "--json"),
);

describe("rollout-cost estimate (fuzzed flags)", () => {
  it("never crashes: exit 0 with finite figures, or exit 2 naming the flag", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FLAGS), value, async (flag, raw) => {
        const { code, stdout, stderr } = await runCliInProcess(["estimate", "--json", `--${flag}=${raw}`]);
        if (code === 0) {
          expect(stdout).not.toMatch(/NaN|Infinity|undefined/);
          JSON.parse(stdout);
        } else {
          expect(code).toBe(2);
          expect(stdout).toBe("");
          expect(stderr).toContain(`--${flag}`);
        }
      }),
      { seed: 42, numRuns: 400 },
    );
  });
});
