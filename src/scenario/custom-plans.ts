import type { Overlap } from "../core/cluster-hours.js";
import type { GpuHourPlan, PerTokenPlan } from "../core/plan.js";

/** A per-token plan with the user's own rates, $ per 1M tokens. */
export function customPerTokenPlan(rates: {
  usdPerMillionPrefill: number;
  usdPerMillionCachedPrefill?: number;
  usdPerMillionSample: number;
  usdPerMillionTrain?: number;
}): PerTokenPlan {
  return {
    kind: "per-token",
    id: "custom",
    label: "Custom per-token plan",
    provider: "user",
    ...rates,
    source: "user input",
  };
}

/** GPUs the user runs (or rents) at their own $/GPU-hour, with throughputs from the user or the catalog. */
export function selfHostedPlan(terms: {
  gpuType: string;
  gpus: number;
  usdPerGpuHour: number;
  promptTokensPerSecond: number;
  decodeTokensPerSecond: number;
  throughputSource: string;
  overlap: Overlap;
  minimumBilledHours?: number;
}): GpuHourPlan {
  const { throughputSource, ...rest } = terms;
  return {
    kind: "gpu-hour",
    id: "self-hosted",
    label: `Self-hosted: ${terms.gpus}× ${terms.gpuType.replace("_", " ")} at $${terms.usdPerGpuHour}/GPU-hour`,
    provider: "self-hosted",
    ...rest,
    rateSource: "user input",
    throughputSource,
  };
}
