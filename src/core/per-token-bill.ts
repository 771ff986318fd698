import { tierFor } from "./context-tier.js";
import type { Assumption, PerTokenPlan, PlanEstimate } from "./plan.js";
import type { WorkloadTokens } from "./workload-tokens.js";

const TOKENS_PER_MILLION = 1_000_000;

/**
 * $ for a workload billed per token: uncached prompt tokens at the prefill rate, cached ones at the
 * cached-prefill rate (full prefill when the plan has none: every turn re-prefilled, as the reference
 * page bills Tinker), generated tokens at the sample rate; the tier is chosen by the peak context.
 */
export function perTokenBill(tokens: WorkloadTokens, plan: PerTokenPlan): PlanEstimate {
  const tier = tierFor(plan, tokens.peakContextTokens);
  const { rates } = tier;
  const cachedRate = rates.usdPerMillionCachedPrefill ?? rates.usdPerMillionPrefill;
  const uncached = tokens.promptTokens - tokens.cachedPromptTokens;
  const usdTotal =
    rates.usdPerMillionCachedPrefill === undefined
      ? (tokens.promptTokens / TOKENS_PER_MILLION) * rates.usdPerMillionPrefill +
        (tokens.decodeTokens / TOKENS_PER_MILLION) * rates.usdPerMillionSample
      : (uncached / TOKENS_PER_MILLION) * rates.usdPerMillionPrefill +
        (tokens.cachedPromptTokens / TOKENS_PER_MILLION) * cachedRate +
        (tokens.decodeTokens / TOKENS_PER_MILLION) * rates.usdPerMillionSample;
  const source = plan.asOf ? `${plan.source}, ${plan.asOf}` : plan.source;
  const assumptions: Assumption[] = [
    { name: "prefill $/1M", value: rates.usdPerMillionPrefill, source },
    {
      name: "cached prefill $/1M",
      value: rates.usdPerMillionCachedPrefill ?? "none: cached tokens pay full prefill",
      source,
    },
    { name: "sample $/1M", value: rates.usdPerMillionSample, source },
  ];
  if (tier.label !== undefined) {
    assumptions.push({
      name: "context tier",
      value: `${tier.label}, chosen by the final context of ${tokens.peakContextTokens} tokens`,
      source,
    });
  }
  if (rates.usdPerMillionCachedPrefill !== undefined) {
    assumptions.push({
      name: "cache hits",
      value: "every repeated prefix is served from the provider's cache (perfect session affinity)",
    });
  }
  return {
    id: plan.id,
    label: plan.label,
    kind: "per-token",
    provider: plan.provider,
    usdTotal,
    usdPerEpisode: usdTotal / tokens.episodes,
    ...(tier.label !== undefined && { tier: tier.label }),
    assumptions,
    warnings: tier.warning ? [tier.warning] : [],
  };
}
