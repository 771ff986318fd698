import type { PerTokenPlan, PerTokenPlanRates } from "./plan.js";

/** The rates a per-token plan charges for an episode of this final context, and which tier they are. */
export interface ChosenTier {
  rates: PerTokenPlanRates;
  /** The tier's label, or undefined for a plan without tiers. */
  label: string | undefined;
  maxContextTokens: number;
  warning: string | undefined;
}

/**
 * The smallest of the plan's tiers (base included) whose context holds `finalContextTokens`; past the
 * largest, the largest, with a warning. A plan's tier is chosen by the episode's final context because
 * the provider serves the whole episode on one context variant.
 */
export function tierFor(plan: PerTokenPlan, finalContextTokens: number): ChosenTier {
  const base = { rates: plan, label: plan.tierLabel, maxContextTokens: plan.maxContextTokens ?? Infinity };
  const tiers = [
    base,
    ...(plan.contextTiers ?? []).map((t) => ({
      rates: t,
      label: t.label,
      maxContextTokens: t.maxContextTokens,
    })),
  ].sort((a, b) => a.maxContextTokens - b.maxContextTokens);
  const fits = tiers.find((t) => finalContextTokens <= t.maxContextTokens);
  if (fits) return { ...fits, warning: undefined };
  const largest = tiers[tiers.length - 1] ?? base;
  return {
    ...largest,
    warning:
      `the episode's final context of ${finalContextTokens.toLocaleString("en-US")} tokens ` +
      `exceeds the largest tier the catalog has for this plan (${largest.maxContextTokens.toLocaleString("en-US")} tokens); ` +
      "priced at that tier anyway",
  };
}
