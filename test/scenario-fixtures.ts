// Catalog-backed fixtures for tests of core functions: the plans and the Fireworks page's input a preset
// gives, through the scenario layer, as every surface gets them.
import type { ReferenceInput } from "../src/core/estimate.js";
import type { Plan } from "../src/core/plan.js";
import type { ScenarioValues } from "../src/scenario/fields.js";
import { planOffer } from "../src/scenario/plans.js";
import { referenceFor } from "../src/scenario/reference.js";
import { resolveScenario } from "../src/scenario/resolve.js";

/** Every plan `presetId` offers for `modelId` (the scenario's defaults otherwise). */
export function plansForPreset(presetId: string, modelId: string, values: ScenarioValues = {}): Plan[] {
  return planOffer(resolveScenario({ ...values, preset: presetId, model: modelId })).plans;
}

/** The Fireworks page's input for `values` under the reference preset. */
export function referenceInput(values: ScenarioValues = {}): ReferenceInput {
  return referenceFor(resolveScenario(values)).input;
}
