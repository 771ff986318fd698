import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeLog } from "../examples/write-log.js";
import { runCliInProcess, spawnCli } from "./cli-helpers.js";

const dir = mkdtempSync(join(tmpdir(), "rollout-threads-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Past the 8 MiB below which a file is never split; shuffled, with bad lines of every kind.
const LOG = join(dir, "big.jsonl");
const truth = writeLog(LOG, { seed: 13, episodes: 2600, badLinesPerKind: 4, shuffle: true });

describe("rollout-cost analyze --threads", () => {
  it("gives the one-thread report exactly, from the built CLI (workers from dist) and in process", async () => {
    expect(statSync(LOG).size).toBeGreaterThan(8 << 20);
    const one = spawnCli(["analyze", LOG, "--json", "--threads", "1"]);
    const three = spawnCli(["analyze", LOG, "--json", "--threads", "3"]);
    expect(one.code).toBe(0);
    expect(three.stderr).toBe("");
    expect(three.stdout).toBe(one.stdout);
    const json = JSON.parse(one.stdout);
    expect(json.requests).toBe(truth.requests);
    expect(json.skippedTotal).toBeGreaterThan(20);
    const inProcess = await runCliInProcess(["analyze", LOG, "--csv", "--threads", "2"]);
    const csvOne = spawnCli(["analyze", LOG, "--csv", "--threads", "1"]);
    expect(inProcess.code).toBe(0);
    expect(inProcess.stdout).toBe(csvOne.stdout);
  }, 120_000);

  it.each(["0", "65", "1.5", "two"])("refuses --threads %s (exit 2, one line)", async (value) => {
    const { code, stdout, stderr } = await runCliInProcess(["analyze", LOG, "--threads", value]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^rollout-cost: --threads must be an integer from 1 to 64, got "[^"]+"\n$/);
  });
});
