// The page's state: the text in each input (kept as typed, so a bad value can be explained beside
// its field) and the model. Everything shown is derived from it; the URL mirrors it. The inputs, their
// words, limits and URL keys all come from the scenario layer's field table.
import { CATALOG } from "../catalog/index.js";
import {
  DEADLINE_FIELD,
  type FieldKey,
  fieldByKey,
  LINK_FIELDS,
  type NumberField,
  type ScenarioValues,
} from "../scenario/fields.js";
import { queryFromValues, rawFromQuery, readValues } from "../scenario/read-values.js";
import { referencePlansFor } from "../scenario/reference.js";
import { modelFor, resolveScenario } from "../scenario/resolve.js";
import { ScenarioError } from "../scenario/scenario-error.js";

/** The numeric inputs of the page, in the order it shows them (the field table's). */
export const PAGE_FIELDS = LINK_FIELDS.filter(
  (f): f is NumberField => f.kind === "number",
) as NumberField<PageKey>[];

/** A numeric input's key. */
export type PageKey =
  | "episodes"
  | "turns"
  | "initialPromptTokens"
  | "addedTokensPerTurn"
  | "generatedTokensPerTurn"
  | "gpus"
  | "promptTokensPerSecond"
  | "decodeTokensPerSecond"
  | "cacheKeptLowPercent"
  | "trainPasses"
  | "trainTokensPerSecond"
  | "steps";

/** Whose prices the verdict and the ranked plans use: every rate card's newest, or the Fireworks page's. */
export type PagePreset = "current" | "reference";

/** The presets the switch offers, first the default (the verdict's, as `rollout-cost estimate` gives it). */
export const PAGE_PRESETS: readonly PagePreset[] = ["current", "reference"];

/** What the user has typed, field by field, and the chosen model. */
export interface Draft {
  modelId: string;
  text: Record<PageKey, string>;
  /** Dedicated throughput: the Fireworks page's saturated constants, or derived by the throughput model. */
  throughput: "saturated" | "derived";
  preset: PagePreset;
  /** The dedicated plans' GPU (a catalog id); "" = each plan's own (the preset's). */
  gpuType: string;
  /** The deadline panel's hours, as typed; "" = no deadline asked. */
  deadline: string;
}

/** The GPUs the page offers for dedicated plans: the catalog's. */
export const PAGE_GPUS = CATALOG.gpus.map((g) => g.id);

/** The fields the Advanced section holds; a model switch resets them to that model's defaults. */
export const ADVANCED_KEYS: readonly PageKey[] = [
  "gpus",
  "promptTokensPerSecond",
  "decodeTokensPerSecond",
  "cacheKeptLowPercent",
];

/** The training inputs: blank leaves training out, as the CLI does without --train-passes. */
export const TRAINING_KEYS: readonly PageKey[] = ["trainPasses", "trainTokensPerSecond", "steps"];

/** Inputs a blank leaves out (the CLI without their flag); every other input needs a value. */
const OPTIONAL_KEYS: readonly PageKey[] = [...TRAINING_KEYS, "cacheKeptLowPercent"];

/** The scenario's defaults as input text: the reference preset's, for `modelId` (default: its model). */
export function defaultDraft(modelId?: string): Draft {
  const scenario = resolveScenario(modelId === undefined ? {} : { model: modelId });
  const { shape, episodes } = scenario.workload;
  const d = scenario.dedicated;
  const values: Record<PageKey, number | undefined> = {
    episodes,
    ...shape,
    gpus: d?.gpus,
    promptTokensPerSecond: d?.promptTokensPerSecond,
    decodeTokensPerSecond: d?.decodeTokensPerSecond,
    cacheKeptLowPercent: undefined,
    trainPasses: undefined,
    trainTokensPerSecond: undefined,
    steps: undefined,
  };
  const text = Object.fromEntries(PAGE_FIELDS.map((f) => [f.key, String(values[f.key] ?? "")]));
  return {
    modelId: scenario.model.id,
    text: text as Draft["text"],
    throughput: "saturated",
    preset: "current",
    gpuType: "",
    deadline: "",
  };
}

/**
 * The draft after choosing the dedicated plans' GPU. The catalog's saturated figures belong to the
 * preset's own GPUs, so another GPU turns derived throughput on (the switch can turn it off again).
 */
export function withGpu(draft: Draft, gpuType: string): Draft {
  return { ...draft, gpuType, throughput: gpuType === "" ? draft.throughput : "derived" };
}

/** The draft after choosing another model: as on the Fireworks page, the Advanced fields reset. */
export function withModel(draft: Draft, modelId: string): Draft {
  const defaults = defaultDraft(modelId);
  const text = { ...draft.text };
  // The cluster's size and throughput are the model's; the cache assumption is the user's own.
  for (const key of ADVANCED_KEYS) if (key !== "cacheKeptLowPercent") text[key] = defaults.text[key];
  return { ...draft, modelId: defaults.modelId, text };
}

/** The draft after typing `text` into the field `key`. */
export function withText(draft: Draft, key: PageKey, text: string): Draft {
  return { ...draft, text: { ...draft.text, [key]: text } };
}

