// A scenario as a file: the JSON every surface exports (the page's download, any command's --json)
// carries it under "scenario", and every command reads it back with --scenario (flags override it).
import { echo } from "../format/echo.js";
import { FIELDS, type FieldKey, type ScenarioValues } from "./fields.js";
import type { FieldProblem } from "./read-field.js";
import { readValues } from "./read-values.js";

/** The version of the scenario file format; a reader refuses others. */
export const SCENARIO_FILE_VERSION = 1;

/** The scenario-file object: its version and the values set, by field key. */
export interface ScenarioFile {
  rolloutCostScenario: typeof SCENARIO_FILE_VERSION;
  values: ScenarioValues;
}

/** The scenario-file object for `values` (keys in the field table's order). */
export function scenarioFile(values: ScenarioValues): ScenarioFile {
  const ordered: Record<string, unknown> = {};
  for (const field of FIELDS) {
    const value = values[field.key as FieldKey];
    if (value !== undefined) ordered[field.key] = value;
  }
  return { rolloutCostScenario: SCENARIO_FILE_VERSION, values: ordered as ScenarioValues };
}

const KEYS = new Set<string>(FIELDS.map((f) => f.key));

/**
 * The values of a parsed scenario file, or of any rollout-cost JSON output that carries one under
 * "scenario"; `{ ok: false, reason }` names what is wrong (version, an unknown key, a bad value).
 */
export function valuesFromScenarioFile(
  data: unknown,
): { ok: true; values: ScenarioValues } | { ok: false; reason: string } {
  const root = data as Record<string, unknown> | null;
  const file = (root && typeof root === "object" && "rolloutCostScenario" in root ? root : root?.scenario) as
    | Record<string, unknown>
    | undefined;
  if (!file || typeof file !== "object" || !("rolloutCostScenario" in file)) {
    return {
      ok: false,
      reason: 'not a rollout-cost scenario: expected {"rolloutCostScenario": 1, "values": {...}}',
    };
  }
  if (file.rolloutCostScenario !== SCENARIO_FILE_VERSION) {
    return {
      ok: false,
      reason: `scenario version ${echo(String(file.rolloutCostScenario))} is not supported (this release reads ${SCENARIO_FILE_VERSION})`,
    };
  }
  const values = file.values;
  if (!values || typeof values !== "object" || Array.isArray(values))
    return { ok: false, reason: '"values" must be an object' };
  const raw: Partial<Record<FieldKey, string>> = {};
  for (const [key, value] of Object.entries(values)) {
    if (!KEYS.has(key))
      return { ok: false, reason: `unknown field ${echo(key)} (known: ${[...KEYS].join(", ")})` };
    if (typeof value !== "string" && typeof value !== "number" && !Array.isArray(value)) {
      return {
        ok: false,
        reason: `${key} must be a number, a string or a list, got ${echo(JSON.stringify(value))}`,
      };
    }
    raw[key as FieldKey] = Array.isArray(value) ? value.map(String).join(",") : String(value);
  }
  const read = readValues(raw);
  const first: FieldProblem | undefined = read.problems[0];
  if (first) return { ok: false, reason: `${first.key}: ${first.flagMessage}` };
  return { ok: true, values: read.values };
}
