import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { episodeTokens } from "./episode-tokens.js";

const shape = fc.record({
  turns: fc.integer({ min: 1, max: 200 }),
  initialPromptTokens: fc.integer({ min: 0, max: 1_000_000 }),
  addedTokensPerTurn: fc.integer({ min: 0, max: 1_000_000 }),
  generatedTokensPerTurn: fc.integer({ min: 0, max: 1_000_000 }),
});

describe("episodeTokens(shape)", () => {
  it.each([
    // T, P1, Δ, G → Σ P_t, P_T
    [1, 8000, 12000, 2000, 8000, 8000], // one turn: nothing to cache
    [2, 100, 10, 5, 210, 110], // 100 + 110
    [8, 8000, 12000, 2000, 400_000, 92_000],
  ])("T=%i P1=%i Δ=%i G=%i sums %i prompt tokens, %i unique", (turns, p1, delta, g, summed, unique) => {
    const tokens = episodeTokens({
      turns,
      initialPromptTokens: p1,
      addedTokensPerTurn: delta,
      generatedTokensPerTurn: g,
    });
    expect(tokens.promptSummedPerEpisode).toBe(summed);
    expect(tokens.uniquePromptPerEpisode).toBe(unique);
    expect(tokens.decodePerEpisode).toBe(turns * g);
  });

  it("summed prompt = unique + cached, for any shape", () => {
    fc.assert(
      fc.property(shape, (s) => {
        const t = episodeTokens(s);
        expect(t.uniquePromptPerEpisode + t.cachedPromptPerEpisode).toBe(t.promptSummedPerEpisode);
        expect(t.cacheHitPercent).toBeGreaterThanOrEqual(0);
        expect(t.cacheHitPercent).toBeLessThan(100);
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  it("equals the turn-by-turn sum of prompts", () => {
    fc.assert(
      fc.property(shape, (s) => {
        let summed = 0;
        for (let turn = 1; turn <= s.turns; turn++)
          summed += s.initialPromptTokens + (turn - 1) * s.addedTokensPerTurn;
        expect(episodeTokens(s).promptSummedPerEpisode).toBe(summed);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
