// The Fireworks page's own comparison for a scenario, by its closed form (the fast path): the same two
// plans `priceScenario` prices for the `reference` preset, and the page's token math and at-par bounds.
import { CATALOG, type Catalog } from "../catalog/index.js";
import { estimateReference, type ReferenceEstimate, type ReferenceInput } from "../core/estimate.js";
import type { GpuHourPlan, PerTokenPlan } from "../core/plan.js";
import { planOffer, REFERENCE_PLAN_IDS } from "./plans.js";
import type { Scenario } from "./resolve.js";
import { ScenarioError } from "./scenario-error.js";

/** Where each figure of the page's comparison came from. */
export interface ReferenceSources {
  perToken: { provider: string; source: string; asOf: string | undefined };
  gpuRate: { source: string; asOf: string | undefined };
  dedicatedDefaults: { source: string; asOf: string };
}

/** The page's comparison for a scenario, with its input and sources. */
export interface ReferenceComparison {
  input: ReferenceInput;
  estimate: ReferenceEstimate;
  sources: ReferenceSources;
}

/** The page's two plans as the scenario prices them; a ScenarioError when the preset is not the page's. */
export function referencePlansFor(
  scenario: Scenario,
  catalog: Catalog = CATALOG,
): { tinker: PerTokenPlan; dedicated: GpuHourPlan } {
  if (scenario.preset.cardIds !== undefined) {
    throw new ScenarioError(
      "preset",
      `the Fireworks page's two-plan comparison uses its own rates (preset reference), not preset ${scenario.preset.id}; 'compare --preset ${scenario.preset.id}' prices every plan of it`,
    );
  }
  const { plans, unavailable } = planOffer(
    { ...scenario, values: { model: scenario.model.id } },
    [],
    catalog,
  );
  const tinker = plans.find(
    (p): p is PerTokenPlan => p.kind === "per-token" && p.id === REFERENCE_PLAN_IDS.perToken,
  );
  const dedicated = plans.find(
    (p): p is GpuHourPlan => p.kind === "gpu-hour" && p.id === REFERENCE_PLAN_IDS.dedicated,
  );
  if (!tinker || !dedicated) {
    throw new ScenarioError(
      "model",
      unavailable.map((u) => u.reason).join("; ") || `no reference plans for ${scenario.model.id}`,
    );
  }
  return { tinker, dedicated };
}

/**
 * The Fireworks page's comparison (token math, both plans, the label, the at-par bounds, warnings) for
 * the scenario, by the page's closed form: no window policy, `max` overlap, one price tier.
 */
export function referenceFor(scenario: Scenario, catalog: Catalog = CATALOG): ReferenceComparison {
  const { tinker, dedicated } = referencePlansFor(scenario, catalog);
  const entry = scenario.dedicated?.catalogEntry;
  const input: ReferenceInput = {
    workload: scenario.workload,
    perToken: {
      usdPerMillionPrefill: tinker.usdPerMillionPrefill,
      usdPerMillionSample: tinker.usdPerMillionSample,
    },
    dedicated: {
      gpuType: dedicated.gpuType,
      gpus: dedicated.gpus,
      usdPerGpuHour: dedicated.usdPerGpuHour,
      promptTokensPerSecond: dedicated.promptTokensPerSecond,
      decodeTokensPerSecond: dedicated.decodeTokensPerSecond,
    },
    contextWindow: { tokens: scenario.windowTokens, modelLabel: scenario.model.label },
  };
  return {
    input,
    estimate: estimateReference(input),
    sources: {
      perToken: { provider: tinker.provider, source: tinker.source, asOf: tinker.asOf },
      gpuRate: { source: dedicated.rateSource, asOf: dedicated.rateAsOf },
      dedicatedDefaults: { source: entry?.source ?? "", asOf: entry?.asOf ?? "" },
    },
  };
}
