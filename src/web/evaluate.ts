// The page's one call into the engine: the scenario layer, as every CLI command uses it.
import type { ReferenceEstimate, ReferenceInput } from "../core/estimate.js";
import type { ScenarioValues } from "../scenario/fields.js";
import { type PricedScenario, priceScenario } from "../scenario/price.js";
import { type ReferenceSources, referenceFor } from "../scenario/reference.js";
import { resolveScenario, type Scenario } from "../scenario/resolve.js";

/** A scenario the engine priced: the Fireworks page's comparison and the same plans through the pipeline. */
export interface Priced {
  ok: true;
  values: ScenarioValues;
  scenario: Scenario;
  input: ReferenceInput;
  estimate: ReferenceEstimate;
  sources: ReferenceSources;
  /** The page's two plans priced by the one pipeline (equal to `estimate` by a property test). */
  plans: PricedScenario;
}

/** The estimate for `values`, or the engine's reason when it refuses them. */
export function evaluate(values: ScenarioValues): Priced | { ok: false; reason: string } {
  try {
    const scenario = resolveScenario(values);
    const { input, estimate, sources } = referenceFor(scenario);
    return { ok: true, values, scenario, input, estimate, sources, plans: priceScenario(scenario) };
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, reason: error.message };
    throw error;
  }
}
