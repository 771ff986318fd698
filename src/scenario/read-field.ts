// Reading one field's text (from a flag, a URL key, a page input or a scenario file) under the one
// number grammar and the field table's limits. A problem names the field both ways a surface shows it.
import { echo } from "../format/echo.js";
import type { Field, NumberField, NumberRule } from "./fields.js";
import { parseNumberText } from "./number-grammar.js";

/** Why one field's value was refused, worded for the CLI (`--flag …`) and for the page (`Label …`). */
export interface FieldProblem {
  key: string;
  flag: string;
  query?: string;
  /** `--turns must be an integer from 1 to 200, got "abc"` */
  flagMessage: string;
  /** `Turns per episode must be a whole number from 1 to 200; "abc" is not a number.` */
  labelMessage: string;
}

export type FieldRead<T> = { ok: true; value: T } | { ok: false; problem: FieldProblem };

let groupedFormat: Intl.NumberFormat | undefined;
const grouped = {
  format(n: number): string {
    if (groupedFormat === undefined)
      groupedFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 6 });
    return groupedFormat.format(n);
  },
};

/** What a number rule accepts, in the CLI's words ("an integer from 1 to 200", "a number >= 0.001 and <= …"). */
export function allowedForFlag(rule: NumberRule): string {
  if (rule.integer) return `an integer from ${rule.min} to ${rule.max}`;
  const bound = rule.exclusiveMin ? `> ${rule.min}` : `>= ${rule.min}`;
  return `a number ${bound} and <= ${rule.max}`;
}

/** What a number rule accepts, in the page's words ("a whole number from 1 to 200"). */
export function allowedForLabel(rule: NumberRule): string {
  if (rule.integer) return `a whole number from ${grouped.format(rule.min)} to ${grouped.format(rule.max)}`;
  const bound = rule.exclusiveMin
    ? `above ${grouped.format(rule.min)}`
    : `of at least ${grouped.format(rule.min)}`;
  return `a number ${bound} and at most ${grouped.format(rule.max)}`;
}

/** Whether `value` is inside `rule`. */
export function withinRule(value: number, rule: NumberRule): boolean {
  return (
    Number.isFinite(value) &&
    (!rule.integer || Number.isInteger(value)) &&
    (rule.exclusiveMin ? value > rule.min : value >= rule.min) &&
    value <= rule.max
  );
}

function problem(field: Field, flagMessage: string, labelMessage: string): FieldRead<never> {
  return {
    ok: false,
    problem: {
      key: field.key,
      flag: field.flag,
      ...("query" in field && field.query !== undefined && { query: field.query }),
      flagMessage,
      labelMessage,
    },
  };
}

/** A number under `rule`, read from `raw` with the one grammar; `name` is the flag for messages. */
export function readNumber(
  field: Pick<NumberField, "key" | "flag" | "label" | "rule">,
  raw: string,
): FieldRead<number> {
  const { rule } = field;
  const value = parseNumberText(raw);
  const flagMessage = `--${field.flag} must be ${allowedForFlag(rule)}, got ${echo(raw)}`;
  if (raw === "")
    return problem(field as Field, flagMessage, `${field.label} is empty: enter ${allowedForLabel(rule)}.`);
  if (value === undefined) {
    return problem(
      field as Field,
      flagMessage,
      `${field.label} must be ${allowedForLabel(rule)}; ${echo(raw, 24)} is not a number.`,
    );
  }
  if (!withinRule(value, rule)) {
    return problem(
      field as Field,
      flagMessage,
      `${field.label} must be ${allowedForLabel(rule)}, not ${echo(raw, 24)}.`,
    );
  }
  return { ok: true, value };
}

/** One field's value read from its text: numbers by the grammar, choices by name, text by length. */
export function readField(field: Field, raw: string): FieldRead<number | string | string[]> {
  if (field.kind === "number") return readNumber(field, raw);
  if (field.kind === "choice") {
    if (field.choices.includes(raw)) return { ok: true, value: raw };
    const allowed = `one of ${field.choices.join(", ")}`;
    return problem(
      field,
      `--${field.flag} must be ${allowed}, got ${echo(raw)}`,
      `${field.label} must be ${allowed}, not ${echo(raw, 24)}.`,
    );
  }
  if (raw.length === 0 || raw.length > field.maxChars) {
    const allowed = `${field.list ? "a list" : "text"} of 1 to ${field.maxChars} characters`;
    return problem(
      field,
      `--${field.flag} must be ${allowed}, got ${echo(raw)}`,
      `${field.label} must be ${allowed}.`,
    );
  }
  if (!field.list) return { ok: true, value: raw };
  const items = raw
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
  if (items.length === 0)
    return problem(field, `--${field.flag} must list ids, got ${echo(raw)}`, `${field.label} must list ids.`);
  return { ok: true, value: items };
}
