// Issue 14, finding 4: text from a log or an imported price map reached the terminal raw (a line starting
// ESC[2J ESC[H cleared the screen), and human `compare` output was quadratic in a price key's length.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { spawnCli } from "./cli-helpers.js";
import { measureCli } from "./hostile-helpers.js";

const dir = mkdtempSync(join(tmpdir(), "rollout-untrusted-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ESC = "\u001b";
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the test
const CONTROL_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

function write(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const record = (episode: string, turn: number) =>
  JSON.stringify({
    episode_id: episode,
    turn,
    usage: { prompt_tokens: 100 * turn, completion_tokens: 10, prompt_tokens_details: { cached_tokens: 0 } },
  });

describe("analyze never prints a log's control characters", () => {
  const log = write(
    "hostile.jsonl",
    [
      `${ESC}[2J${ESC}[H{"not": json`,
      `{"episode_id": "x${ESC}]0;pwned${"\u0007"}", "turn": "${ESC}[31m"}`,
      record(`ep${ESC}[2J`, 1),
      record(`ep${ESC}[2J`, 2),
      record("\u202eevil", 1),
      `${"y".repeat(5000)}${ESC}[2J`,
    ].join("\n"),
  );

  it.each([[[]], [["--csv"]], [["--json"]]])("analyze %j: no control character but line breaks", (flags) => {
    const run = spawnCli(["analyze", log, ...flags]);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(CONTROL_BUT_NEWLINE);
    expect(run.stdout).not.toContain("\u202e");
  });

  it("the skip report quotes bad lines cut short", () => {
    const run = spawnCli(["analyze", log]);
    const report = run.stdout.split("\n").filter((l) => /^ {2}line \d+:/.test(l));
    expect(report.length).toBeGreaterThanOrEqual(3);
    for (const line of report) expect(line.length).toBeLessThan(260);
  });

  it("a 100,000-character path gives a one-line error of bounded length", () => {
    const run = spawnCli(["analyze", `${"p".repeat(100_000)}\n${ESC}[2J`]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr.length).toBeLessThan(400);
    expect(run.stderr).not.toContain(ESC);
  });
});

describe("imported price-map keys in compare", { timeout: 60_000 }, () => {
  const key = `m${ESC}[2J${"x".repeat(20_000)}`;
  const prices = write(
    "prices.json",
    JSON.stringify({
      [key]: {
        input_cost_per_token: 1e-6,
        output_cost_per_token: 2e-6,
        litellm_provider: `p${ESC}]0;t\u0007`,
      },
    }),
  );

  it("a 20,000-character key prints fast, cut, without control characters", async () => {
    const run = await measureCli(["compare", "--prices", prices]);
    expect(run.code).toBe(0);
    // Before: 18 s on the probe's machine (cli-table3 laying out a 20,000-character cell).
    expect(run.seconds).toBeLessThan(5);
    expect(run.stdout).not.toMatch(CONTROL_BUT_NEWLINE);
    expect(Math.max(...run.stdout.split("\n").map((l) => l.length))).toBeLessThan(1000);
  });

  it("CSV keeps the key whole but strips its control characters", () => {
    const run = spawnCli(["compare", "--prices", prices, "--csv"]);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(CONTROL_BUT_NEWLINE);
    expect(run.stdout).toContain(`m\uFFFD[2J${"x".repeat(20_000)}`);
  });
});

// Issue 14, finding 8 through the CLI: ids "ep\xFE" and "ep\xFF" were one episode "ep\uFFFD".
describe("UTF-8-invalid episode ids", () => {
  it("stay distinct episodes and print distinctly in CSV", () => {
    const line = (byte: number) =>
      Buffer.concat([
        Buffer.from('{"episode_id":"ep'),
        Buffer.from([byte]),
        Buffer.from(
          '","turn":1,"usage":{"prompt_tokens":10,"completion_tokens":2,"prompt_tokens_details":{"cached_tokens":0}}}\n',
        ),
      ]);
    const path = join(dir, "bytes.jsonl");
    writeFileSync(path, Buffer.concat([line(0xfe), line(0xff)]));
    const json = JSON.parse(spawnCli(["analyze", path, "--json"]).stdout);
    expect(json.episodes).toBe(2);
    expect(json.skippedTotal).toBe(0);
    const csv = spawnCli(["analyze", path, "--csv"]).stdout.split("\n");
    expect(csv[1]).toMatch(/^ep\\xFE,1,/);
    expect(csv[2]).toMatch(/^ep\\xFF,1,/);
  });
});
