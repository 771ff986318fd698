/** What broke a turn's prefix, when it is recognisable. */
export type DivergenceCause =
  /** Tokens of the previous context are gone from this prompt (a stripped reasoning block, a dropped message). */
  | { kind: "removedSpan"; tokens: number }
  /** Tokens that were not in the previous context were put in before its end (history rewritten). */
  | { kind: "insertedSpan"; tokens: number }
  /** A few tokens at the divergence differ, then the previous context continues (a re-tokenised boundary). */
  | { kind: "changedTokens"; removedTokens: number; insertedTokens: number }
  /** The prompt stops inside the previous context (history truncated): nothing after it to re-prefill. */
  | { kind: "promptShorter" }
  /** No small edit realigns the two. */
  | { kind: "unknown" };

/** One turn's prompt against the previous turn's prompt + completion. */
export interface TurnDivergence {
  previousContextTokens: number;
  promptTokens: number;
  /** The longest common prefix: what a prefix cache can serve this turn. */
  commonPrefixTokens: number;
  /** Token index of the first difference; null when the prompt extends the previous context. */
  firstDivergenceAt: number | null;
  /** Previous-context tokens this prompt repeats right after the divergence: re-prefilled, could have been cached. */
  lostCachedTokens: number;
  /** Previous-context tokens the prompt did not reuse as a prefix (previous context − common prefix). */
  unreusedContextTokens: number;
  cause: DivergenceCause | null;
}

/** Edits up to this many tokens on each side count as a changed boundary. */
const SMALL_EDIT_TOKENS = 4;
/** A realigned run shorter than this (unless it reaches the previous context's end) is taken for chance. */
const MIN_RUN_TOKENS = 8;
/** Candidate alignments tried for a long removed or inserted span. */
const MAX_CANDIDATES = 4096;
/** Token comparisons a turn's realignment may spend (bounds a pathological, repetitive history). */
const MAX_COMPARISONS = 1 << 24;

function commonRun(
  a: ArrayLike<number>,
  i: number,
  b: ArrayLike<number>,
  j: number,
  limit = Infinity,
): number {
  let n = 0;
  while (n < limit && i + n < a.length && j + n < b.length && a[i + n] === b[j + n]) n++;
  return n;
}

/**
 * Compares a turn's prompt ids with the previous turn's prompt + completion ids: the common prefix, the
 * first diverging index, and (realigning after at most one removed, inserted or changed span) the tokens
 * of the previous context that were prefilled again.
 */
export function turnDivergence(previous: ArrayLike<number>, prompt: ArrayLike<number>): TurnDivergence {
  const l = commonRun(previous, 0, prompt, 0);
  const base = {
    previousContextTokens: previous.length,
    promptTokens: prompt.length,
    commonPrefixTokens: l,
    unreusedContextTokens: previous.length - l,
  };
  if (l === previous.length) return { ...base, firstDivergenceAt: null, lostCachedTokens: 0, cause: null };
  if (l === prompt.length)
    return { ...base, firstDivergenceAt: l, lostCachedTokens: 0, cause: { kind: "promptShorter" } };
  let best = { run: 0, removed: 0, inserted: 0 };
  let budget = MAX_COMPARISONS;
  const consider = (removed: number, inserted: number) => {
    const run = commonRun(previous, l + removed, prompt, l + inserted, Math.max(budget, 1));
    budget -= run + 1;
    if (run > best.run || (run === best.run && run > 0 && removed + inserted < best.removed + best.inserted))
      best = { run, removed, inserted };
  };
  for (let r = 0; r <= SMALL_EDIT_TOKENS; r++)
    for (let i = 0; i <= SMALL_EDIT_TOKENS; i++) if (r + i > 0) consider(r, i);
  let tried = 0;
  // A later candidate can run at most to the shorter side's end: stop once that cannot beat the best.
  const longest = (removed: number, inserted: number) =>
    Math.min(previous.length - l - removed, prompt.length - l - inserted);
  for (let r = SMALL_EDIT_TOKENS + 1; longest(r, 0) > best.run && tried < MAX_CANDIDATES && budget > 0; r++)
    if (previous[l + r] === prompt[l]) {
      consider(r, 0);
      tried++;
    }
  tried = 0;
  for (let i = SMALL_EDIT_TOKENS + 1; longest(0, i) > best.run && tried < MAX_CANDIDATES && budget > 0; i++)
    if (prompt[l + i] === previous[l]) {
      consider(0, i);
      tried++;
    }
  const reachesEnd = l + best.removed + best.run === previous.length;
  if (best.run === 0 || (best.run < MIN_RUN_TOKENS && !reachesEnd))
    return { ...base, firstDivergenceAt: l, lostCachedTokens: 0, cause: { kind: "unknown" } };
  const cause: DivergenceCause =
    best.inserted === 0
      ? { kind: "removedSpan", tokens: best.removed }
      : best.removed === 0
        ? { kind: "insertedSpan", tokens: best.inserted }
        : { kind: "changedTokens", removedTokens: best.removed, insertedTokens: best.inserted };
  return { ...base, firstDivergenceAt: l, lostCachedTokens: best.run, cause };
}

/** A short description of a cause, for people (no decoded text: token indexes and counts only). */
export function describeCause(d: TurnDivergence): string {
  const at = d.firstDivergenceAt;
  const c = d.cause;
  if (c === null || at === null) return "the prompt extends the previous context";
  switch (c.kind) {
    case "removedSpan":
      return `${c.tokens} tokens at ${at}..${at + c.tokens - 1} of the previous context were removed (e.g. a stripped reasoning block); the ${d.lostCachedTokens} after them were prefilled again`;
    case "insertedSpan":
      return `${c.tokens} new tokens were inserted at ${at}, before the end of the previous context; the ${d.lostCachedTokens} after them were prefilled again`;
    case "changedTokens":
      return `${c.removedTokens} token(s) at ${at} became ${c.insertedTokens} (a changed boundary token, e.g. re-tokenised); the ${d.lostCachedTokens} after them were prefilled again`;
    case "promptShorter":
      return `the prompt stops at ${at}, inside the previous context (history truncated)`;
    case "unknown":
      return `the prompt differs from token ${at} on and no small edit realigns it`;
  }
}
