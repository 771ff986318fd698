// Which scenario the verdict is given on: the user's own preset when they chose one (or narrowed the
// plans), else `current`, every rate card's newest figures, so the answer is the engine's best one
// while the `reference` preset keeps reproducing the Fireworks page.
import { CATALOG, type Catalog } from "../catalog/index.js";
import type { ScenarioValues } from "./fields.js";
import { type PricedScenario, type PriceOptions, priceScenario } from "./price.js";
import { realityCheckFor } from "./reality-check.js";
import { resolveScenario } from "./resolve.js";
import { ScenarioError } from "./scenario-error.js";
import { type Verdict, verdictFor } from "./verdict.js";

/** The preset a verdict uses when the user names none. */
export const VERDICT_DEFAULT_PRESET = "current";

/** The values the verdict prices: `values` with preset `current` unless a preset or plan list is given. */
export function verdictValues(values: ScenarioValues): ScenarioValues {
  if (values.preset !== undefined || values.plans !== undefined) return values;
  // The baseline names a plan of the user's preset; the verdict does not read against one.
  const { baseline: _baseline, ...rest } = values;
  return { ...rest, preset: VERDICT_DEFAULT_PRESET };
}

/** A verdict and the priced scenario it was read from. */
export interface VerdictResult {
  verdict: Verdict;
  priced: PricedScenario;
}

/**
 * The verdict for `values`: priced on `verdictValues(values)`, falling back to the values as given
 * when `current` offers no plan for the model. Throws the ScenarioError of the values as given.
 */
export function verdictForValues(
  values: ScenarioValues,
  options: PriceOptions = {},
  catalog: Catalog = CATALOG,
): VerdictResult {
  const chosen = verdictValues(values);
  let priced: PricedScenario;
  try {
    priced = priceScenario(resolveScenario(chosen, catalog), options);
  } catch (error) {
    if (!(error instanceof ScenarioError) || chosen === values) throw error;
    priced = priceScenario(resolveScenario(values, catalog), options);
  }
  return { verdict: verdictFor(priced, realityCheckFor(priced.scenario, catalog)), priced };
}
