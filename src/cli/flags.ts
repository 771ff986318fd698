import { type ParseArgsConfig, parseArgs } from "node:util";
import { CliError } from "./cli-error.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** node:util parseArgs in strict mode, its errors turned into CliError naming the flag. */
export function parseFlags<T extends Options>(
  argv: string[],
  options: T,
  allowPositionals = false,
): { values: { [K in keyof T]?: T[K]["type"] extends "boolean" ? boolean : string }; positionals: string[] } {
  try {
    const args = joinNegativeValues(argv, options);
    const parsed = parseArgs({ args, options, strict: true, allowPositionals, allowNegative: false });
    return parsed as unknown as ReturnType<typeof parseFlags<T>>;
  } catch (error) {
    const message =
      (error instanceof Error ? error.message.split("\n")[0] : String(error)) ?? "invalid arguments";
    const known = Object.keys(options).map((name) => `--${name}`);
    const hint = message.startsWith("Unknown option") ? ` (known: ${known.join(", ")})` : "";
    throw new CliError(`${message.replace(/\. To specify.*$/, "")}${hint}`);
  }
}

// parseArgs reads `--turns -3` as two flags; joined as `--turns=-3`, the value reaches the range check.
function joinNegativeValues(argv: string[], options: Options): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const next = argv[i + 1];
    const name = arg.startsWith("--") ? arg.slice(2) : undefined;
    if (name && options[name]?.type === "string" && next !== undefined && /^-[\d.]/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else {
      out.push(arg);
    }
  }
  return out;
}

const DECIMAL = /^[+]?(\d[\d_]*)?(\.\d+)?([eE][+-]?\d+)?$/;

/** A number flag's value: `--name` must be a plain decimal within the range (and an integer if asked). */
export function numberFlag(
  name: string,
  raw: string | undefined,
  rule: { integer?: boolean; min: number; max?: number; exclusiveMin?: boolean },
): number | undefined {
  if (raw === undefined) return undefined;
  const text = raw.trim();
  const value = DECIMAL.test(text) && /\d/.test(text) ? Number(text.replaceAll("_", "")) : Number.NaN;
  const max = rule.max ?? Number.MAX_SAFE_INTEGER;
  const bound = rule.exclusiveMin ? `> ${rule.min}` : `>= ${rule.min}`;
  const allowed = rule.integer
    ? `an integer from ${rule.min} to ${max}`
    : `a number ${bound}${rule.max === undefined ? "" : ` and <= ${max}`}`;
  const ok =
    Number.isFinite(value) &&
    (!rule.integer || Number.isInteger(value)) &&
    (rule.exclusiveMin ? value > rule.min : value >= rule.min) &&
    value <= max;
  if (!ok) throw new CliError(`--${name} must be ${allowed}, got ${JSON.stringify(raw)}`);
  return value;
}

/** One of `allowed`, or a CliError naming the flag and the choices. */
export function choiceFlag<T extends string>(
  name: string,
  raw: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (raw === undefined) return undefined;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  throw new CliError(`--${name} must be one of ${allowed.join(", ")}, got ${JSON.stringify(raw)}`);
}
