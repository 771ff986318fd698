import type { Distribution } from "../../core/simulation/distribution.js";
import { echo } from "../../format/echo.js";
import { CliError } from "../cli-error.js";
import { numberFlag } from "../flags.js";

/**
 * A distribution flag: `2000` (fixed), `100..500` (uniform) or `100,200,900` (drawn from the list, each
 * value equally likely, e.g. measured turn lengths). Values must lie in [min, max].
 */
export function distributionFlag(
  name: string,
  raw: string | undefined,
  rule: { min: number; max: number; integer?: boolean },
): Distribution | undefined {
  if (raw === undefined) return undefined;
  const text = raw.trim();
  const value = (part: string) => numberFlag(name, part, { ...rule }) as number;
  const range = /^([^.,]+)\.\.([^.,]+)$/.exec(text);
  if (range) {
    const min = value(range[1] as string);
    const max = value(range[2] as string);
    if (min > max) throw new CliError(`--${name} must be low..high with low <= high, got ${echo(raw)}`);
    return { kind: "uniform", min, max };
  }
  if (text.includes(",")) {
    const parts = text.split(",");
    if (parts.length > 1_000_000) throw new CliError(`--${name} lists more than 1,000,000 values`);
    return { kind: "empirical", values: parts.map((part) => value(part)) };
  }
  if (text.includes(".."))
    throw new CliError(`--${name} must be a number, low..high or a comma-separated list, got ${echo(raw)}`);
  return { kind: "constant", value: value(text) };
}
