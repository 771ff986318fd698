import { clusterHoursFor } from "./cluster-hours.js";
import type { Assumption, GpuHourPlan, PlanEstimate } from "./plan.js";
import type { WorkloadTokens } from "./workload-tokens.js";

/**
 * $ for a workload on GPUs billed by the hour: the cluster prefills only uncached prompt tokens and
 * decodes every generated token at constant saturated throughputs, busy for max or sum of the two
 * times (the plan's overlap), billed for at least its minimum hours.
 */
export function gpuHourBill(tokens: WorkloadTokens, plan: GpuHourPlan): PlanEstimate {
  const clusterHours = clusterHoursFor(
    {
      uncachedPromptTokens: tokens.promptTokens - tokens.cachedPromptTokens,
      decodeTokens: tokens.decodeTokens,
      promptTokensPerSecond: plan.promptTokensPerSecond,
      decodeTokensPerSecond: plan.decodeTokensPerSecond,
    },
    plan.overlap,
  );
  const billedHours = Math.max(clusterHours, plan.minimumBilledHours ?? 0);
  const usdTotal = billedHours * plan.gpus * plan.usdPerGpuHour;
  const rateSource = plan.rateAsOf ? `${plan.rateSource}, ${plan.rateAsOf}` : plan.rateSource;
  const assumptions: Assumption[] = [
    { name: "GPUs", value: `${plan.gpus}× ${plan.gpuType}` },
    { name: "$/GPU-hour", value: plan.usdPerGpuHour, source: rateSource },
    { name: "prompt tok/s (cluster)", value: plan.promptTokensPerSecond, source: plan.throughputSource },
    { name: "decode tok/s (cluster)", value: plan.decodeTokensPerSecond, source: plan.throughputSource },
    {
      name: "overlap",
      value:
        plan.overlap === "max"
          ? "max: prefill and decode overlap perfectly (the Fireworks page's)"
          : "sum: prefill and decode take turns (the conservative bound)",
    },
    { name: "prefix cache", value: "survives between turns: only uncached prompt tokens are prefilled" },
  ];
  const warnings: string[] = [];
  if (plan.minimumBilledHours !== undefined) {
    assumptions.push({ name: "minimum billed hours", value: plan.minimumBilledHours });
    if (billedHours > clusterHours) {
      warnings.push(
        `${plan.label}: busy ${clusterHours.toFixed(2)} h but billed the minimum ${plan.minimumBilledHours} h`,
      );
    }
  }
  return {
    id: plan.id,
    label: plan.label,
    kind: "gpu-hour",
    provider: plan.provider,
    usdTotal,
    usdPerEpisode: usdTotal / tokens.episodes,
    clusterHours,
    assumptions,
    warnings,
  };
}
