// One line of a Tinker cookbook run's `metrics.jsonl` (ml_log's JsonLogger, through TrainingRunStore
// .write_metrics: `{"step": i_batch, ...metrics}`), reduced to the quantities a rollout summary lacks.
import { isObject, shown } from "./values.js";

/** Why a metrics line was not read; each skipped line counts under one kind. */
export const METRICS_SKIP_KINDS = [
  /** Not JSON (even with Python's NaN / Infinity read as null), or not a JSON object. */
  "malformedJson",
  /** The last line has no line break and cannot be read: the file was cut off mid-record. */
  "truncatedLine",
  /** Neither `step` nor `progress/batch`. */
  "missingField",
  /** A step, time or count this reader uses that is not a number >= 0 (whole where a count; seconds up to 1e9). */
  "invalidValue",
  /** A second line with quantities for a step already read: the first is kept. */
  "duplicateStep",
] as const;
export type MetricsSkipKind = (typeof METRICS_SKIP_KINDS)[number];

/** The seconds keys: the trace window's spans, `time/<name>` (or `time/<name>:total` when repeated). */
export const METRICS_SECONDS = {
  wall: "time/total",
  sampling: "time/sampling",
  training: "time/train_step",
} as const;

/** The longest a step may take, in seconds (about 31 years): sums over any file stay finite. */
const MAX_STEP_SECONDS = 1e9;

/** The env/all/ counts compute_trajectory_metrics logs for the trajectories trained on in a step. */
export const METRICS_COUNTS = {
  episodes: "env/all/total_episodes",
  turns: "env/all/total_turns",
  promptTokens: "env/all/total_ob_tokens",
  completionTokens: "env/all/total_ac_tokens",
} as const;

export type SecondsKey = keyof typeof METRICS_SECONDS;
export type CountKey = keyof typeof METRICS_COUNTS;

/** One step's quantities; a quantity the line does not carry is absent. */
export interface MetricsStep {
  step: number;
  seconds: Partial<Record<SecondsKey, number>>;
  counts: Partial<Record<CountKey, number>>;
}

export type MetricsLine =
  | { ok: true; step: MetricsStep; pythonNonFinite: boolean }
  | { ok: false; kind: MetricsSkipKind; message: string };

const bad = (kind: MetricsSkipKind, message: string): MetricsLine => ({ ok: false, kind, message });

/** One metrics line → its step's quantities, or why it cannot be read. */
export function parseMetricsLine(text: string): MetricsLine {
  let value: unknown;
  let pythonNonFinite = false;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // Python's json.dumps writes NaN and Infinity bare (an unrelated metric may be NaN): read them as null.
    const patched = nonFiniteAsNull(text);
    if (patched === text) return bad("malformedJson", (error as Error).message);
    try {
      value = JSON.parse(patched);
      pythonNonFinite = true;
    } catch {
      return bad("malformedJson", (error as Error).message);
    }
  }
  if (!isObject(value)) return bad("malformedJson", "expected a JSON object (one step's metrics)");
  const stepValue = value.step ?? value["progress/batch"];
  if (stepValue === undefined || stepValue === null)
    return bad("missingField", "neither step nor progress/batch is present");
  if (typeof stepValue !== "number" || !Number.isSafeInteger(stepValue) || stepValue < 0)
    return bad("invalidValue", `step must be a whole number >= 0, got ${shown(stepValue)}`);
  const step: MetricsStep = { step: stepValue, seconds: {}, counts: {} };
  for (const [name, key] of Object.entries(METRICS_SECONDS) as [SecondsKey, string][]) {
    // A present null (Python's NaN, read as null) is an invalid value, not an absent one.
    const raw = key in value ? value[key] : value[`${key}:total`];
    if (raw === undefined) continue;
    if (typeof raw !== "number" || !Number.isFinite(raw) || raw < 0 || raw > MAX_STEP_SECONDS)
      return bad("invalidValue", `${key} must be seconds (a number from 0 to 1e9), got ${shown(raw)}`);
    step.seconds[name] = raw;
  }
  for (const [name, key] of Object.entries(METRICS_COUNTS) as [CountKey, string][]) {
    const raw = value[key];
    if (raw === undefined) continue;
    if (typeof raw !== "number" || !Number.isSafeInteger(raw) || raw < 0)
      return bad("invalidValue", `${key} must be a whole number >= 0, got ${shown(raw)}`);
    step.counts[name] = raw;
  }
  return { ok: true, step, pythonNonFinite };
}

const NON_FINITE = ["-Infinity", "Infinity", "NaN"];

/** `text` with bare NaN, Infinity and -Infinity (outside strings) replaced by null. */
function nonFiniteAsNull(text: string): string {
  let out = "";
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      out += c;
      if (c === "\\") out += text[++i] ?? "";
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    const word = NON_FINITE.find((w) => text.startsWith(w, i));
    if (word !== undefined) {
      out += "null";
      i += word.length - 1;
    } else out += c;
  }
  return out;
}
