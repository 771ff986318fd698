import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { episodeTokens } from "./episode-tokens.js";
import { workloadTokensFromLedger } from "./ledger-tokens.js";
import { episodeLedger } from "./turn-ledger.js";
import { workloadTokensFromShape } from "./workload-tokens.js";

const shape = fc.record({
  turns: fc.integer({ min: 1, max: 200 }),
  initialPromptTokens: fc.integer({ min: 0, max: 200_000 }),
  addedTokensPerTurn: fc.integer({ min: 0, max: 50_000 }),
  generatedTokensPerTurn: fc.integer({ min: 0, max: 20_000 }),
});

describe("episodeLedger(shape, { policy: 'ignore' })", () => {
  it("sums to the Fireworks page's closed form (uniform shape, perfect cache, no window)", () => {
    fc.assert(
      fc.property(shape, fc.integer({ min: 1, max: 10_000 }), (s, episodes) => {
        const ledger = episodeLedger(s, { policy: "ignore", windowTokens: 1 });
        if (!ledger.ok) throw new Error(ledger.reason);
        const closed = episodeTokens(s);
        expect(ledger.promptTokens).toBe(closed.promptSummedPerEpisode);
        expect(ledger.uncachedPromptTokens).toBe(closed.uniquePromptPerEpisode);
        expect(ledger.cachedPromptTokens).toBe(closed.cachedPromptPerEpisode);
        expect(ledger.decodeTokens).toBe(closed.decodePerEpisode);
        expect(ledger.peakContextTokens).toBe(closed.peakContextTokens);
        expect(workloadTokensFromLedger(ledger, episodes)).toEqual(
          workloadTokensFromShape({ episodes, shape: s }),
        );
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it("gives each row cached + uncached = prompt, under every policy", () => {
    fc.assert(
      fc.property(
        shape,
        fc.integer({ min: 1, max: 300_000 }),
        fc.constantFrom("stop", "drop-oldest"),
        (s, w, policy) => {
          const ledger = episodeLedger(s, { policy, windowTokens: w });
          if (!ledger.ok) return;
          for (const row of ledger.rows) {
            expect(row.cachedPromptTokens + row.uncachedPromptTokens).toBe(row.promptTokens);
            expect(row.promptTokens + row.decodeTokens).toBeLessThanOrEqual(w);
          }
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });
});

describe("episodeLedger(shape, { policy: 'drop-oldest' })", () => {
  // P1 = 1,000, Δ = 1,000, G = 500, 5 turns, window 3,600. Turns 1-3 fit (prompt 3,000 + 500 = 3,500).
  // Turn 4 would send 4,000 (+500 > 3,600): one turn is dropped, leaving 3,000, all prefilled again.
  // Turn 5 would send 3,000 + 1,000 = 4,000: another turn is dropped, 3,000 again, uncached again.
  // Sums: prompt 1,000 + 2,000 + 3,000 + 3,000 + 3,000 = 12,000; cached 0 + 1,000 + 2,000 = 3,000.
  it("drops the oldest turns and re-prefills the kept context, turn by turn", () => {
    const ledger = episodeLedger(
      { turns: 5, initialPromptTokens: 1000, addedTokensPerTurn: 1000, generatedTokensPerTurn: 500 },
      { policy: "drop-oldest", windowTokens: 3600 },
    );
    if (!ledger.ok) throw new Error(ledger.reason);
    expect(
      ledger.rows.map((r) => [
        r.turn,
        r.contextBeforeTokens,
        r.promptTokens,
        r.cachedPromptTokens,
        r.uncachedPromptTokens,
        r.decodeTokens,
        r.droppedTurns,
      ]),
    ).toEqual([
      [1, 0, 1000, 0, 1000, 500, 0],
      [2, 1000, 2000, 1000, 1000, 500, 0],
      [3, 2000, 3000, 2000, 1000, 500, 0],
      [4, 3000, 3000, 0, 3000, 500, 1],
      [5, 3000, 3000, 0, 3000, 500, 2],
    ]);
    expect(ledger).toMatchObject({
      promptTokens: 12_000,
      cachedPromptTokens: 3000,
      uncachedPromptTokens: 9000,
      decodeTokens: 2500,
      peakContextTokens: 3500,
      finalContextTokens: 3500,
    });
    expect(ledger.warnings[0]).toMatch(/past turn 3 the oldest turns are dropped/);
  });
});

describe("episodeLedger(page's shape at 12 turns, window 128,000)", () => {
  const s = {
    turns: 12,
    initialPromptTokens: 8000,
    addedTokensPerTurn: 12_000,
    generatedTokensPerTurn: 2000,
  };

  it("'stop' ends the episode after turn 10 (8,000 + 9 × 12,000 + 2,000 = 118,000 fits; turn 11 needs 130,000)", () => {
    const ledger = episodeLedger(s, { policy: "stop", windowTokens: 128_000 });
    if (!ledger.ok) throw new Error(ledger.reason);
    expect(ledger.rows).toHaveLength(10);
    expect(ledger.promptTokens).toBe(10 * 8000 + (12_000 * 10 * 9) / 2);
    expect(ledger.warnings[0]).toMatch(/stops after turn 10 of 12/);
  });

  it("'refuse' answers with a reason, not a ledger", () => {
    expect(episodeLedger(s, { policy: "refuse", windowTokens: 128_000 })).toEqual({
      ok: false,
      reason:
        "the episode needs 142,000 tokens at turn 12 but the window is 128,000; only 10 of 12 turns fit",
    });
  });

  it("'ignore' keeps every turn and warns", () => {
    const ledger = episodeLedger(s, { policy: "ignore", windowTokens: 128_000 });
    expect(ledger.ok && ledger.rows.length).toBe(12);
    expect(ledger.ok && ledger.warnings[0]).toMatch(/the figures assume the rest is served anyway/);
  });

  it.each(["stop", "drop-oldest", "refuse"] as const)(
    "'%s' has no answer when not even turn 1 fits",
    (policy) => {
      const result = episodeLedger(s, { policy, windowTokens: 9999 });
      expect(result).toEqual({ ok: false, reason: expect.stringMatching(/not even the first turn fits/) });
    },
  );
});
