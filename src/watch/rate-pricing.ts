import type { Plan } from "../core/plan.js";
import { pricePlans } from "../core/price-plans.js";
import type { WorkloadTokens } from "../core/workload-tokens.js";

const SECONDS_PER_HOUR = 3600;

/** Token rates observed on a deployment, tokens per second. */
export interface ObservedRates {
  promptTokensPerSecond: number;
  cachedPromptTokensPerSecond: number;
  generationTokensPerSecond: number;
}

/** One plan's price of an observed rate. */
export interface PlanRate {
  id: string;
  label: string;
  kind: Plan["kind"];
  /** $ an hour at this rate. */
  usdPerHour: number;
  warnings: string[];
}

/**
 * An hour of work at `rates` as WorkloadTokens: the hour's tokens as one "episode" (a live deployment
 * reports no episode boundaries), cached tokens capped at the prompt tokens, and the peak context
 * `contextTokens` that picks a per-token plan's price tier.
 */
export function hourOfTokens(rates: ObservedRates, contextTokens: number): WorkloadTokens {
  const prompt = Math.max(0, rates.promptTokensPerSecond) * SECONDS_PER_HOUR;
  const cached = Math.min(prompt, Math.max(0, rates.cachedPromptTokensPerSecond) * SECONDS_PER_HOUR);
  return {
    episodes: 1,
    promptTokens: prompt,
    cachedPromptTokens: cached,
    decodeTokens: Math.max(0, rates.generationTokensPerSecond) * SECONDS_PER_HOUR,
    peakContextTokens: contextTokens,
  };
}

/**
 * What `rates` cost an hour on each plan: pricePlans on an hour of tokens. A GPU-hour plan bills the
 * busy time its saturated throughputs need for those tokens, as every bill here does.
 */
export function priceRates(rates: ObservedRates, plans: Plan[], contextTokens: number): PlanRate[] {
  return pricePlans(hourOfTokens(rates, contextTokens), plans).map((e) => ({
    id: e.id,
    label: e.label,
    kind: e.kind,
    usdPerHour: e.usdTotal,
    warnings: e.warnings,
  }));
}