/** The draft's valid fields as scenario values, and a sentence for each field that is not. */
export function parseDraft(draft: Draft): {
  values: ScenarioValues;
  errors: Partial<Record<PageKey, string>>;
} {
  // A blank optional input (training, the cache assumption) is left out; every other input needs a value.
  const typed = Object.fromEntries(
    Object.entries(draft.text).filter(
      ([key, text]) => !(OPTIONAL_KEYS.includes(key as PageKey) && !text.trim()),
    ),
  );
  const { values, problems } = readValues(typed, PAGE_FIELDS);
  const errors: Partial<Record<PageKey, string>> = {};
  for (const p of problems) errors[p.key as PageKey] = p.labelMessage;
  return {
    values: {
      ...values,
      model: draft.modelId,
      ...(draft.throughput === "derived" && { throughput: "derived" as const }),
      ...(draft.preset === "reference" && { preset: "reference" }),
      ...(draft.gpuType !== "" && { gpuType: draft.gpuType }),
    },
    errors,
  };
}

/**
 * The draft a link describes: the model's defaults, overridden by each field the query names. A bad
 * numeric value is kept as text, so its field shows why; a bad model id becomes a notice.
 */
export function draftFromQuery(search: string): { draft: Draft; notices: string[] } {
  const raw = rawFromQuery(search);
  const notices: string[] = [];
  let modelId: string | undefined;
  if (raw.model !== undefined) {
    try {
      modelId = modelFor(raw.model).id;
      if (!PRICED_MODELS.some((m) => m.id === modelId)) {
        notices.push(
          `The Fireworks page has no prices for ${modelId}; showing ${modelLabel(defaultDraft().modelId)} instead.`,
        );
        modelId = undefined;
      }
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      notices.push(
        `The link's model: ${error.message}; showing ${modelLabel(defaultDraft().modelId)} instead.`,
      );
    }
  }
  const draft = defaultDraft(modelId);
  if (raw.throughput === "derived") draft.throughput = "derived";
  for (const field of PAGE_FIELDS) {
    const text = raw[field.key as FieldKey];
    if (text !== undefined) draft.text[field.key] = text.slice(0, 64);
  }
  if (raw.gpuType !== undefined) {
    if (PAGE_GPUS.includes(raw.gpuType)) draft.gpuType = raw.gpuType;
    else
      notices.push(
        `The link's GPU ${JSON.stringify(raw.gpuType.slice(0, 40))} is not one of ${PAGE_GPUS.join(", ")}; showing each plan's own.`,
      );
  }
  const deadline = new URLSearchParams(search).get(DEADLINE_FIELD.query ?? "");
  if (deadline !== null) draft.deadline = deadline.slice(0, 64);
  if (raw.preset !== undefined) {
    const preset = PAGE_PRESETS.find((p) => p === raw.preset);
    if (preset) draft.preset = preset;
    else
      notices.push(
        `The link's preset ${JSON.stringify(raw.preset.slice(0, 40))} is not one of ${PAGE_PRESETS.join(", ")}; showing ${draft.preset}.`,
      );
  }
  return { draft, notices };
}

/** The query string for the draft, with each invalid field at its last valid value. */
export function draftToQuery(draft: Draft, lastValid: ScenarioValues): string {
  const { values, errors } = parseDraft(draft);
  const merged: Record<string, unknown> = { ...values };
  for (const key of Object.keys(errors) as PageKey[]) {
    const value = lastValid[key];
    if (value !== undefined) merged[key] = value;
  }
  const query = new URLSearchParams(queryFromValues(merged as ScenarioValues));
  if (draft.deadline.trim() !== "") query.set(DEADLINE_FIELD.query ?? "", draft.deadline.trim());
  return query.toString();
}

/** The models the reference preset can price on both sides: the picker's choices. */
export const PRICED_MODELS = CATALOG.models.filter((model) => {
  try {
    referencePlansFor(resolveScenario({ model: model.id }));
    return true;
  } catch {
    return false;
  }
});

/** The model's name as the page shows it. */
export function modelLabel(modelId: string): string {
  return CATALOG.models.find((m) => m.id === modelId)?.label ?? modelId;
}

/** A field's words on the page. */
export function fieldLabel(key: PageKey): string {
  return fieldByKey(key).label;
}

/**
 * The draft a scenario file describes (the page's download, any `--json` output): the model and the
 * page's inputs it sets, over the model's defaults, and the keys the page cannot show (they stay as the
 * file has them for the CLI, but the page prices the Fireworks page's preset only).
 */
export function draftFromValues(values: ScenarioValues): { draft: Draft; ignored: string[] } {
  const model = values.model === undefined ? undefined : modelFor(values.model).id;
  const draft = defaultDraft(
    model !== undefined && PRICED_MODELS.some((m) => m.id === model) ? model : undefined,
  );
  const shown = new Set<string>(["model", ...PAGE_FIELDS.map((f) => f.key)]);
  for (const field of PAGE_FIELDS) {
    const value = values[field.key];
    if (value !== undefined) draft.text[field.key] = String(value);
  }
  const preset = PAGE_PRESETS.find((p) => p === values.preset);
  if (preset) draft.preset = preset;
  if (values.throughput === "derived") draft.throughput = "derived";
  const gpu = PAGE_GPUS.find((g) => g === values.gpuType);
  if (gpu) draft.gpuType = gpu;
  const ignored = Object.keys(values).filter(
    (key) =>
      !shown.has(key) && !(key === "preset" && preset) && !(key === "gpuType" && gpu) && key !== "throughput",
  );
  if (model !== undefined && draft.modelId !== model) ignored.unshift("model");
  return { draft, ignored };
}
