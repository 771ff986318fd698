import {
  type DivergenceCause,
  describeCause,
  type TurnDivergence,
  turnDivergence,
} from "./prefix-divergence.js";

/** One diverged turn, as reported. */
export interface DivergedTurn extends TurnDivergence {
  episode: string;
  /** 1-based turn within the episode. */
  turn: number;
  description: string;
}

/** Every turn with token ids compared with its predecessor, summed; the first few diverged turns kept. */
export interface PrefixDivergenceSummary {
  /** Turns (after an episode's first) whose prompt was compared with the previous turn's prompt + completion. */
  turnsCompared: number;
  turnsDiverged: number;
  /** Σ common prefix: the prompt tokens a perfect prefix cache serves. */
  commonPrefixTokens: number;
  /** Σ lost cached tokens: re-prefilled although the previous context held them. */
  lostCachedTokens: number;
  /** Σ previous-context tokens not reused as a prefix. */
  unreusedContextTokens: number;
  causes: Record<DivergenceCause["kind"], number>;
  /** The first diverged turns, in file order (at most `examples`). */
  examples: DivergedTurn[];
}

/** Accumulates turn-by-turn prefix divergence over a log. */
export class PrefixDivergenceTracker {
  private readonly summary: PrefixDivergenceSummary = {
    turnsCompared: 0,
    turnsDiverged: 0,
    commonPrefixTokens: 0,
    lostCachedTokens: 0,
    unreusedContextTokens: 0,
    causes: { removedSpan: 0, insertedSpan: 0, changedTokens: 0, promptShorter: 0, unknown: 0 },
    examples: [],
  };

  constructor(private readonly examples = 20) {}

  /** Compares each turn of one episode (in order) with the one before it. */
  addEpisode(
    episode: string,
    turns: readonly { prompt: ArrayLike<number>; completion: ArrayLike<number> }[],
  ): void {
    for (let t = 1; t < turns.length; t++)
      this.addTurn(
        episode,
        t + 1,
        turns[t - 1] as { prompt: ArrayLike<number>; completion: ArrayLike<number> },
        (turns[t] as { prompt: ArrayLike<number> }).prompt,
      );
  }

  /** Compares turn `turn` (1-based) of `episode`, its `prompt`, with the turn before it. */
  addTurn(
    episode: string,
    turn: number,
    before: { prompt: ArrayLike<number>; completion: ArrayLike<number> },
    prompt: ArrayLike<number>,
  ): void {
    const s = this.summary;
    const d = turnDivergence(concat(before.prompt, before.completion), prompt);
    s.turnsCompared++;
    s.commonPrefixTokens += d.commonPrefixTokens;
    s.lostCachedTokens += d.lostCachedTokens;
    s.unreusedContextTokens += d.unreusedContextTokens;
    if (d.cause === null) return;
    s.turnsDiverged++;
    s.causes[d.cause.kind]++;
    if (s.examples.length < this.examples)
      s.examples.push({ episode, turn, ...d, description: describeCause(d) });
  }

  /** The summary so far, or null when no turn had token ids to compare. */
  result(): PrefixDivergenceSummary | null {
    return this.summary.turnsCompared > 0 ? structuredClone(this.summary) : null;
  }
}

function concat(a: ArrayLike<number>, b: ArrayLike<number>): number[] {
  const out = Array.from(a);
  for (let i = 0; i < b.length; i++) out.push(b[i] as number);
  return out;
}
