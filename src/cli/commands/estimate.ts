import { ESTIMATE_CSV_COLUMNS, estimateCsvRows } from "../../format/estimate-csv.js";
import { estimateJson } from "../../format/estimate-json.js";
import { csvText, jsonText } from "../../format/machine-text.js";
import { referenceFor } from "../../scenario/reference.js";
import { resolveScenario } from "../../scenario/resolve.js";
import { verdictForValues } from "../../scenario/verdict-scenario.js";
import type { Command } from "../context.js";
import { parseFlags } from "../flags.js";
import { QUIET_FLAG, quietFormat } from "../options/quiet.js";
import {
  explained,
  fieldFlags,
  fieldHelp,
  PAGE_FIELD_KEYS,
  SCENARIO_FILE_FLAG,
  scenarioValuesFromFlags,
} from "../options/scenario-flags.js";
import { OUTPUT_FLAGS, outputFormat } from "../output.js";
import { terminalWidth } from "../report/terminal-width.js";
import { verdictText } from "../report/verdict-text.js";

/** Inputs only the verdict takes: the GPUs dedicated plans run on, their throughput, the cache kept at worst. */
const VERDICT_KEYS = ["gpuType", "throughput", "cacheKeptLowPercent"] as const;
const KEYS = [...PAGE_FIELD_KEYS, ...VERDICT_KEYS];

const FLAGS = {
  ...fieldFlags(KEYS),
  ...SCENARIO_FILE_FLAG,
  ...OUTPUT_FLAGS,
  ...QUIET_FLAG,
} as const;

export const estimate: Command = {
  summary: "price N episodes on the Fireworks page's two plans (per token vs dedicated GPU-hours)",
  // A getter: the field lines are laid out only for --help, not on every start of the CLI's main job.
  get help() {
    return `Usage: rollout-cost estimate [options]

Prices N multi-turn episodes the way the Fireworks page ("Price comparison vs
Tinker") does: per-token billing that re-prefills every turn (Tinker) against
a dedicated deployment billed by the GPU-hour whose prefix cache survives
between turns (Fireworks Dedicated). 'compare' prices every other plan.

Numbers: 50000, 50,000, 50_000, 50K, 1.5M and 1e6 all read the same.

The verdict comes first: the cheapest plan for the scenario on every current
rate card (preset current unless --preset is given), its total, per-episode
cost and wall-clock, the runner-up and the Fireworks page's two plans. The
table under it is the Fireworks page's, figures unchanged unless --gpu or
--throughput derived moves its dedicated plan too.

Scenario (defaults: the Fireworks page's)
${fieldHelp(PAGE_FIELD_KEYS)}

Dedicated GPUs, throughput and cache (the verdict; the table follows --gpu and
--throughput; default: the Fireworks page's saturated figures)
${fieldHelp(VERDICT_KEYS)}
  --scenario <file.json>     read a scenario file (any --json output carries one);
                             flags override it

Output
  --json                     machine-readable, unrounded
  --csv                      one row per plan
  --quiet                    print only the verdict
  -h, --help                 this text

Exit codes: 0 ok, 2 bad input (one line on stderr naming the flag).`;
  },
  async run(argv, context) {
    const { values: flags } = parseFlags(argv, FLAGS);
    const format = quietFormat(flags, outputFormat(flags));
    const values = await scenarioValuesFromFlags(flags, KEYS);
    // With --gpu or --throughput derived the page's dedicated plan runs on them too, as in the verdict.
    const scenario = explained(() => resolveScenario(values));
    const comparison = explained(() => referenceFor(scenario));
    if (format === "quiet") {
      const width = terminalWidth(context.stdout);
      context.stdout.write(verdictText(explained(() => verdictForValues(values)).verdict, width));
      return;
    }
    if (format === "json") context.stdout.write(jsonText(estimateJson(scenario, comparison)));
    else if (format === "csv")
      context.stdout.write(
        csvText(ESTIMATE_CSV_COLUMNS, estimateCsvRows(comparison.input, comparison.estimate)),
      );
    else {
      // Table code (and cli-table3) is loaded only when a table is printed.
      const { estimateTable } = await import("../report/estimate-table.js");
      const width = terminalWidth(context.stdout);
      context.stdout.write(
        `${verdictText(explained(() => verdictForValues(values)).verdict, width)}\n${estimateTable(scenario, comparison, width)}`,
      );
    }
  },
};
