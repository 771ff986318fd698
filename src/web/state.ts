// The page's state: the text in each input (kept as typed, so a bad value can be explained beside
// its field) and the model. Everything shown is derived from it; the URL mirrors it.
import { CATALOG } from "../catalog/index.js";
import type { ReferenceOptions } from "../catalog/resolve-reference.js";
import { resolveReference } from "../catalog/resolve-reference.js";
import {
  parseScenarioNumber,
  SCENARIO_FIELDS,
  type ScenarioNumberKey,
  scenarioFromQuery,
  scenarioToQuery,
} from "../format/scenario-query.js";

/** What the user has typed, field by field, and the chosen model. */
export interface Draft {
  modelId: string;
  text: Record<ScenarioNumberKey, string>;
}

/** The fields the Advanced section holds; a model switch resets them to that model's defaults. */
export const ADVANCED_KEYS: readonly ScenarioNumberKey[] = [
  "gpus",
  "promptTokensPerSecond",
  "decodeTokensPerSecond",
];

/** The scenario's defaults as input text: the reference preset's, for `modelId` (default: its model). */
export function defaultDraft(modelId?: string): Draft {
  const { input, provenance } = resolveReference(modelId === undefined ? {} : { modelId });
  const { shape, episodes } = input.workload;
  const values: Record<ScenarioNumberKey, number> = {
    episodes,
    ...shape,
    gpus: input.dedicated.gpus,
    promptTokensPerSecond: input.dedicated.promptTokensPerSecond,
    decodeTokensPerSecond: input.dedicated.decodeTokensPerSecond,
  };
  const text = Object.fromEntries(SCENARIO_FIELDS.map((f) => [f.key, String(values[f.key])]));
  return { modelId: provenance.model.id, text: text as Draft["text"] };
}

/** The draft after choosing another model: as on the reference page, the Advanced fields reset. */
export function withModel(draft: Draft, modelId: string): Draft {
  const defaults = defaultDraft(modelId);
  const text = { ...draft.text };
  for (const key of ADVANCED_KEYS) text[key] = defaults.text[key];
  return { modelId: defaults.modelId, text };
}

/** The draft after typing `text` into the field `key`. */
export function withText(draft: Draft, key: ScenarioNumberKey, text: string): Draft {
  return { ...draft, text: { ...draft.text, [key]: text } };
}

/** The draft's valid fields as engine options, and a sentence for each field that is not. */
export function parseDraft(draft: Draft): {
  options: ReferenceOptions;
  errors: Partial<Record<ScenarioNumberKey, string>>;
} {
  const options: ReferenceOptions = { modelId: draft.modelId };
  const errors: Partial<Record<ScenarioNumberKey, string>> = {};
  for (const field of SCENARIO_FIELDS) {
    const parsed = parseScenarioNumber(field, draft.text[field.key]);
    if (parsed.ok) options[field.key] = parsed.value;
    else errors[field.key] = parsed.reason;
  }
  return { options, errors };
}

/**
 * The draft a link describes: the model's defaults, overridden by each field the query names. A bad
 * numeric value is kept as text, so its field shows why; a bad model id becomes a notice.
 */
export function draftFromQuery(search: string): { draft: Draft; notices: string[] } {
  const { options, problems } = scenarioFromQuery(search);
  const modelId = options.modelId;
  if (modelId !== undefined && !PRICED_MODELS.some((m) => m.id === modelId)) {
    problems.push({ query: "model", message: `model: the reference preset has no prices for ${modelId}` });
    delete options.modelId;
  }
  const draft = defaultDraft(options.modelId);
  const params = new URLSearchParams(search.startsWith("?") ? search.slice(1) : search);
  for (const field of SCENARIO_FIELDS) {
    const raw = params.get(field.query);
    if (raw !== null) draft.text[field.key] = raw.slice(0, 64);
  }
  const notices = problems
    .filter((p) => p.query === "model")
    .map((p) => `The link's ${p.message}; showing ${modelLabel(draft.modelId)} instead.`);
  // The page prices the reference preset only (the CLI's --preset reaches the others).
  const preset = params.get("preset");
  if (preset !== null && preset !== "reference") {
    notices.push(
      `This page prices the reference preset only; the link's preset "${preset.slice(0, 40)}" was ignored.`,
    );
  }
  return { draft, notices };
}

/** The query string for the draft, with each invalid field at its last valid value. */
export function draftToQuery(draft: Draft, lastValid: ReferenceOptions): string {
  const { options, errors } = parseDraft(draft);
  const merged: ReferenceOptions = { ...options };
  for (const key of Object.keys(errors) as ScenarioNumberKey[]) {
    const value = lastValid[key];
    if (value !== undefined) merged[key] = value;
  }
  return scenarioToQuery(merged);
}

/** The models the reference preset can price on both sides: the picker's choices. */
export const PRICED_MODELS = CATALOG.models.filter((model) => {
  try {
    resolveReference({ modelId: model.id });
    return true;
  } catch {
    return false;
  }
});

/** The model's name as the page shows it. */
export function modelLabel(modelId: string): string {
  return CATALOG.models.find((m) => m.id === modelId)?.label ?? modelId;
}
