import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { analyzeFile } from "../logs/analyze-file.js";
import { logDistributions } from "./log-distributions.js";

const SAMPLE = fileURLToPath(new URL("../../examples/sample.jsonl", import.meta.url));

describe("logDistributions", () => {
  it("draws the sample's 20 episodes: their turns, growth per turn and generation, each equally likely", async () => {
    const analysis = await analyzeFile(SAMPLE, { perEpisode: true });
    const read = logDistributions(analysis);
    if (!read.ok) throw new Error(read.reason);
    const rows = analysis.perEpisode ?? [];
    expect(read.value.episodes).toBe(20);
    expect(read.value.turns).toEqual({ kind: "empirical", values: rows.map((r) => r.turns) });
    // One row by hand: an episode's added per turn is (last prompt − first prompt) ÷ (turns − 1).
    const row = rows.find((r) => r.turns > 1);
    if (!row || read.value.addedTokensPerTurn.kind !== "empirical") throw new Error("no multi-turn episode");
    expect(read.value.addedTokensPerTurn.values).toContain(
      Math.round((row.finalPromptTokens - row.initialPromptTokens) / (row.turns - 1)),
    );
    const meanInitial = rows.reduce((s, r) => s + r.initialPromptTokens, 0) / rows.length;
    expect(read.value.initialPromptTokens).toBe(Math.round(meanInitial));
  });

  it("says why a log without episodes gives no distribution", async () => {
    const analysis = await analyzeFile(SAMPLE, { perEpisode: false });
    expect(logDistributions(analysis)).toEqual({ ok: false, reason: expect.stringMatching(/no episode/) });
  });
});
