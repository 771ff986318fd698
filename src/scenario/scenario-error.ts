import { echo } from "../format/echo.js";
import { type FieldKey, fieldByKey } from "./fields.js";

/**
 * A scenario the catalog or the engine cannot price, blamed on one field: the CLI prints it as
 * `--flag: message`, the page beside the field's input.
 */
export class ScenarioError extends RangeError {
  readonly field: FieldKey;
  constructor(field: FieldKey, message: string) {
    super(message);
    this.name = "ScenarioError";
    this.field = field;
  }

  /** The flag this error is about, as the CLI names it. */
  get flag(): string {
    return `--${fieldByKey(this.field).flag}`;
  }
}

/** `unknown <what> "<value>" (known: a, b, c)` with the value quoted and cut. */
export function unknownName(what: string, value: string, known: readonly string[]): string {
  return `unknown ${what} ${echo(value)} (known: ${known.join(", ")})`;
}
