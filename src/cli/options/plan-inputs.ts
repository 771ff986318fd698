// What compare, breakeven, sweep and analyze share: the plan-defining fields, --prices files, and the
// help text for both.
import type { Plan } from "../../core/plan.js";
import type { FieldKey } from "../../scenario/fields.js";
import { CliError } from "../cli-error.js";
import { pricesFromFlag } from "./prices-flag.js";
import { fieldFlags, fieldHelp, PLAN_FIELD_KEYS, SCENARIO_FILE_FLAG } from "./scenario-flags.js";

/** parseArgs options for every plan-defining field, --scenario, --prices and --prices-key. */
export const PLAN_FLAGS = {
  ...fieldFlags(PLAN_FIELD_KEYS),
  ...SCENARIO_FILE_FLAG,
  prices: { type: "string" },
  "prices-key": { type: "string" },
} as const;

const SCENARIO_KEYS = PLAN_FIELD_KEYS.slice(0, PLAN_FIELD_KEYS.indexOf("contextPolicy") + 1);
const PLAN_KEYS = PLAN_FIELD_KEYS.filter((k) => !SCENARIO_KEYS.includes(k));

/** The help lines for PLAN_FLAGS. */
export const PLAN_HELP = `Numbers: 50000, 50,000, 50_000, 50K, 1.5M and 1e6 all read the same.

Scenario (defaults: the preset's, which are the Fireworks page's)
${fieldHelp(SCENARIO_KEYS)}
  --scenario <file.json>     read a scenario file (any --json output carries one);
                             flags override it

Plans (default: every plan the preset offers for the model)
${fieldHelp(PLAN_KEYS as FieldKey[])}
  --prices <file.json>       add per-token plans from a LiteLLM-style price map
                             (input_cost_per_token, output_cost_per_token,
                             cache_read_input_token_cost, max_input_tokens)
  --prices-key <name,...>    which entries of that map (needed past 20 entries)`;

/** The plans `--prices` imports (none without it), and the entries it skipped, as warnings. */
export async function importedPlans(
  flags: Record<string, unknown>,
): Promise<{ plans: Plan[]; warnings: string[] }> {
  const path = flags.prices as string | undefined;
  const keys = flags["prices-key"] as string | undefined;
  if (keys !== undefined && path === undefined) throw new CliError("--prices-key needs --prices <file.json>");
  if (path === undefined) return { plans: [], warnings: [] };
  const imported = await pricesFromFlag(path, keys);
  return { plans: imported.plans, warnings: imported.skipped };
}
