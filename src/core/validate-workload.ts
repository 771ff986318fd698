import type { Workload } from "./episode-shape.js";
import { LIMITS } from "./limits.js";
import { assertInteger } from "./validate.js";

/** Throws a RangeError naming the first field of `workload` outside LIMITS. */
export function validateWorkload(workload: Workload): void {
  assertInteger("episodes", workload.episodes, LIMITS.episodes.min, LIMITS.episodes.max);
  const { shape } = workload;
  assertInteger("turns", shape.turns, LIMITS.turns.min, LIMITS.turns.max);
  assertInteger("initialPromptTokens", shape.initialPromptTokens, LIMITS.tokens.min, LIMITS.tokens.max);
  assertInteger("addedTokensPerTurn", shape.addedTokensPerTurn, LIMITS.tokens.min, LIMITS.tokens.max);
  assertInteger("generatedTokensPerTurn", shape.generatedTokensPerTurn, LIMITS.tokens.min, LIMITS.tokens.max);
}
