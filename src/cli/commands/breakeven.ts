import { BREAK_EVEN_VARIABLES, type BreakEvenVariable, breakEven } from "../../core/break-even.js";
import { gpusForDeadline } from "../../core/deadline-gpus.js";
import { workloadTokensFromLedger } from "../../core/ledger-tokens.js";
import { episodeLedger } from "../../core/turn-ledger.js";
import { CliError } from "../cli-error.js";
import type { Command } from "../context.js";
import { choiceFlag, numberFlag, parseFlags } from "../flags.js";
import { csvText, jsonText, OUTPUT_FLAGS, outputFormat } from "../output.js";
import { breakEvenTable, deadlineTable } from "../report/breakeven-table.js";
import { SCENARIO_FLAGS } from "./estimate.js";
import { explain, PLAN_FLAGS, PLAN_HELP, plansFromFlags, scenarioFromFlags } from "./plan-options.js";

const FLAGS = {
  ...SCENARIO_FLAGS,
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
episodes are solved as real numbers in the page's closed form (no window),
then the first whole count past it is given. "exact: no" means the order flips
across a jump (a context-tier switch, a minimum bill), not at equal cost.

Deadline: for every dedicated plan chosen, the replicas (and GPUs) that finish
the workload within the deadline, throughput scaling linearly with replicas
and each episode kept on one replica.

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
    const { values } = parseFlags(argv, FLAGS);
    const format = outputFormat(values);
    const scenario = scenarioFromFlags(values);
    const deadline = numberFlag("deadline-hours", values["deadline-hours"], {
      min: 0,
      exclusiveMin: true,
      max: 1_000_000,
    });
    const over = choiceFlag("over", values.over, OVER);
    const { plans } = await plansFromFlags(values, scenario);

    if (deadline !== undefined) {
      if (values.a !== undefined || values.b !== undefined || over !== undefined) {
        throw new CliError("--deadline-hours cannot be combined with --a, --b or --over");
      }
      const ledger = episodeLedger(scenario.workload.shape, {
        policy: scenario.policy,
        windowTokens: scenario.windowTokens,
      });
      if (!ledger.ok) throw new CliError(`--context-policy ${scenario.policy}: ${ledger.reason}`);
      const tokens = workloadTokensFromLedger(ledger, scenario.workload.episodes);
      const dedicated = plans.filter((p) => p.kind === "gpu-hour");
      if (dedicated.length === 0)
        throw new CliError("--deadline-hours: no dedicated (gpu-hour) plan is chosen");
      const answers = dedicated.map((plan) => ({
        plan: plan.id,
        label: plan.label,
        ...explain("--deadline-hours", () => gpusForDeadline(tokens, plan, deadline)),
      }));
      if (format === "json")
        context.stdout.write(jsonText({ deadlineHours: deadline, workload: scenario.workload, answers }));
      else if (format === "csv")
        context.stdout.write(
          csvText(
            ["plan", "ok", "replicas", "gpus", "wallHours", "usdTotal", "never"],
            answers as unknown as Record<string, unknown>[],
          ),
        );
      else context.stdout.write(deadlineTable(deadline, answers));
      return;
    }

    if (values.a === undefined || values.b === undefined) {
      throw new CliError("--a and --b must name two plans (or give --deadline-hours)");
    }
    const find = (flag: string, id: string) => {
      const plan = plans.find((p) => p.id === id);
      if (!plan)
        throw new CliError(
          `--${flag}: unknown plan ${JSON.stringify(id)} (offered: ${plans.map((p) => p.id).join(", ")})`,
        );
      return plan;
    };
    const a = find("a", values.a);
    const b = find("b", values.b);
    const variable: BreakEvenVariable = over === "cache-hit" ? "cacheHit" : (over ?? "turns");
    if (!BREAK_EVEN_VARIABLES.includes(variable))
      throw new CliError(`--over must be one of ${OVER.join(", ")}`);
    const answer = explain("breakeven", () => breakEven({ variable, workload: scenario.workload, a, b }));
    if (format === "json")
      context.stdout.write(jsonText({ a: a.id, b: b.id, workload: scenario.workload, ...answer }));
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
