import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { cliJson } from "../../test/cli-helpers.js";
import { analyzeFile } from "../logs/analyze-file.js";
import { pricedDivergenceForLog } from "./divergence-for.js";

describe("pricedDivergenceForLog", () => {
  it("is `analyze --json`'s prefixDivergence on the verifiers sample, priced plan by plan", async () => {
    const path = fileURLToPath(new URL("../../examples/verifiers-traces.jsonl", import.meta.url));
    const cli = await cliJson(["analyze", path, "--json"]);
    const found = pricedDivergenceForLog(await analyzeFile(path, {}));
    expect(found).not.toBeNull();
    const { priced: cliPriced, ...summary } = cli.prefixDivergence;
    expect(found?.summary).toEqual(summary);
    expect(found?.priced).toEqual(cliPriced);
    // The sample: 2 of 4 turns diverge, 3 + 5 = 8 lost cached tokens.
    expect(found?.summary.lostCachedTokens).toBe(8);
  });

  it("is null for a log without token ids", async () => {
    const path = fileURLToPath(new URL("../../examples/sample.jsonl", import.meta.url));
    expect(pricedDivergenceForLog(await analyzeFile(path, {}))).toBeNull();
  });
});
