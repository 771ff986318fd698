// What `estimate --json` prints and the page downloads for the same scenario: one value, one shape.

import { effectiveRates } from "../scenario/effective-rates.js";
import type { ReferenceComparison } from "../scenario/reference.js";
import type { Scenario } from "../scenario/resolve.js";
import { scenarioFile } from "../scenario/scenario-file.js";
import { verdictForValues } from "../scenario/verdict-scenario.js";
import { withVsTinker } from "./vs-tinker.js";

/** The verdict, then the Fireworks page's comparison for a scenario, as the JSON contract: unrounded, with sources. */
export function estimateJson(scenario: Scenario, comparison: ReferenceComparison): unknown {
  return {
    verdict: verdictOf(scenario),
    preset: scenario.preset.id,
    model: { id: scenario.model.id, label: scenario.model.label },
    workload: comparison.input.workload,
    ...withVsTinker(comparison.estimate),
    dedicatedUsdPerMillion: effectiveRates(comparison.input.dedicated),
    sources: comparison.sources,
    defaults: scenario.defaults,
    scenario: scenarioFile(scenario.values),
  };
}

/** The verdict for the scenario's values (see verdictForValues), or null where it cannot be given. */
function verdictOf(scenario: Scenario): unknown {
  try {
    return verdictForValues(scenario.values).verdict;
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}
