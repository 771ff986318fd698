import type { ContextPolicy } from "./context-policy.js";
import { lastTurnThatFits } from "./context-window.js";
import type { EpisodeShape } from "./episode-shape.js";

/** One turn of one episode, in tokens. */
export interface TurnLedgerRow {
  turn: number;
  /** The conversation the server holds from earlier turns (the previous prompt), before this turn. */
  contextBeforeTokens: number;
  /** The whole prompt sent this turn. */
  promptTokens: number;
  /** Of the prompt, the prefix served from the cache: the previous prompt, unless turns were dropped. */
  cachedPromptTokens: number;
  /** Of the prompt, the tokens prefilled. */
  uncachedPromptTokens: number;
  decodeTokens: number;
  /** Turns dropped from the conversation so far (drop-oldest). */
  droppedTurns: number;
}

/** One episode's per-turn ledger under a context policy, with its sums. */
export interface EpisodeLedger {
  ok: true;
  policy: ContextPolicy;
  rows: TurnLedgerRow[];
  promptTokens: number;
  cachedPromptTokens: number;
  uncachedPromptTokens: number;
  decodeTokens: number;
  /** The longest context any turn needed: its prompt plus its generation. */
  peakContextTokens: number;
  /** The last turn's prompt plus its generation: the trajectory a training step learns from. */
  finalContextTokens: number;
  warnings: string[];
}

export type LedgerResult = EpisodeLedger | { ok: false; reason: string };

const n = (tokens: number) => tokens.toLocaleString("en-US");

/**
 * Per-turn tokens of a uniform episode under perfect session affinity (each turn reuses the previous
 * prompt from the cache) and a context policy against `windowTokens` (absent = no window). With no
 * window or `ignore`, the sums equal the Fireworks page's closed form.
 */
export function episodeLedger(
  shape: EpisodeShape,
  options: { policy: ContextPolicy; windowTokens?: number },
): LedgerResult {
  const { policy } = options;
  const window = policy === "ignore" ? undefined : options.windowTokens;
  const g = shape.generatedTokensPerTurn;
  const fullPeak = shape.initialPromptTokens + (shape.turns - 1) * shape.addedTokensPerTurn + g;
  const warnings: string[] = [];
  let turns = shape.turns;
  if (window !== undefined && fullPeak > window) {
    const fits = lastTurnThatFits(shape, window);
    const need = `the episode needs ${n(fullPeak)} tokens at turn ${shape.turns} but the window is ${n(window)}`;
    if (fits === 0) return { ok: false, reason: `${need}; not even the first turn fits` };
    if (policy === "refuse")
      return { ok: false, reason: `${need}; only ${fits} of ${shape.turns} turns fit` };
    if (policy === "stop") {
      turns = fits;
      warnings.push(`context window: ${need}; the episode stops after turn ${fits} of ${shape.turns}`);
    } else {
      warnings.push(
        `context window: ${need}; past turn ${fits} the oldest turns are dropped and the kept context is prefilled again, uncached`,
      );
    }
  } else if (options.windowTokens !== undefined && fullPeak > options.windowTokens) {
    warnings.push(
      `context window: the episode needs ${n(fullPeak)} tokens at turn ${shape.turns} but the window is ${n(options.windowTokens)}; the figures assume the rest is served anyway`,
    );
  }

  const rows: TurnLedgerRow[] = [];
  let dropped = 0;
  let previousPrompt = 0;
  for (let turn = 1; turn <= turns; turn++) {
    let prompt = shape.initialPromptTokens + (turn - 1 - dropped) * shape.addedTokensPerTurn;
    let broken = false;
    if (window !== undefined && prompt + g > window && shape.addedTokensPerTurn > 0) {
      const drop = Math.ceil((prompt + g - window) / shape.addedTokensPerTurn);
      dropped += drop;
      prompt -= drop * shape.addedTokensPerTurn;
      broken = true;
    }
    const cached = turn === 1 || broken ? 0 : previousPrompt;
    rows.push({
      turn,
      contextBeforeTokens: previousPrompt,
      promptTokens: prompt,
      cachedPromptTokens: cached,
      uncachedPromptTokens: prompt - cached,
      decodeTokens: g,
      droppedTurns: dropped,
    });
    previousPrompt = prompt;
  }
  const sum = (key: keyof TurnLedgerRow) => rows.reduce((total, row) => total + row[key], 0);
  const last = rows[rows.length - 1];
  return {
    ok: true,
    policy,
    rows,
    promptTokens: sum("promptTokens"),
    cachedPromptTokens: sum("cachedPromptTokens"),
    uncachedPromptTokens: sum("uncachedPromptTokens"),
    decodeTokens: sum("decodeTokens"),
    peakContextTokens: Math.max(...rows.map((row) => row.promptTokens + row.decodeTokens)),
    finalContextTokens: last ? last.promptTokens + last.decodeTokens : 0,
    warnings,
  };
}
