// The CLI's view of the field table: parseArgs options, help lines and reading for any set of fields,
// plus `--scenario file.json` (flags override the file).
import { echo } from "../../format/echo.js";
import { FIELDS, type Field, type FieldKey, fieldByKey, type ScenarioValues } from "../../scenario/fields.js";
import { readValues } from "../../scenario/read-values.js";
import { ScenarioError } from "../../scenario/scenario-error.js";
import { valuesFromScenarioFile } from "../../scenario/scenario-file.js";
import { CliError } from "../cli-error.js";

/** The inputs of the Fireworks page: what `estimate` takes. */
export const PAGE_FIELD_KEYS = [
  "preset",
  "model",
  "episodes",
  "turns",
  "initialPromptTokens",
  "addedTokensPerTurn",
  "generatedTokensPerTurn",
  "gpus",
  "promptTokensPerSecond",
  "decodeTokensPerSecond",
] as const satisfies readonly FieldKey[];

/** Every scenario input that chooses or defines plans: what compare, breakeven and sweep take. */
export const PLAN_FIELD_KEYS = FIELDS.map((f) => f.key).filter(
  (key) => key !== "trainPasses" && key !== "trainTokensPerSecond" && key !== "steps",
) as FieldKey[];

/** Every field. */
export const ALL_FIELD_KEYS = FIELDS.map((f) => f.key) as FieldKey[];

/** The flag that reads a scenario file. */
export const SCENARIO_FILE_FLAG = { scenario: { type: "string" } } as const;

/** parseArgs options for the fields with these keys (every one a string flag). */
export function fieldFlags(keys: readonly FieldKey[]): Record<string, { type: "string" }> {
  return Object.fromEntries(keys.map((key) => [fieldByKey(key).flag, { type: "string" as const }]));
}

const FLAG_COLUMN = 29;
const WIDTH = 84;

/** One help line per field: the flag, its placeholder, and its words, wrapped under the column. */
export function fieldHelp(keys: readonly FieldKey[]): string {
  return keys.map((key) => helpLine(fieldByKey(key))).join("\n");
}

/** A help line for any flag, in the same layout as the fields'. */
export function helpLine(field: Pick<Field, "flag" | "metavar" | "help">): string {
  const head = `  --${field.flag} ${field.metavar}`;
  const words = field.help.split(" ");
  const lines: string[] = [];
  let line = head.length >= FLAG_COLUMN ? `${head}\n${" ".repeat(FLAG_COLUMN)}` : head.padEnd(FLAG_COLUMN);
  let room = WIDTH - FLAG_COLUMN;
  for (const word of words) {
    if (word.length + 1 > room && room < WIDTH - FLAG_COLUMN) {
      lines.push(line.trimEnd());
      line = " ".repeat(FLAG_COLUMN);
      room = WIDTH - FLAG_COLUMN;
    }
    line += `${word} `;
    room -= word.length + 1;
  }
  lines.push(line.trimEnd());
  return lines.join("\n");
}

/** Reads the given fields' flag values; the first bad value is a CliError naming its flag. */
export function valuesFromFlags(flags: Record<string, unknown>, keys: readonly FieldKey[]): ScenarioValues {
  const raw: Partial<Record<FieldKey, string>> = {};
  for (const key of keys) {
    const text = flags[fieldByKey(key).flag];
    if (typeof text === "string") raw[key] = text;
  }
  const { values, problems } = readValues(
    raw,
    keys.map((k) => fieldByKey(k)),
  );
  const first = problems[0];
  if (first) throw new CliError(first.flagMessage);
  return values;
}

/** A scenario file is far smaller than this; a larger file is not one. */
const MAX_SCENARIO_BYTES = 1024 * 1024;

/** The values of `--scenario <file>`, a CliError naming --scenario for anything wrong with it. */
export async function valuesFromScenarioFlag(path: string | undefined): Promise<ScenarioValues> {
  if (path === undefined) return {};
  // Imported here: node:fs/promises costs every CLI start a few ms, and only --scenario reads with it.
  const { readFile, stat } = await import("node:fs/promises");
  let text: string;
  try {
    const info = await stat(path);
    if (!info.isFile() || info.size > MAX_SCENARIO_BYTES) {
      throw new CliError(`--scenario: ${echo(path)} must be a regular file of at most 1 MiB`);
    }
    text = await readFile(path, "utf8");
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(
      `--scenario: cannot read ${echo(path)} (${(error as NodeJS.ErrnoException).code ?? "unreadable"})`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new CliError(`--scenario: ${echo(path)} is not JSON`);
  }
  const read = valuesFromScenarioFile(data);
  if (!read.ok) throw new CliError(`--scenario: ${read.reason}`);
  return read.values;
}

/** The scenario the flags describe: `--scenario`'s values, overridden by the fields' own flags. */
export async function scenarioValuesFromFlags(
  flags: Record<string, unknown>,
  keys: readonly FieldKey[],
): Promise<ScenarioValues> {
  const fromFile = await valuesFromScenarioFlag(flags.scenario as string | undefined);
  return { ...fromFile, ...valuesFromFlags(flags, keys) };
}

/** Runs `body`, turning a ScenarioError into a CliError naming its flag (other RangeErrors name `flag`). */
export function explained<T>(body: () => T, flag?: string): T {
  try {
    return body();
  } catch (error) {
    if (error instanceof ScenarioError) {
      throw new CliError(error.message.startsWith("--") ? error.message : `${error.flag}: ${error.message}`);
    }
    if (error instanceof RangeError) throw new CliError(flag ? `${flag}: ${error.message}` : error.message);
    throw error;
  }
}
