// Every plan's $ per 1M tokens, side by side: a per-token plan's rates (the tier its bill used), and a
// dedicated plan's GPU-hours read as per-token rates, the Fireworks page's back-of-envelope:
// GPUs × $/GPU-hour ÷ (tokens/s × 3600) × 10^6.
import type { GpuHourPlan, Plan } from "../core/plan.js";

/** $ per 1M tokens a plan charges, or works out to at its cluster throughput. */
export interface RatesPerMillion {
  /** Per 1M prefilled prompt tokens. */
  prompt: number;
  /** Per 1M cached prompt tokens: a dedicated plan's surviving cache costs nothing more (0). */
  cachedPrompt: number;
  /** Per 1M generated (decoded) tokens. */
  generated: number;
  /** "rate card" for per-token plans; "GPU-hours" for dedicated ones (the effective rate). */
  from: "rate card" | "GPU-hours";
}

/**
 * GPUs × $/GPU-hour ÷ (tokens/s × 3600) × 10^6 for prompt and for generated tokens, each as if the cluster
 * did only that (the page's 8 × $12 at 30,000 / 1,500 tok/s: $0.889 and $17.78 per 1M).
 */
export function effectiveRates(
  plan: Pick<GpuHourPlan, "gpus" | "usdPerGpuHour" | "promptTokensPerSecond" | "decodeTokensPerSecond">,
): RatesPerMillion {
  const usdPerHour = plan.gpus * plan.usdPerGpuHour;
  const perMillion = (tokensPerSecond: number) => (usdPerHour / (tokensPerSecond * 3600)) * 1e6;
  return {
    prompt: perMillion(plan.promptTokensPerSecond),
    cachedPrompt: 0,
    generated: perMillion(plan.decodeTokensPerSecond),
    from: "GPU-hours",
  };
}

/** A plan's $ per 1M tokens: its rates at the tier `tierLabel` names (per token), else effective ones. */
export function ratesPerMillion(plan: Plan, tierLabel?: string): RatesPerMillion {
  if (plan.kind === "gpu-hour") return effectiveRates(plan);
  const tier = plan.contextTiers?.find((t) => t.label === tierLabel) ?? plan;
  return {
    prompt: tier.usdPerMillionPrefill,
    cachedPrompt: tier.usdPerMillionCachedPrefill ?? tier.usdPerMillionPrefill,
    generated: tier.usdPerMillionSample,
    from: "rate card",
  };
}
