// A log's episodes as the distributions a simulation draws from: each measured episode equally likely,
// so a simulated rollout has the log's spread of turns and token counts, not only its mean shape.

import { LIMITS } from "../core/limits.js";
import type { Distribution } from "../core/simulation/distribution.js";
import type { LogAnalysis } from "../logs/log-analysis.js";

/** The per-episode distributions a log measured, and its initial prompt (the simulation takes one). */
export interface LogDistributions {
  episodes: number;
  turns: Distribution;
  initialPromptTokens: number;
  addedTokensPerTurn: Distribution;
  generatedTokensPerTurn: Distribution;
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, Math.round(value)));

/**
 * The empirical distributions of a log analysed with `perEpisode: true`: turns per episode; tokens added
 * per turn (an episode's last prompt minus its first, over its later turns); tokens generated per turn;
 * and the mean initial prompt. `{ ok: false }` when the log has no per-episode rows.
 */
export function logDistributions(
  analysis: LogAnalysis,
): { ok: true; value: LogDistributions } | { ok: false; reason: string } {
  const rows = analysis.perEpisode ?? [];
  if (rows.length === 0) return { ok: false, reason: "the log has no episode with requests to draw from" };
  const turns: number[] = [];
  const added: number[] = [];
  const generated: number[] = [];
  let initial = 0;
  for (const row of rows) {
    turns.push(clamp(row.turns, LIMITS.turns.min, LIMITS.turns.max));
    initial += row.initialPromptTokens;
    if (row.turns > 1)
      added.push(
        clamp((row.finalPromptTokens - row.initialPromptTokens) / (row.turns - 1), 0, LIMITS.tokens.max),
      );
    generated.push(clamp(row.completionTokens / row.turns, 1, LIMITS.tokens.max));
  }
  return {
    ok: true,
    value: {
      episodes: rows.length,
      turns: { kind: "empirical", values: turns },
      initialPromptTokens: clamp(initial / rows.length, 0, LIMITS.tokens.max),
      addedTokensPerTurn:
        added.length > 0 ? { kind: "empirical", values: added } : { kind: "constant", value: 0 },
      generatedTokensPerTurn: { kind: "empirical", values: generated },
    },
  };
}
