/** A uniform episode, as the Fireworks page describes one. */
export interface EpisodeShape {
  /** Turns per episode, T (integer >= 1). */
  turns: number;
  /** The first turn's prompt, P1: system, tools and task (tokens, integer >= 0). */
  initialPromptTokens: number;
  /** Context added by each turn, Δ: the model's response plus the tool result (tokens). */
  addedTokensPerTurn: number;
  /** Tokens the model generates each turn, G (decode tokens). */
  generatedTokensPerTurn: number;
}

/** A workload: how many episodes of which shape. */
export interface Workload {
  episodes: number;
  shape: EpisodeShape;
}
