// What `estimate --json` prints and the page downloads for the same scenario: one value, one shape.
import type { ReferenceComparison } from "../scenario/reference.js";
import type { Scenario } from "../scenario/resolve.js";
import { scenarioFile } from "../scenario/scenario-file.js";
import { withVsTinker } from "./vs-tinker.js";

/** The Fireworks page's comparison for a scenario as the JSON contract: unrounded, with sources. */
export function estimateJson(scenario: Scenario, comparison: ReferenceComparison): unknown {
  return {
    preset: scenario.preset.id,
    model: { id: scenario.model.id, label: scenario.model.label },
    workload: comparison.input.workload,
    ...withVsTinker(comparison.estimate),
    sources: comparison.sources,
    defaults: scenario.defaults,
    scenario: scenarioFile(scenario.values),
  };
}
