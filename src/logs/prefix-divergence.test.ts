import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeCause, turnDivergence } from "./prefix-divergence.js";
import { PrefixDivergenceTracker } from "./prefix-divergence-summary.js";

const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);

// A 1,536-token system prompt + a 700-token task, then a reply of a 412-token reasoning block
// (<think> … </think>) and a 96-token answer; the next prompt keeps the answer, drops the block, adds a
// 230-token tool result.
const system = range(10_000, 1536);
const task = range(20_000, 700);
const think = [151_667, ...range(30_000, 410), 151_668];
const answer = range(40_000, 96);
const tool = range(50_000, 230);

describe("turnDivergence(previous prompt + completion, prompt)", () => {
  it("finds a stripped reasoning block: diverges at its first token, loses exactly the answer after it", () => {
    const previous = [...system, ...task, ...think, ...answer];
    const prompt = [...system, ...task, ...answer, ...tool];
    const d = turnDivergence(previous, prompt);
    // Common prefix 1,536 + 700 = 2,236 = the block's first index; the 96 answer tokens were re-prefilled.
    expect(d.commonPrefixTokens).toBe(2236);
    expect(d.firstDivergenceAt).toBe(2236);
    expect(d.cause).toEqual({ kind: "removedSpan", tokens: 412 });
    expect(d.lostCachedTokens).toBe(96);
    expect(d.unreusedContextTokens).toBe(412 + 96);
    expect(describeCause(d)).toContain("412 tokens at 2236..2647");
  });

  it("reports no divergence when the prompt extends the previous context", () => {
    const previous = [...system, ...answer];
    const d = turnDivergence(previous, [...previous, ...tool]);
    expect(d).toMatchObject({
      firstDivergenceAt: null,
      lostCachedTokens: 0,
      cause: null,
      commonPrefixTokens: 1632,
    });
  });

  it("finds a changed boundary token: one token re-tokenised as two, the rest lost", () => {
    const previous = [...system, ...answer];
    const prompt = [...system, 7, 8, ...answer.slice(1), ...tool];
    const d = turnDivergence(previous, prompt);
    expect(d.firstDivergenceAt).toBe(1536);
    expect(d.cause).toEqual({ kind: "changedTokens", removedTokens: 1, insertedTokens: 2 });
    expect(d.lostCachedTokens).toBe(95);
  });

  it("finds an inserted span before the previous context's end", () => {
    const previous = [...system, ...answer];
    const prompt = [...system, ...tool, ...answer];
    const d = turnDivergence(previous, prompt);
    expect(d.cause).toEqual({ kind: "insertedSpan", tokens: 230 });
    expect(d.lostCachedTokens).toBe(96);
  });

  it("calls a truncated history promptShorter and an unrelated prompt unknown, losing nothing it cannot show", () => {
    expect(turnDivergence([...system, ...answer], system.slice(0, 100)).cause).toEqual({
      kind: "promptShorter",
    });
    const unknown = turnDivergence([...system, ...answer], [...system, ...tool]);
    expect(unknown).toMatchObject({
      cause: { kind: "unknown" },
      lostCachedTokens: 0,
      firstDivergenceAt: 1536,
    });
  });

  it("never loses more than the previous context holds after the common prefix (property)", () => {
    const ids = fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 60 });
    fc.assert(
      fc.property(ids, ids, (previous, prompt) => {
        const d = turnDivergence(previous, prompt);
        expect(d.lostCachedTokens).toBeLessThanOrEqual(previous.length - d.commonPrefixTokens);
        expect(d.lostCachedTokens).toBeLessThanOrEqual(prompt.length - d.commonPrefixTokens);
        expect(d.commonPrefixTokens + d.unreusedContextTokens).toBe(previous.length);
        if (d.cause === null) expect(prompt.slice(0, previous.length)).toEqual(previous);
      }),
      { seed: 1313, numRuns: 500 },
    );
  });

  it("an append-only history never diverges (property)", () => {
    const ids = fc.array(fc.integer({ min: 0, max: 50_000 }), { maxLength: 40 });
    fc.assert(
      fc.property(ids, ids, ids, (prompt, completion, added) => {
        const d = turnDivergence([...prompt, ...completion], [...prompt, ...completion, ...added]);
        expect(d.cause).toBeNull();
        expect(d.lostCachedTokens).toBe(0);
      }),
      { seed: 1314, numRuns: 300 },
    );
  });
});

describe("PrefixDivergenceTracker", () => {
  it("sums lost tokens and causes over an episode's turns and keeps the diverged ones", () => {
    const tracker = new PrefixDivergenceTracker();
    tracker.addEpisode("ep", [
      { prompt: [...system, ...task], completion: [...think, ...answer] },
      { prompt: [...system, ...task, ...answer, ...tool], completion: answer },
      { prompt: [...system, ...task, ...answer, ...tool, ...answer, ...tool], completion: [1] },
    ]);
    const s = tracker.result();
    expect(s).toMatchObject({ turnsCompared: 2, turnsDiverged: 1, lostCachedTokens: 96 });
    expect(s?.causes.removedSpan).toBe(1);
    expect(s?.examples).toHaveLength(1);
    expect(s?.examples[0]).toMatchObject({ episode: "ep", turn: 2, firstDivergenceAt: 2236 });
    expect(new PrefixDivergenceTracker().result()).toBeNull();
  });
});
