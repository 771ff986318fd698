import { COMPARE_CSV_COLUMNS, compareCsvRows } from "../../format/compare-csv.js";
import { compareJson } from "../../format/compare-json.js";
import { csvText, jsonText } from "../../format/machine-text.js";
import { priceScenario } from "../../scenario/price.js";
import { realityCheckFor } from "../../scenario/reality-check.js";
import { resolveScenario } from "../../scenario/resolve.js";
import { verdictFor } from "../../scenario/verdict.js";
import { verdictForValues, verdictValues } from "../../scenario/verdict-scenario.js";
import type { Command } from "../context.js";
import { parseFlags } from "../flags.js";
import { importedPlans, PLAN_FLAGS, PLAN_HELP } from "../options/plan-inputs.js";
import { QUIET_FLAG, quietFormat } from "../options/quiet.js";
import {
  ALL_FIELD_KEYS,
  explained,
  fieldFlags,
  fieldHelp,
  scenarioValuesFromFlags,
} from "../options/scenario-flags.js";
import { OUTPUT_FLAGS, outputFormat } from "../output.js";
import { terminalWidth } from "../report/terminal-width.js";
import { verdictText } from "../report/verdict-text.js";

const TRAINING_KEYS = ["trainPasses", "trainTokensPerSecond", "steps"] as const;

const FLAGS = {
  ...PLAN_FLAGS,
  ...fieldFlags(TRAINING_KEYS),
  ledger: { type: "boolean" },
  ...OUTPUT_FLAGS,
  ...QUIET_FLAG,
} as const;

export const compare: Command = {
  summary:
    "price one workload on every chosen plan side by side, with a reality check of the page's assumptions",
  help: `Usage: rollout-cost compare [options]

Prices one workload on any number of plans (per-token rate cards, dedicated
GPU-hour lists, self-hosted GPUs, your own or imported per-token prices), each
with the assumptions it used and its warnings, from a per-turn token ledger,
ranked cheapest first (the cheapest marked ←). Each plan shows its $ per 1M
prompt and generated tokens: a per-token plan's rates, a dedicated plan's
GPU-hours at its throughput (GPUs × $/GPU-hour ÷ (tok/s × 3600) × 10^6).

The verdict comes first: the cheapest plan, its total, per-episode cost and
wall-clock, the runner-up and the Fireworks page's two plans, and how far
dedicated throughput must be off to flip it. Without --preset (or --plans)
the verdict ranks every current rate card (preset current) while the table
keeps the preset asked for (default reference, the Fireworks page's).

The table ends with a reality check: the Fireworks page's two plans for the
same scenario, unchanged, then with Tinker's 2026-10 cached-prefill discount
(80% off), at the price tier the episode's final context falls in, with the
model's context window enforced, with 'sum' overlap, and all together, each
with its dollar difference from the page. With --throughput derived it adds
derived vs saturated throughput and every episode in flight (cache survival
past the replica's KV capacity). --json carries it as "realityCheck" (null
for models the page does not cover) and "realityCheckThroughput".

${PLAN_HELP}

Training (prices a whole RL step: rollouts, then training on them)
${fieldHelp(TRAINING_KEYS)}

Output
  --ledger                   also print the per-turn token ledger
  --json                     machine-readable, unrounded: { plans: [...], ... }
  --csv                      one row per plan
  --quiet                    print only the verdict
  -h, --help                 this text

Exit codes: 0 ok, 2 bad input (one line on stderr naming the flag).`,
  async run(argv, context) {
    const { values: flags } = parseFlags(argv, FLAGS);
    const format = quietFormat(flags, outputFormat(flags));
    const values = await scenarioValuesFromFlags(flags, ALL_FIELD_KEYS);
    const imported = await importedPlans(flags);
    const scenario = explained(() => resolveScenario(values));
    const priced = explained(() =>
      priceScenario(scenario, { imported: imported.plans, importWarnings: imported.warnings }),
    );
    // The throughput rows simulate the replica (tens of ms to a second): only when derived is asked for.
    const reality = realityCheckFor(scenario, undefined, {
      throughputRows: scenario.throughput === "derived",
    });
    const options = { imported: imported.plans, importWarnings: imported.warnings };
    // The verdict ranks the scenario's own plans when the user chose a preset or plans, else `current`'s.
    const verdict =
      verdictValues(values) === values
        ? verdictFor(priced, reality)
        : explained(() => verdictForValues(values, options)).verdict;
    if (format === "quiet") context.stdout.write(verdictText(verdict, terminalWidth(context.stdout)));
    else if (format === "json") context.stdout.write(jsonText(compareJson(priced, reality, verdict)));
    else if (format === "csv")
      context.stdout.write(csvText(COMPARE_CSV_COLUMNS, compareCsvRows(priced.plans)));
    else {
      const { compareTable } = await import("../report/compare-table.js");
      const width = terminalWidth(context.stdout);
      context.stdout.write(
        compareTable({
          priced,
          reality,
          showLedger: flags.ledger === true,
          verdict: verdictText(verdict, width),
          width,
        }),
      );
    }
  },
};
