import { describe, expect, it } from "vitest";
import { cliJson } from "../../test/cli-helpers.js";
import { bandedFigure, stepBreakdownFor, stepSegments } from "./step-breakdown-for.js";

describe("stepBreakdownFor", () => {
  it("is `rollout-cost throughput --json` for the catalog default and for chosen layout and experts", async () => {
    for (const extra of [[], ["--layout", "tp", "--expert-weights", "fp8"]] as const) {
      const args = ["--model", "kimi-k2p6", "--gpu", "B300_288GB", "--gpus", "8", "--context", "8000"];
      const cli = await cliJson(["throughput", ...args, "--batch", "32", ...extra, "--json"]);
      const page = stepBreakdownFor({
        modelId: "kimi-k2p6",
        gpuId: "B300_288GB",
        gpus: 8,
        contextTokens: 8000,
        batch: 32,
        ...(extra.length > 0 && { layout: "tp" as const, expertWeights: "fp8" as const }),
      });
      if (!page.ok) throw new Error(page.reason);
      expect(page.point.prefillTokensPerSecond).toBe(cli.prefillTokensPerSecond);
      expect(page.point.decodeTokensPerSecond).toBe(cli.decodeTokensPerSecond);
      expect(page.point.prefillBreakdown).toEqual(cli.prefillBreakdown);
      expect(page.point.decodeBreakdown).toEqual(cli.decodeBreakdown);
      expect(page.band).toEqual(cli.band);
      const { chosen, ...line } = page.deployment;
      const { expertParallel: _e, chosen: cliChosen, ...cliLine } = cli.deployment;
      expect(line).toEqual(cliLine);
      expect(JSON.parse(JSON.stringify(chosen))).toEqual(cliChosen);
    }
  });

  it("segments sum to the step and name the bound's part; the band is ×/÷ the factors", () => {
    const r = stepBreakdownFor({
      modelId: "llama-3.1-8b",
      gpuId: "H100_80GB",
      gpus: 1,
      contextTokens: 1,
      batch: 1,
    });
    if (!r.ok) throw new Error(r.reason);
    for (const b of [r.point.prefillBreakdown, r.point.decodeBreakdown]) {
      const segments = stepSegments(b);
      expect(segments.reduce((s, x) => s + x.seconds, 0)).toBeCloseTo(b.seconds, 12);
      expect(segments.reduce((s, x) => s + x.share, 0)).toBeCloseTo(1, 12);
    }
    // Decode of one sequence at 1 token of context: the 16 GB of weights dominate (memory-bound).
    expect(r.point.decodeBound).toBe("memory");
    expect(stepSegments(r.point.decodeBreakdown)[0]?.detail).toBe("streaming the weights");
    // 1,000 tok/s ×/÷ 1.13: 884.96 … 1,130; ×/÷ 1.36: 735.29 … 1,360.
    const f = bandedFigure(1000, r.band);
    expect(f.low).toBeCloseTo(884.956, 3);
    expect(f.high).toBeCloseTo(1130, 9);
    expect(f.worstLow).toBeCloseTo(735.294, 3);
  });

  it("names an unknown model", () => {
    const r = stepBreakdownFor({ modelId: "nope", gpuId: "H100_80GB", gpus: 1, contextTokens: 1, batch: 1 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain("nope");
  });
});
