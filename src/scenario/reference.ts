// The Fireworks page's own comparison for a scenario, by its closed form (the fast path): the same two
// plans `priceScenario` prices for the `reference` preset, and the page's token math and at-par bounds.
import { CATALOG, type Catalog } from "../catalog/index.js";
import { estimateReference, type ReferenceEstimate, type ReferenceInput } from "../core/estimate.js";
import type { GpuHourPlan, PerTokenPlan } from "../core/plan.js";
import { pricePlans } from "../core/price-plans.js";
import { workloadTokensFromShape } from "../core/workload-tokens.js";
import { applyPlanThroughput } from "./plan-throughput.js";
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
  const offered = planOffer({ ...scenario, values: { model: scenario.model.id } }, [], catalog);
  // With derived throughput (or chosen GPUs) the page's dedicated plan runs at the throughput model's
  // figures, as every other plan of the scenario does: one answer on every surface.
  const applied = derivedMode(scenario)
    ? applyPlanThroughput(scenario, workloadTokensFromShape(scenario.workload), offered.plans)
    : { plans: offered.plans, unavailable: [] };
  const plans = applied.plans;
  const unavailable = [...offered.unavailable, ...applied.unavailable];
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

/** Whether the scenario prices dedicated plans on derived throughput or on GPUs the user chose. */
export function derivedMode(scenario: Scenario): boolean {
  return scenario.values.throughput === "derived" || scenario.values.gpuType !== undefined;
}

/**
 * The Fireworks page's comparison (token math, both plans, the label, the at-par bounds, warnings) for
 * the scenario, by the page's closed form: no window policy, `max` overlap, one price tier. With derived
 * throughput the dedicated plan's hours and $ are its simulated bill (prefill and decode in turn), the
 * same figure `compare --throughput derived` gives; the at-par bounds then read the saturated form.
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
  const closed = estimateReference(input);
  const estimate = dedicated.overlap === "max" ? closed : withPipelineDedicated(closed, input, dedicated);
  return {
    input,
    estimate,
    sources: {
      perToken: { provider: tinker.provider, source: tinker.source, asOf: tinker.asOf },
      gpuRate: { source: dedicated.rateSource, asOf: dedicated.rateAsOf },
      dedicatedDefaults: { source: entry?.source ?? "", asOf: entry?.asOf ?? "" },
    },
  };
}

// The dedicated plan's own bill (its overlap, its effective throughputs) in place of the closed form's.
function withPipelineDedicated(
  closed: ReferenceEstimate,
  input: ReferenceInput,
  plan: GpuHourPlan,
): ReferenceEstimate {
  const [bill] = pricePlans(workloadTokensFromShape(input.workload), [plan]);
  if (!bill || bill.clusterHours === undefined) return closed;
  return {
    ...closed,
    plans: {
      ...closed.plans,
      dedicated: {
        ...closed.plans.dedicated,
        clusterHours: bill.clusterHours,
        usdTotal: bill.usdTotal,
        usdPerEpisode: bill.usdPerEpisode,
      },
    },
    warnings: [
      ...closed.warnings,
      `dedicated: derived throughput (${plan.throughputSource}); prefill and decode take turns, as simulated. The at-par bounds assume the Fireworks page's max of the two`,
    ],
  };
}
