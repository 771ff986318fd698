import type { ReferenceInput } from "./estimate.js";
import type { GpuHourPlan, PerTokenPlan } from "./plan.js";

/** The reference page's two plans as Plan values: per token with no cached rate, and dedicated with `max`. */
export function referencePlans(input: ReferenceInput): { tinker: PerTokenPlan; dedicated: GpuHourPlan } {
  return {
    tinker: {
      kind: "per-token",
      id: "tinker",
      label: "Tinker",
      provider: "Tinker",
      ...input.perToken,
      source: "the page's rates",
    },
    dedicated: {
      kind: "gpu-hour",
      id: "dedicated",
      label: "Dedicated",
      provider: "Fireworks",
      ...input.dedicated,
      rateSource: "the page's",
      throughputSource: "the page's",
      overlap: "max",
    },
  };
}
