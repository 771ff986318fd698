// The page's one call into the engine: the scenario layer, as every CLI command uses it.
import type { ReferenceEstimate, ReferenceInput } from "../core/estimate.js";
import type { ScenarioValues } from "../scenario/fields.js";
import { type PricedScenario, priceScenario } from "../scenario/price.js";
import { type ReferenceSources, referenceFor } from "../scenario/reference.js";
import { resolveScenario, type Scenario } from "../scenario/resolve.js";
import { ScenarioError } from "../scenario/scenario-error.js";
import { type VerdictResult, verdictForValues } from "../scenario/verdict-scenario.js";

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
  /** The answer first, as `rollout-cost estimate` gives it: on the chosen preset (default current). */
  verdict: ({ ok: true } & VerdictResult) | { ok: false; reason: string };
}

/** The estimate for `values`, or the engine's reason when it refuses them. */
export function evaluate(values: ScenarioValues): Priced | { ok: false; reason: string } {
  try {
    // The cards are the Fireworks page's two plans whatever the switch says: the page sets no preset but
    // the reference one, which is the resolver's default; the verdict reads the preset as `estimate` does.
    const scenario = resolveScenario(values);
    const { input, estimate, sources } = referenceFor(scenario);
    return {
      ok: true,
      values,
      scenario,
      input,
      estimate,
      sources,
      plans: priceScenario(scenario),
      verdict: verdictOrReason(values),
    };
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, reason: error.message };
    throw error;
  }
}

function verdictOrReason(values: ScenarioValues): Priced["verdict"] {
  try {
    return { ok: true, ...verdictForValues(values) };
  } catch (error) {
    if (error instanceof ScenarioError) return { ok: false, reason: error.message };
    throw error;
  }
}
