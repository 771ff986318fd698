import type { SweepVariable } from "../../core/sweep.js";
import { echo } from "../../format/echo.js";
import { type FieldKey, fieldByKey, type NumberField } from "../../scenario/fields.js";
import { CliError } from "../cli-error.js";
import { numberFlag } from "../flags.js";

const AXES = [
  "turns",
  "episodes",
  "initialPromptTokens",
  "addedTokensPerTurn",
  "generatedTokensPerTurn",
  "gpus",
] as const satisfies readonly (FieldKey & SweepVariable)[];

/** Sweep inputs by flag name (the field table's), with the variable each moves and its range. */
export const SWEEP_INPUTS = Object.fromEntries(
  AXES.map((key) => {
    const field = fieldByKey(key) as NumberField;
    return [field.flag, { variable: key as SweepVariable, min: field.rule.min, max: field.rule.max }];
  }),
) as Record<string, { variable: SweepVariable; min: number; max: number }>;

export type SweepInputName = string;

export const MAX_SWEEP_POINTS = 1000;

/**
 * The values of a sweep axis: `a:b` (every integer), `a:b:step`, or a list `v1;v2;...` or `v1,v2,...`;
 * integers within the input's range, at most MAX_SWEEP_POINTS of them. Bad text is a CliError naming `flag`.
 */
export function sweepValues(flag: string, raw: string, input: SweepInputName): number[] {
  const axis = SWEEP_INPUTS[input];
  if (!axis) throw new CliError(`--${flag}: unknown sweep input ${echo(input)}`);
  const { min, max } = axis;
  const rule = { integer: true, min, max };
  const allowed = `a:b, a:b:step or v1,v2,... of integers from ${min} to ${max}, at most ${MAX_SWEEP_POINTS} values`;
  const bad = () => new CliError(`--${flag} must be ${allowed}, got ${echo(raw)}`);
  const num = (text: string) => {
    try {
      return numberFlag(flag, text, rule) as number;
    } catch {
      throw bad();
    }
  };
  if (raw.includes(":")) {
    const parts = raw.split(":");
    if (parts.length > 3) throw bad();
    const [start, end, step] = [
      num(parts[0] ?? ""),
      num(parts[1] ?? ""),
      parts[2] === undefined ? 1 : num(parts[2]),
    ];
    if (end < start || step < 1 || (end - start) / step + 1 > MAX_SWEEP_POINTS) throw bad();
    const values: number[] = [];
    for (let v = start; v <= end; v += step) values.push(v);
    return values;
  }
  const values = raw.split(raw.includes(";") ? ";" : ",").map((part) => num(part));
  if (values.length > MAX_SWEEP_POINTS) throw bad();
  return values;
}
