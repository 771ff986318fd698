// Issue 14, finding 2: `throughput --model-config /dev/zero` read forever. Every file a flag names is now
// a regular file of bounded size, checked on the opened file.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { measureCli } from "./hostile-helpers.js";

const dir = mkdtempSync(join(tmpdir(), "rollout-model-config-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const big = join(dir, "big.json");
writeFileSync(big, Buffer.alloc(17 * 1024 * 1024, 32));
const fifo = join(dir, "config.fifo");
execFileSync("mkfifo", [fifo]);

describe("throughput --model-config on what is not a small regular file", { timeout: 30_000 }, () => {
  it.each([
    ["/dev/zero", "/dev/zero"],
    ["a folder", dir],
    ["a FIFO with no writer", fifo],
    ["a 17 MiB file", big],
  ])("%s: exit 2 at once, one line naming the flag", async (_what, path) => {
    const run = await measureCli([
      "throughput",
      "--model-config",
      path,
      "--gpu",
      "H100_80GB",
      "--context",
      "8",
    ]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      `rollout-cost: --model-config: "${path}" must be a regular file of at most 16777216 bytes\n`,
    );
    expect(run.seconds).toBeLessThan(10);
    expect(run.peakRssMiB).toBeLessThan(200);
  });
});
