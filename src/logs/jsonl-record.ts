import type { FieldGetter } from "./field-path.js";
import { type RecordNames, type RecordResult, recordFromValues, skip } from "./log-record.js";

/** Where a JSON record keeps the episode id and the order value. */
export interface JsonFields {
  episode: FieldGetter;
  /** null: order by file position. */
  order: FieldGetter | null;
  names: RecordNames;
}

type Json = Record<string, unknown>;

function member(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null ? (value as Json)[key] : undefined;
}

/**
 * A parsed JSON value as a request in the OpenAI-compatible shape: `usage.prompt_tokens`,
 * `usage.completion_tokens`, `usage.prompt_tokens_details.cached_tokens`.
 */
export function recordFromJson(value: unknown, fields: JsonFields): RecordResult {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return skip(
      "malformedJson",
      `expected a JSON object, got ${Array.isArray(value) ? "an array" : typeof value}`,
    );
  }
  const usage = (value as Json).usage;
  return recordFromValues(
    fields.episode(value),
    fields.order ? fields.order(value) : undefined,
    member(usage, "prompt_tokens"),
    member(member(usage, "prompt_tokens_details"), "cached_tokens"),
    member(usage, "completion_tokens"),
    fields.names,
  );
}

/** JSON.parse's complaint, shortened to one line. */
export function jsonError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return `not valid JSON: ${text.split("\n")[0]?.slice(0, 120)}`;
}
