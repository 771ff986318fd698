// Text from any surface (flags, URL keys, page inputs, a scenario file) → field values, each read by
// the field table's rules; every problem is kept, named, so a surface can show all of them.
import { FIELDS, type Field, type FieldKey, LINK_FIELDS, type ScenarioValues } from "./fields.js";
import { type FieldProblem, readField } from "./read-field.js";

/** Field values read from text, and a problem for each field whose text was refused. */
export interface ReadValues {
  values: ScenarioValues;
  problems: FieldProblem[];
}

/** Reads `raw` (text by field key) into values; fields absent from `raw` stay unset. */
export function readValues(
  raw: Partial<Record<FieldKey, string>>,
  fields: readonly Field[] = FIELDS,
): ReadValues {
  const values: Record<string, unknown> = {};
  const problems: FieldProblem[] = [];
  for (const field of fields) {
    const text = raw[field.key as FieldKey];
    if (text === undefined) continue;
    const read = readField(field, text);
    if (read.ok) values[field.key] = read.value;
    else problems.push(read.problem);
  }
  return { values: values as ScenarioValues, problems };
}

/** The text of a value as a link or a flag writes it. */
export function valueText(value: unknown): string {
  return Array.isArray(value) ? value.join(",") : String(value);
}

/** A page link's query (no "?") for the values it carries, in the field table's order. */
export function queryFromValues(values: ScenarioValues): string {
  const params = new URLSearchParams();
  for (const field of LINK_FIELDS) {
    const value = values[field.key as FieldKey];
    if (value === undefined || field.query === undefined) continue;
    params.set(field.query, valueText(value));
  }
  return params.toString();
}

/** The raw text of each field a query string names (with or without "?"), by field key. */
export function rawFromQuery(query: string): Partial<Record<FieldKey, string>> {
  const params = new URLSearchParams(query.startsWith("?") ? query.slice(1) : query);
  const raw: Partial<Record<FieldKey, string>> = {};
  for (const field of LINK_FIELDS) {
    const text = field.query === undefined ? null : params.get(field.query);
    if (text !== null) raw[field.key as FieldKey] = text;
  }
  return raw;
}

/** Reads a page link's query into values; a bad key's problem is kept and the rest still read. */
export function valuesFromQuery(query: string): ReadValues {
  return readValues(rawFromQuery(query), LINK_FIELDS);
}

/** The CLI arguments that set `values` (`--turns 6 --initial-prompt 6534 …`), in the table's order. */
export function argsFromValues(values: ScenarioValues): string[] {
  const args: string[] = [];
  for (const field of FIELDS) {
    const value = values[field.key as FieldKey];
    if (value !== undefined) args.push(`--${field.flag}`, valueText(value));
  }
  return args;
}
