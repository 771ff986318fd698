import type { EpisodeShape } from "./episode-shape.js";

/** The last turn (1-based) whose prompt plus generation fits in `windowTokens`; 0 when none does. */
export function lastTurnThatFits(shape: EpisodeShape, windowTokens: number): number {
  const room = windowTokens - shape.initialPromptTokens - shape.generatedTokensPerTurn;
  if (room < 0) return 0;
  if (shape.addedTokensPerTurn === 0) return shape.turns;
  return Math.min(shape.turns, Math.floor(room / shape.addedTokensPerTurn) + 1);
}

/** A sentence for `warnings` when the episode's peak context passes the window, else undefined. */
export function contextWindowWarning(
  shape: EpisodeShape,
  window: { tokens: number; modelLabel: string },
): string | undefined {
  const peak =
    shape.initialPromptTokens + (shape.turns - 1) * shape.addedTokensPerTurn + shape.generatedTokensPerTurn;
  if (peak <= window.tokens) return undefined;
  const fits = lastTurnThatFits(shape, window.tokens);
  const where =
    fits === 0 ? "not even the first turn fits" : `only the first ${fits} of ${shape.turns} turns fit`;
  return (
    `context window: the episode needs ${peak.toLocaleString("en-US")} tokens at its last turn ` +
    `(prompt + generation) but ${window.modelLabel} takes ${window.tokens.toLocaleString("en-US")}; ` +
    `${where}, and the figures assume the rest is served anyway`
  );
}
