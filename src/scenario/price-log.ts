// A log's observed workload priced through the one pipeline: the real per-request tokens (not a fitted
// shape), on the model the log names when the catalog has it, with the plans the user chose.
import { modelByName } from "../catalog/lookup.js";
import type { Plan } from "../core/plan.js";
import type { LogAnalysis } from "../logs/log-analysis.js";
import { observedWorkloadTokens } from "../logs/observed-workload.js";
import type { ScenarioValues } from "./fields.js";
import { type PricedScenario, priceScenario } from "./price.js";
import { resolveScenario } from "./resolve.js";

/** Where the model a log was priced on came from. */
export type ModelSource = "user" | "log" | "default";

export type PricedLog =
  | { ok: true; priced: PricedScenario; modelSource: ModelSource; notes: string[] }
  | { ok: false; reason: string };

/** The model name the log carries, if any. */
export function loggedModelName(analysis: LogAnalysis): string | undefined {
  return analysis.modelNamed;
}

/**
 * The log's requests priced on every chosen plan: `values.model` when the user named one, else the
 * model the log names when the catalog knows it, else the preset's default (and a note says which).
 */
export function priceObservedLog(
  analysis: LogAnalysis,
  values: ScenarioValues,
  options: { imported?: readonly Plan[]; importWarnings?: readonly string[]; episodes?: number } = {},
): PricedLog {
  const observed = observedWorkloadTokens(analysis, options.episodes);
  if (!observed.ok) return { ok: false, reason: observed.reason };
  const notes: string[] = [];
  const logged = loggedModelName(analysis);
  const known = logged === undefined ? undefined : modelByName(logged);
  let modelSource: ModelSource = "user";
  let chosen = values;
  if (values.model === undefined) {
    if (known) {
      chosen = { ...values, model: known.id };
      modelSource = "log";
      notes.push(`priced as ${known.id}, the model the log names ("${logged?.slice(0, 80)}")`);
    } else {
      modelSource = "default";
      if (logged !== undefined)
        notes.push(
          `the log names model "${logged.slice(0, 80)}", which the catalog does not know: priced as the preset's default model`,
        );
    }
  } else if (logged !== undefined && known?.id !== resolveScenario(values).model.id) {
    notes.push(`the log names model "${logged.slice(0, 80)}"; priced as ${values.model}, as asked`);
  }
  const scenario = resolveScenario(chosen);
  const priced = priceScenario(scenario, {
    ...(options.imported && { imported: options.imported }),
    ...(options.importWarnings && { importWarnings: options.importWarnings }),
    observed: {
      tokens: observed.tokens,
      ...(analysis.tokens.train !== undefined && { tokensTrained: analysis.tokens.train }),
    },
  });
  return { ok: true, priced, modelSource, notes };
}
