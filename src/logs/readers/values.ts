// Small checks shared by the readers: numbers that must be token counts, quoting values in messages.
import { type Skip, skip } from "../log-record.js";

export type Json = Record<string, unknown>;

/** True for a plain JSON object (not an array, not null). */
export function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A value as it appears in a message: JSON, cut at 40 characters. */
export function shown(value: unknown): string {
  const text = String(JSON.stringify(value) ?? value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** A whole number >= 0 (numeric text too when `text`, as headers carry it), or a Skip naming `field`. */
export function countAt(value: unknown, field: string, text = false): number | Skip {
  if (value === undefined || value === null) return skip("missingField", `${field} is missing`);
  const n = text && typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 0)
    return skip("invalidCount", `${field} must be a whole number >= 0, got ${shown(value)}`);
  return n;
}

/** A finite number >= 0 (numeric text too), or a Skip naming `field`. */
export function amountAt(value: unknown, field: string): number | Skip {
  if (value === undefined || value === null) return skip("missingField", `${field} is missing`);
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  if (typeof n !== "number" || !Number.isFinite(n) || n < 0)
    return skip("invalidCount", `${field} must be a number >= 0, got ${shown(value)}`);
  return n;
}

/** True when `value` is a Skip. */
export function isSkip(value: unknown): value is Skip {
  return isObject(value) && value.ok === false;
}

/** An array of token ids (whole numbers >= 0), or a Skip naming `field`. */
export function tokenIdsAt(value: unknown, field: string): number[] | Skip {
  if (value === undefined || value === null) return skip("missingField", `${field} is missing`);
  if (!Array.isArray(value)) return skip("invalidCount", `${field} must be an array of token ids`);
  for (let i = 0; i < value.length; i++) {
    const id = value[i];
    if (typeof id !== "number" || !Number.isSafeInteger(id) || id < 0)
      return skip(
        "invalidCount",
        `${field}[${i}] must be a token id (a whole number >= 0), got ${shown(id)}`,
      );
  }
  return value as number[];
}

/** An episode id from a string or a finite number; undefined when absent or of another type. */
export function idText(value: unknown): string | undefined {
  if (typeof value === "string" && value !== "") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return undefined;
}
