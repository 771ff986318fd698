import type { SweepVariable } from "../../core/sweep.js";
import { CliError } from "../cli-error.js";
import { numberFlag } from "../flags.js";

/** Sweep inputs by flag name, with the core field each moves and its range. */
export const SWEEP_INPUTS = {
  turns: { variable: "turns", min: 1, max: 200 },
  episodes: { variable: "episodes", min: 1, max: 10_000_000 },
  "initial-prompt": { variable: "initialPromptTokens", min: 0, max: 10_000_000 },
  "added-per-turn": { variable: "addedTokensPerTurn", min: 0, max: 10_000_000 },
  "generated-per-turn": { variable: "generatedTokensPerTurn", min: 0, max: 10_000_000 },
  gpus: { variable: "gpus", min: 1, max: 1_000_000 },
} as const satisfies Record<string, { variable: SweepVariable; min: number; max: number }>;

export type SweepInputName = keyof typeof SWEEP_INPUTS;

export const MAX_SWEEP_POINTS = 1000;

/**
 * The values of a sweep axis: `a:b` (every integer), `a:b:step`, or a list `v1,v2,...`; integers within
 * the input's range, at most MAX_SWEEP_POINTS of them. Bad text is a CliError naming `flag`.
 */
export function sweepValues(flag: string, raw: string, input: SweepInputName): number[] {
  const { min, max } = SWEEP_INPUTS[input];
  const rule = { integer: true, min, max };
  const allowed = `a:b, a:b:step or v1,v2,... of integers from ${min} to ${max}, at most ${MAX_SWEEP_POINTS} values`;
  const bad = () => new CliError(`--${flag} must be ${allowed}, got ${JSON.stringify(raw)}`);
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
  const values = raw.split(",").map((part) => num(part));
  if (values.length > MAX_SWEEP_POINTS) throw bad();
  return values;
}
