import type { SweepVariable } from "../../core/sweep.js";
import { csvText, jsonText } from "../../format/machine-text.js";
import { priceScenario } from "../../scenario/price.js";
import { resolveScenario } from "../../scenario/resolve.js";
import { sweepFor } from "../../scenario/solve.js";
import { CliError } from "../cli-error.js";
import type { Command } from "../context.js";
import { choiceFlag, parseFlags } from "../flags.js";
import { importedPlans, PLAN_FLAGS, PLAN_HELP } from "../options/plan-inputs.js";
import { explained, PLAN_FIELD_KEYS, scenarioValuesFromFlags } from "../options/scenario-flags.js";
import { SWEEP_INPUTS, type SweepInputName, sweepValues } from "../options/sweep-values.js";
import { OUTPUT_FLAGS, outputFormat } from "../output.js";

const FLAGS = {
  ...PLAN_FLAGS,
  x: { type: "string" },
  "x-values": { type: "string" },
  y: { type: "string" },
  "y-values": { type: "string" },
  ...PLAN_FLAGS,
  ...OUTPUT_FLAGS,
} as const;

const INPUTS = Object.keys(SWEEP_INPUTS) as SweepInputName[];

function axisVariable(name: SweepInputName): SweepVariable {
  return (SWEEP_INPUTS[name] as { variable: SweepVariable }).variable;
}

export const sweep: Command = {
  summary: "every plan's cost over one or two inputs, as CSV",
  help: `Usage: rollout-cost sweep --x <input> --x-values <values> [--y <input> --y-values <values>] [options]

Prices every chosen plan at each value of one input (or each pair of two),
the rest of the scenario held, and writes one CSV row per point and plan:
x, y, plan, usdTotal, usdPerEpisode, clusterHours, note. A point the context
policy refuses, or that is out of range, has empty costs and the reason in note.

  --x <input>, --y <input>   turns, episodes, initial-prompt, added-per-turn,
                             generated-per-turn or gpus (GPUs of dedicated plans)
  --x-values <values>        a:b (every integer), a:b:step or v1,v2,...; at most 1000
  --y-values <values>        the same, for --y

${PLAN_HELP}

Output
  --csv                      CSV (the default)
  --json                     the rows as JSON
  -h, --help                 this text

Exit codes: 0 ok, 2 bad input (one line on stderr naming the flag).`,
  async run(argv, context) {
    const { values } = parseFlags(argv, FLAGS);
    const format = outputFormat(values);
    const scenarioValues = await scenarioValuesFromFlags(values, PLAN_FIELD_KEYS);
    const x = choiceFlag("x", values.x, INPUTS);
    if (x === undefined || values["x-values"] === undefined)
      throw new CliError("--x and --x-values are required");
    const y = choiceFlag("y", values.y, INPUTS);
    if ((y === undefined) !== (values["y-values"] === undefined))
      throw new CliError("--y and --y-values go together");
    if (y !== undefined && y === x) throw new CliError(`--y must differ from --x, got ${JSON.stringify(y)}`);
    const xs = sweepValues("x-values", values["x-values"], x);
    const ys = y === undefined ? undefined : sweepValues("y-values", values["y-values"] ?? "", y);
    if (ys && xs.length * ys.length > 10_000)
      throw new CliError("--x-values × --y-values must be at most 10,000 points");
    const scenario = explained(() => resolveScenario(scenarioValues));
    const { plans } = await importedPlans(values);
    const priced = explained(() => priceScenario(scenario, { imported: plans }));
    const rows = sweepFor(
      scenario,
      priced.chosenPlans,
      { variable: axisVariable(x), values: xs },
      y !== undefined && ys ? { variable: axisVariable(y), values: ys } : undefined,
    );
    if (format === "json") {
      context.stdout.write(jsonText({ x, ...(y !== undefined && { y }), rows }));
      return;
    }
    const columns =
      y === undefined
        ? ["x", "plan", "usdTotal", "usdPerEpisode", "clusterHours", "note"]
        : ["x", "y", "plan", "usdTotal", "usdPerEpisode", "clusterHours", "note"];
    const header = columns.map((c) => (c === "x" ? x : c === "y" ? (y as string) : c));
    context.stdout.write(
      csvText(
        header,
        rows.map((r) => ({ ...r, [x]: r.x, ...(y !== undefined && { [y]: r.y }) })),
      ),
    );
  },
};
