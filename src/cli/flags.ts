import { type ParseArgsConfig, parseArgs } from "node:util";
import { echo } from "../format/echo.js";
import { readNumber } from "../scenario/read-field.js";
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
    const parsed = parseArgs({
      args,
      options,
      strict: true,
      allowPositionals,
      allowNegative: false,
      tokens: true,
    });
    const seen = new Set<string>();
    for (const token of parsed.tokens ?? []) {
      if (token.kind !== "option") continue;
      if (seen.has(token.name)) throw new CliError(`--${token.name} was given more than once; give it once`);
      seen.add(token.name);
    }
    return { values: parsed.values, positionals: parsed.positionals } as unknown as ReturnType<
      typeof parseFlags<T>
    >;
  } catch (error) {
    if (error instanceof CliError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    const value = booleanGivenValue(message, argv, options);
    if (value) throw new CliError(`--${value.flag} takes no value, got ${echo(value.arg)}`);
    const known = Object.keys(options).map((name) => `--${name}`);
    const hint = message.startsWith("Unknown option") ? ` (known: ${known.join(", ")})` : "";
    throw new CliError(`${firstLine(message, argv)}${hint}`);
  }
}

// `--json 5` leaves 5 a positional: name the boolean flag it follows rather than "unexpected argument".
function booleanGivenValue(
  message: string,
  argv: string[],
  options: Options,
): { flag: string; arg: string } | undefined {
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i] as string;
    const flag = (argv[i - 1] as string).slice(2);
    if (!message.startsWith(`Unexpected argument '${arg}'`)) continue;
    if ((argv[i - 1] as string).startsWith("--") && options[flag]?.type === "boolean") return { flag, arg };
  }
  return undefined;
}

// parseArgs quotes the argument it refused, which may hold line breaks and control characters, and adds
// lines of advice: keep the line up to the end of the quoted argument's sentence, the argument quoted by
// echo() (cut, free of control characters), so a hostile flag name can neither redraw the terminal nor
// flood or split the message.
function firstLine(message: string, argv: string[]): string {
  let quoted: string | undefined;
  for (const arg of argv)
    for (const candidate of [arg, arg.split("=")[0] as string])
      if (message.includes(`'${candidate}'`) && candidate.length > (quoted?.length ?? -1)) quoted = candidate;
  const plain = (text: string) => (text.split("\n")[0] as string).replace(/\. To specify.*$/, "");
  if (quoted === undefined) return stripQuotedArgument(plain(message));
  const at = message.indexOf(`'${quoted}'`);
  const before = message.slice(0, at);
  const after = message.slice(at + quoted.length + 2);
  return `${plain(before)}'${echo(quoted).slice(1, -1)}'${plain(after)}`;
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

// A quoted argument not found in argv (a short option of a group, `-xy`): cut and freed of controls.
function stripQuotedArgument(message: string): string {
  return message.replace(/'(.*)'/s, (_, arg: string) => `'${echo(arg).slice(1, -1)}'`);
}

/** A number flag's value, read by the one number grammar, within the range (and an integer if asked). */
export function numberFlag(
  name: string,
  raw: string | undefined,
  rule: { integer?: boolean; min: number; max?: number; exclusiveMin?: boolean },
): number | undefined {
  if (raw === undefined) return undefined;
  const read = readNumber(
    {
      key: name,
      flag: name,
      label: name,
      rule: {
        integer: rule.integer ?? false,
        min: rule.min,
        max: rule.max ?? Number.MAX_SAFE_INTEGER,
        ...(rule.exclusiveMin !== undefined && { exclusiveMin: rule.exclusiveMin }),
      },
    },
    raw,
  );
  if (!read.ok) throw new CliError(read.problem.flagMessage);
  return read.value;
}

/** One of `allowed`, or a CliError naming the flag and the choices. */
export function choiceFlag<T extends string>(
  name: string,
  raw: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (raw === undefined) return undefined;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  throw new CliError(`--${name} must be one of ${allowed.join(", ")}, got ${echo(raw)}`);
}

/** A file path flag's value: not empty, without control characters; a CliError naming the flag otherwise. */
export function pathFlag(name: string, raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (raw.trim() === "" || /[\u0000-\u001f\u007f]/.test(raw))
    throw new CliError(`--${name} must be a file path, got ${echo(raw)}`);
  return raw;
}
