// A scenario as a URL query string, so a link reproduces it. The keys are short and stable: links
// built from them (by the page, by `rollout-cost analyze`) must keep working across releases.
import { CATALOG, type Catalog } from "../catalog/index.js";
import type { ReferenceOptions } from "../catalog/resolve-reference.js";
import { LIMITS } from "../core/limits.js";

/** The numeric scenario fields, in the order they appear in a query. */
export type ScenarioNumberKey =
  | "episodes"
  | "turns"
  | "initialPromptTokens"
  | "addedTokensPerTurn"
  | "generatedTokensPerTurn"
  | "gpus"
  | "promptTokensPerSecond"
  | "decodeTokensPerSecond";

/** A numeric field's query key, its words on the page, and the values it accepts. */
export interface ScenarioField {
  key: ScenarioNumberKey;
  query: string;
  label: string;
  integer: boolean;
  min: number;
  max: number;
  /** `min` itself is not allowed (throughputs must be > 0). */
  exclusiveMin: boolean;
}

const tokens = { integer: true, min: LIMITS.tokens.min, max: LIMITS.tokens.max, exclusiveMin: false };
const throughput = { integer: false, min: 0, max: 1e12, exclusiveMin: true };

/** Every numeric field, with the same limits as the CLI's flags and the engine's checks. */
export const SCENARIO_FIELDS: readonly ScenarioField[] = [
  {
    key: "episodes",
    query: "episodes",
    label: "Episodes",
    ...LIMITS.episodes,
    integer: true,
    exclusiveMin: false,
  },
  {
    key: "turns",
    query: "turns",
    label: "Turns per episode",
    ...LIMITS.turns,
    integer: true,
    exclusiveMin: false,
  },
  { key: "initialPromptTokens", query: "initial", label: "Initial prompt (tokens)", ...tokens },
  { key: "addedTokensPerTurn", query: "added", label: "Tokens added per turn", ...tokens },
  { key: "generatedTokensPerTurn", query: "generated", label: "Generation tokens per turn", ...tokens },
  { key: "gpus", query: "gpus", label: "Dedicated GPUs", ...LIMITS.gpus, integer: true, exclusiveMin: false },
  { key: "promptTokensPerSecond", query: "ptps", label: "Prompt tokens/sec (cluster)", ...throughput },
  { key: "decodeTokensPerSecond", query: "dtps", label: "Decode tokens/sec (cluster)", ...throughput },
];

const grouped = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** What `field` accepts, in words: "a whole number from 1 to 200". */
export function allowedText(field: ScenarioField): string {
  if (field.integer)
    return `a whole number from ${grouped.format(field.min)} to ${grouped.format(field.max)}`;
  const bound = field.exclusiveMin ? `above ${field.min}` : `of at least ${field.min}`;
  return `a number ${bound} and at most ${grouped.format(field.max)}`;
}

// Plain decimals, optionally with thousands separators (1,000 or 1_000) and an exponent (1e6).
const DECIMAL = /^[+-]?(\d[\d,_]*)?(\.\d+)?([eE][+-]?\d+)?$/;

/** Reads one field's text; `{ ok: false, reason }` is a sentence fit to show beside the input. */
export function parseScenarioNumber(
  field: ScenarioField,
  raw: string,
): { ok: true; value: number } | { ok: false; reason: string } {
  const text = raw.trim();
  if (text === "") return { ok: false, reason: `${field.label} is empty: enter ${allowedText(field)}.` };
  const value = DECIMAL.test(text) && /\d/.test(text) ? Number(text.replace(/[,_]/g, "")) : Number.NaN;
  const shown = text.length > 24 ? `${text.slice(0, 24)}…` : text;
  if (!Number.isFinite(value)) {
    return { ok: false, reason: `${field.label} must be ${allowedText(field)}; "${shown}" is not a number.` };
  }
  const inRange =
    (field.exclusiveMin ? value > field.min : value >= field.min) &&
    value <= field.max &&
    (!field.integer || Number.isInteger(value));
  if (!inRange) return { ok: false, reason: `${field.label} must be ${allowedText(field)}, not ${shown}.` };
  return { ok: true, value };
}

/** The query string (no leading "?") for a scenario: only the fields it sets, in a fixed order. */
export function scenarioToQuery(options: ReferenceOptions): string {
  const params = new URLSearchParams();
  if (options.preset !== undefined && options.preset !== "reference") params.set("preset", options.preset);
  if (options.modelId !== undefined) params.set("model", options.modelId);
  for (const field of SCENARIO_FIELDS) {
    const value = options[field.key];
    if (value !== undefined) params.set(field.query, String(value));
  }
  return params.toString();
}

/** A problem with one query parameter: its key and a sentence naming it. */
export interface QueryProblem {
  query: string;
  message: string;
}

/**
 * Reads a query string (with or without "?") into scenario options. Valid fields are kept, invalid
 * ones are left out and reported, so a link with one bad value still opens the rest of its scenario.
 */
export function scenarioFromQuery(
  query: string,
  catalog: Catalog = CATALOG,
): { options: ReferenceOptions; problems: QueryProblem[] } {
  const params = new URLSearchParams(query.startsWith("?") ? query.slice(1) : query);
  const options: ReferenceOptions = {};
  const problems: QueryProblem[] = [];
  const preset = params.get("preset");
  if (preset !== null) {
    if (catalog.presets.some((p) => p.id === preset)) options.preset = preset;
    else problems.push({ query: "preset", message: `preset: unknown preset "${clip(preset)}"` });
  }
  const model = params.get("model");
  if (model !== null) {
    if (catalog.models.some((m) => m.id === model)) options.modelId = model;
    else {
      const known = catalog.models.map((m) => m.id).join(", ");
      problems.push({ query: "model", message: `model: unknown model "${clip(model)}" (known: ${known})` });
    }
  }
  for (const field of SCENARIO_FIELDS) {
    const raw = params.get(field.query);
    if (raw === null) continue;
    const parsed = parseScenarioNumber(field, raw);
    if (parsed.ok) options[field.key] = parsed.value;
    else problems.push({ query: field.query, message: `${field.query}: ${parsed.reason}` });
  }
  return { options, problems };
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
