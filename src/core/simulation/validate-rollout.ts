import { LIMITS } from "../limits.js";
import { assertInteger, assertPositive } from "../validate.js";
import { validateDistribution } from "./distribution.js";
import { ROLLOUT_ROUTINGS, type RolloutSimulationInput } from "./rollout-input.js";

/** Throws a RangeError naming the first field of a simulation's input that makes no sense. */
export function validateRolloutInput(input: RolloutSimulationInput): void {
  const { workload, engine, weightSync } = input;
  assertInteger("replicas", input.replicas, 1, 10_000);
  assertInteger("episodes", workload.episodes, 1, 100_000_000);
  assertInteger("groupSize", workload.groupSize, 1, 100_000);
  assertInteger("concurrency", input.concurrency, 1, 10_000_000);
  assertInteger("initialPromptTokens", workload.initialPromptTokens, 0, LIMITS.tokens.max);
  validateDistribution("turns", workload.turns, 1, LIMITS.turns.max);
  validateDistribution("addedTokensPerTurn", workload.addedTokensPerTurn, 0, LIMITS.tokens.max);
  validateDistribution("generatedTokensPerTurn", workload.generatedTokensPerTurn, 1, LIMITS.tokens.max);
  validateDistribution("toolLatencySeconds", workload.toolLatencySeconds, 0, 86_400);
  assertInteger("blockTokens", engine.blockTokens, 1, 65_536);
  assertInteger("maxSequencesPerReplica", engine.maxSequencesPerReplica, 1, 1_000_000);
  assertInteger(
    "tokenBudgetPerStep",
    engine.tokenBudgetPerStep,
    engine.maxSequencesPerReplica + 1,
    100_000_000,
  );
  if (!ROLLOUT_ROUTINGS.includes(input.routing))
    throw new RangeError(
      `routing must be one of ${ROLLOUT_ROUTINGS.join(", ")}, got ${String(input.routing)}`,
    );
  if (weightSync.mode !== "none")
    assertInteger("episodesPerStep", weightSync.episodesPerStep, 1, 100_000_000);
  if (weightSync.mode === "async") assertInteger("staleSteps", weightSync.staleSteps, 0, 1000);
  if (input.trainTokensPerSecond !== undefined)
    assertPositive("trainTokensPerSecond", input.trainTokensPerSecond);
  if (input.trainPasses !== undefined) assertPositive("trainPasses", input.trainPasses);
  assertInteger("seed", input.seed, 0, 0xffffffff);
}
