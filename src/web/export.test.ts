import { describe, expect, it } from "vitest";
import { runCli } from "../cli/run.js";
import { evaluate, type Priced } from "./evaluate.js";
import { estimateCsvText, estimateJson, estimateMarkdown } from "./export.js";

async function cli(args: string[]): Promise<string> {
  let stdout = "";
  await runCli(args, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: () => true },
    stdin: process.stdin,
    env: {},
    signal: new AbortController().signal,
  });
  return stdout;
}

function priced(options: Parameters<typeof evaluate>[0]): Priced {
  const result = evaluate(options);
  if (!result.ok) throw new Error(result.reason);
  return result;
}

describe("page exports", () => {
  it("estimateJson(priced) is what `rollout-cost estimate --json` prints", async () => {
    const args = ["estimate", "--json", "--model", "qwen3p5-397b", "--turns", "14", "--gpus", "3"];
    const expected = JSON.parse(await cli(args));
    expect(estimateJson(priced({ model: "qwen3p5-397b", turns: 14, gpus: 3 }))).toEqual(expected);
  });

  it("estimateCsvText(priced) is what `rollout-cost estimate --csv` prints", async () => {
    expect(estimateCsvText(priced({ turns: 12 }))).toBe(await cli(["estimate", "--csv", "--turns", "12"]));
  });

  it("estimateMarkdown(priced) tabulates both plans with the page's rounding and the warnings", () => {
    const markdown = estimateMarkdown(priced({ turns: 12 }), "http://127.0.0.1:4173/?turns=12");
    expect(markdown).toContain("| plan | $ / episode | $ / 1,000 ep | cluster-hours | vs. Tinker |");
    expect(markdown).toMatch(
      /\| Tinker: per token, no cross-turn cache \| \$\d+\.\d\d \| \$[\d,]+ \| \| 1× \|/,
    );
    expect(markdown).toContain("> Warning: context window:");
    expect(markdown).toContain("Scenario: http://127.0.0.1:4173/?turns=12");
    expect(markdown).not.toMatch(/NaN|Infinity|undefined/);
  });
});
