// The Fireworks page's "N.N× cheaper / more / at par" for its comparison: built where it is shown, not
// by the engine, so the engine's hot path stays arithmetic.
import { comparisonLabel } from "../core/comparison-label.js";
import type { ReferenceEstimate } from "../core/estimate.js";

/** How the dedicated plan's total reads against Tinker's, worded as the Fireworks page words it. */
export function vsTinkerLabel(estimate: ReferenceEstimate): string {
  return comparisonLabel(estimate.plans.tinker.usdTotal, estimate.plans.dedicated.usdTotal);
}

/** The estimate as the JSON contract has it: the dedicated plan with its `vsTinker` label. */
export function withVsTinker(estimate: ReferenceEstimate) {
  return {
    ...estimate,
    plans: {
      ...estimate.plans,
      dedicated: { ...estimate.plans.dedicated, vsTinker: vsTinkerLabel(estimate) },
    },
  };
}
