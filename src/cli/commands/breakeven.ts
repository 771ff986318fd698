import { BREAK_EVEN_VARIABLES, type BreakEvenVariable } from "../../core/break-even.js";
import { echo } from "../../format/echo.js";
import { csvText, jsonText } from "../../format/machine-text.js";
import { DEADLINE_FIELD } from "../../scenario/fields.js";
import { priceScenario } from "../../scenario/price.js";
import { resolveScenario } from "../../scenario/resolve.js";
import { scenarioFile } from "../../scenario/scenario-file.js";
import { bandFactorsOf, breakEvenFor, deadlineFor } from "../../scenario/solve.js";
import { CliError } from "../cli-error.js";
import type { Command } from "../context.js";
import { choiceFlag, numberFlag, parseFlags } from "../flags.js";
import { importedPlans, PLAN_FLAGS, PLAN_HELP } from "../options/plan-inputs.js";
import { explained, PLAN_FIELD_KEYS, scenarioValuesFromFlags } from "../options/scenario-flags.js";
import { OUTPUT_FLAGS, outputFormat } from "../output.js";
import { breakEvenTable, deadlineTable } from "../report/breakeven-table.js";

const FLAGS = {
  ...PLAN_FLAGS,
  a: { type: "string" },
  b: { type: "string" },
  over: { type: "string" },
  "deadline-hours": { type: "string" },
  ...OUTPUT_FLAGS,
} as const;

const OVER = ["turns", "episodes", "cache-hit"] as const;

export const breakeven: Command = {
  summary: "solve for break-even turns, episodes or cache hit between two plans, or GPUs for a deadline",
  help: `Usage: rollout-cost breakeven --a <plan> --b <plan> [--over turns|episodes|cache-hit] [options]
       rollout-cost breakeven --deadline-hours <h> [options]

Break-even: moves one input over its whole range (turns 1-200, episodes
1-10,000,000, cache hit 0-100% of prompt tokens), the rest held, and reports
where plans a and b cost the same, or "never" with the reason. Turns and
episodes are solved as real numbers in the page's closed form while the
episode fits the window (past it, the context policy's ledger at whole turns
applies), then the first whole count past it is given. The page's chart marks
the same crossing. "exact: no" means the order flips
across a jump (a context-tier switch, a minimum bill), not at equal cost.

Deadline: for every dedicated plan chosen, the replicas that finish the
workload within the deadline, and GPUs = replicas × GPUs per replica;
throughput scales linearly with replicas (the catalog's saturated figures)
and each episode is kept on one replica.

  --a <id>, --b <id>         the two plans (ids as 'rollout-cost compare' lists them)
  --over <input>             turns (default), episodes or cache-hit
  --deadline-hours <h>       solve GPUs for this deadline instead, > 0

${PLAN_HELP}

Output
  --json                     machine-readable, unrounded
  --csv                      one row per answer
  -h, --help                 this text

Exit codes: 0 ok (also when the answer is "never"), 2 bad input.`,
  async run(argv, context) {
    const { values: flags } = parseFlags(argv, FLAGS);
    const format = outputFormat(flags);
    const deadline = numberFlag(DEADLINE_FIELD.flag, flags["deadline-hours"], DEADLINE_FIELD.rule);
    const over = choiceFlag("over", flags.over, OVER);
    const values = await scenarioValuesFromFlags(flags, PLAN_FIELD_KEYS);
    const imported = await importedPlans(flags);
    const scenario = explained(() => resolveScenario(values));
    const priced = explained(() =>
      priceScenario(scenario, { imported: imported.plans, importWarnings: imported.warnings }),
    );
    const plans = priced.chosenPlans;

    if (deadline !== undefined) {
      if (flags.a !== undefined || flags.b !== undefined || over !== undefined) {
        throw new CliError("--deadline-hours cannot be combined with --a, --b or --over");
      }
      const answers = explained(
        () => deadlineFor(priced.tokens, plans, deadline, bandFactorsOf(priced)),
        "--deadline-hours",
      );
      if (answers.length === 0)
        throw new CliError(
          `--deadline-hours: no dedicated (gpu-hour) plan is priced${priced.unavailable.map((u) => `; ${u.id}: ${u.reason}`).join("")}`,
        );
      if (format === "json")
        context.stdout.write(
          jsonText({
            deadlineHours: deadline,
            workload: scenario.workload,
            answers,
            scenario: scenarioFile(scenario.values),
          }),
        );
      else if (format === "csv")
        context.stdout.write(
          csvText(
            ["plan", "ok", "replicas", "gpusPerReplica", "gpus", "wallHours", "usdTotal", "never"],
            answers as unknown as Record<string, unknown>[],
          ),
        );
      else context.stdout.write(deadlineTable(deadline, answers));
      return;
    }

    if (flags.a === undefined || flags.b === undefined) {
      throw new CliError("--a and --b must name two plans (or give --deadline-hours)");
    }
    const find = (flag: string, id: string) => {
      const plan = plans.find((p) => p.id === id);
      if (!plan)
        throw new CliError(
          `--${flag}: unknown plan ${echo(id)} (offered: ${plans.map((p) => p.id).join(", ")})`,
        );
      return plan;
    };
    const a = find("a", flags.a);
    const b = find("b", flags.b);
    const variable: BreakEvenVariable = over === "cache-hit" ? "cacheHit" : (over ?? "turns");
    if (!BREAK_EVEN_VARIABLES.includes(variable))
      throw new CliError(`--over must be one of ${OVER.join(", ")}`);
    const answer = explained(() => breakEvenFor(scenario, a, b, variable), "breakeven");
    if (format === "json")
      context.stdout.write(
        jsonText({
          a: a.id,
          b: b.id,
          workload: scenario.workload,
          contextPolicy: scenario.contextPolicy,
          ...answer,
          scenario: scenarioFile(scenario.values),
        }),
      );
    else if (format === "csv") {
      context.stdout.write(
        csvText(
          [
            "a",
            "b",
            "variable",
            "ok",
            "value",
            "wholeValue",
            "usdA",
            "usdB",
            "exact",
            "cheaperBelow",
            "never",
          ],
          [{ a: a.id, b: b.id, ...answer }],
        ),
      );
    } else context.stdout.write(breakEvenTable(a, b, answer));
  },
};
