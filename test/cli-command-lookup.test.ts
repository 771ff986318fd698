import { describe, expect, it } from "vitest";
import { runCliInProcess, spawnCli } from "./cli-helpers.js";

// Issue 14, finding 5: the command table was a plain object, so Object.prototype's names were "commands".
describe("command lookup", () => {
  it.each(["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "isPrototypeOf"])(
    "%s is an unknown command: exit 2, one line, nothing on stdout",
    async (name) => {
      const { code, stdout, stderr } = await runCliInProcess([name]);
      expect(code).toBe(2);
      expect(stdout).toBe("");
      expect(stderr).toBe(
        `rollout-cost: unknown command: "${name}" (known: estimate, catalog, compare, analyze, breakeven, sweep, throughput, simulate, replay, serve, watch)\n`,
      );
    },
  );

  it("the built CLI answers __proto__ with one line and no stack trace", () => {
    const { code, stdout, stderr } = spawnCli(["__proto__"]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).not.toContain("internal error");
  });

  it("an unknown command with control characters is echoed quoted and stripped", async () => {
    const { code, stderr } = await runCliInProcess(["\u001b[2Jx\nline"]);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown command: "�[2Jx�line"');
    expect(stderr.trim().split("\n")).toHaveLength(1);
  });
});
