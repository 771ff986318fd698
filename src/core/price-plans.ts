import { gpuHourBill } from "./gpu-hour-bill.js";
import { perTokenBill } from "./per-token-bill.js";
import type { Plan, PlanEstimate } from "./plan.js";
import { type TrainingOptions, withTrainingCost } from "./training-cost.js";
import { assertInteger, assertNonNegative, assertPositive, assertThroughput } from "./validate.js";
import type { WorkloadTokens } from "./workload-tokens.js";

export interface PricePlansOptions {
  /** Price the training side of each RL step too. */
  training?: TrainingOptions;
}

/** Throws a RangeError naming the first field of `tokens` that makes no sense. */
export function validateWorkloadTokens(tokens: WorkloadTokens): void {
  assertInteger("episodes", tokens.episodes, 1);
  assertNonNegative("promptTokens", tokens.promptTokens);
  assertNonNegative("cachedPromptTokens", tokens.cachedPromptTokens);
  assertNonNegative("decodeTokens", tokens.decodeTokens);
  assertNonNegative("peakContextTokens", tokens.peakContextTokens);
  if (tokens.cachedPromptTokens > tokens.promptTokens) {
    throw new RangeError(
      `cachedPromptTokens must be <= promptTokens (${tokens.promptTokens}), got ${tokens.cachedPromptTokens}`,
    );
  }
}

function validatePlan(plan: Plan): void {
  const field = (name: string) => `plan ${plan.id}: ${name}`;
  if (plan.kind === "per-token") {
    for (const rates of [plan, ...(plan.contextTiers ?? [])]) {
      assertNonNegative(field("usdPerMillionPrefill"), rates.usdPerMillionPrefill);
      assertNonNegative(field("usdPerMillionSample"), rates.usdPerMillionSample);
      if (rates.usdPerMillionCachedPrefill !== undefined)
        assertNonNegative(field("usdPerMillionCachedPrefill"), rates.usdPerMillionCachedPrefill);
      if (rates.usdPerMillionTrain !== undefined)
        assertNonNegative(field("usdPerMillionTrain"), rates.usdPerMillionTrain);
    }
    return;
  }
  assertInteger(field("gpus"), plan.gpus, 1);
  assertPositive(field("usdPerGpuHour"), plan.usdPerGpuHour);
  assertThroughput(field("promptTokensPerSecond"), plan.promptTokensPerSecond);
  assertThroughput(field("decodeTokensPerSecond"), plan.decodeTokensPerSecond);
  if (plan.minimumBilledHours !== undefined)
    assertNonNegative(field("minimumBilledHours"), plan.minimumBilledHours);
}

/**
 * Each plan's bill for the same workload tokens (from a shape, a per-turn ledger or real logs), in the
 * order given, in $ for all episodes and per episode. Throws RangeError on invalid tokens or plans.
 */
export function pricePlans(
  tokens: WorkloadTokens,
  plans: Plan[],
  options: PricePlansOptions = {},
): PlanEstimate[] {
  validateWorkloadTokens(tokens);
  const { training } = options;
  if (training) {
    assertNonNegative("tokensTrained", training.tokensTrained);
    assertPositive("passes", training.passes);
    assertInteger("steps", training.steps, 1);
    if (training.trainTokensPerSecond !== undefined)
      assertThroughput("trainTokensPerSecond", training.trainTokensPerSecond);
  }
  return plans.map((plan) => {
    validatePlan(plan);
    const estimate = plan.kind === "per-token" ? perTokenBill(tokens, plan) : gpuHourBill(tokens, plan);
    return training ? withTrainingCost(estimate, plan, training, tokens.peakContextTokens) : estimate;
  });
}
