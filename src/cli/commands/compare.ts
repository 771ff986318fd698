import { realityCheckFor } from "../../catalog/reality-check-for.js";
import { comparisonLabel } from "../../core/comparison-label.js";
import { workloadTokensFromLedger } from "../../core/ledger-tokens.js";
import type { PlanEstimate } from "../../core/plan.js";
import { pricePlans } from "../../core/price-plans.js";
import { episodeLedger } from "../../core/turn-ledger.js";
import { CliError } from "../cli-error.js";
import type { Command } from "../context.js";
import { numberFlag, parseFlags } from "../flags.js";
import { csvText, jsonText, OUTPUT_FLAGS, outputFormat } from "../output.js";
import { COMPARE_CSV_COLUMNS, compareCsvRows } from "../report/compare-csv.js";
import { compareTable } from "../report/compare-table.js";
import { SCENARIO_FLAGS } from "./estimate.js";
import { explain, PLAN_FLAGS, PLAN_HELP, plansFromFlags, scenarioFromFlags } from "./plan-options.js";

const COMPARE_FLAGS = {
  ...SCENARIO_FLAGS,
  ...PLAN_FLAGS,
  baseline: { type: "string" },
  "train-passes": { type: "string" },
  "train-tps": { type: "string" },
  steps: { type: "string" },
  ledger: { type: "boolean" },
  ...OUTPUT_FLAGS,
} as const;

/** A plan's estimate with its cost read against the baseline plan. */
export type ComparedPlan = PlanEstimate & { vsBaseline: string };

export const compare: Command = {
  summary:
    "price one workload on every chosen plan side by side, with a reality check of the page's assumptions",
  help: `Usage: rollout-cost compare [options]

Prices one workload on any number of plans (per-token rate cards, dedicated
GPU-hour lists, self-hosted GPUs, your own or imported per-token prices), each
with the assumptions it used and its warnings, from a per-turn token ledger.

The table ends with a reality check: the reference page's two plans for the
same scenario, unchanged, then with Tinker's 2026-10 cached-prefill discount
(80% off), with the model's context window enforced, with 'sum' overlap, and
all three together, each with its dollar difference from the page. --json
carries it as "realityCheck" (null for models the page does not cover).

${PLAN_HELP}

Training (prices a whole RL step: rollouts, then training on them)
  --train-passes <n>         passes over each step's trajectories; turns training on
  --train-tps <tok/s>        training throughput on a dedicated plan's GPUs (required
                             for dedicated plans: the catalog has no training figure)
  --steps <n>                RL steps in the run (default 1)

Output
  --baseline <id>            the plan the "vs" column reads against (default: first)
  --ledger                   also print the per-turn token ledger
  --json                     machine-readable, unrounded: { plans: [...], ... }
  --csv                      one row per plan
  -h, --help                 this text

Exit codes: 0 ok, 2 bad input (one line on stderr naming the flag).`,
  async run(argv, context) {
    const { values } = parseFlags(argv, COMPARE_FLAGS);
    const format = outputFormat(values);
    const scenario = scenarioFromFlags(values);
    const ledger = episodeLedger(scenario.workload.shape, {
      policy: scenario.policy,
      windowTokens: scenario.windowTokens,
    });
    if (!ledger.ok) throw new CliError(`--context-policy ${scenario.policy}: ${ledger.reason}`);
    const { plans, unavailable, skipped, notes } = await plansFromFlags(values, scenario);
    if (plans.length === 0) {
      throw new CliError(
        `--model: preset ${scenario.preset.id} offers no plan for ${scenario.model.id}; add --self-hosted, --custom-prefill or --prices`,
      );
    }
    const passes = numberFlag("train-passes", values["train-passes"], {
      min: 0,
      max: 1000,
      exclusiveMin: true,
    });
    const trainTps = numberFlag("train-tps", values["train-tps"], { min: 0, exclusiveMin: true });
    const steps = numberFlag("steps", values.steps, { integer: true, min: 1, max: 1_000_000 });
    if (passes === undefined && (trainTps !== undefined || steps !== undefined)) {
      throw new CliError("--train-tps and --steps need --train-passes <n>");
    }
    const tokens = workloadTokensFromLedger(ledger, scenario.workload.episodes);
    const estimates = explain("compare", () =>
      pricePlans(tokens, plans, {
        ...(passes !== undefined && {
          training: {
            tokensTrained: ledger.finalContextTokens * scenario.workload.episodes,
            passes,
            steps: steps ?? 1,
            ...(trainTps !== undefined && { trainTokensPerSecond: trainTps }),
          },
        }),
      }),
    );
    const baseline =
      values.baseline === undefined ? estimates[0] : estimates.find((e) => e.id === values.baseline);
    if (!baseline) {
      throw new CliError(
        `--baseline: unknown plan ${JSON.stringify(values.baseline)} (chosen: ${estimates.map((e) => e.id).join(", ")})`,
      );
    }
    const compared: ComparedPlan[] = estimates.map((e) => ({
      ...e,
      warnings: [...e.warnings, ...(notes[e.id] ?? [])],
      vsBaseline: e.id === baseline.id ? "baseline" : comparisonLabel(baseline.usdTotal, e.usdTotal),
    }));
    const { options, policy } = scenario;
    const checked = realityCheckFor(options, policy);
    const reality = checked.ok ? { check: checked, note: "" } : { check: undefined, note: checked.reason };
    const warnings = [...ledger.warnings, ...skipped];

    if (format === "json") {
      context.stdout.write(
        jsonText({
          preset: scenario.preset.id,
          model: {
            id: scenario.model.id,
            label: scenario.model.label,
            contextWindowTokens: scenario.windowTokens,
          },
          workload: scenario.workload,
          contextPolicy: scenario.policy,
          ledger: { rows: ledger.rows, perEpisode: perEpisode(ledger) },
          tokens,
          baseline: baseline.id,
          plans: compared,
          unavailable,
          realityCheck: reality.check ? reality.check.rows : null,
          realityCheckNote: reality.note,
          warnings,
        }),
      );
    } else if (format === "csv") {
      context.stdout.write(csvText(COMPARE_CSV_COLUMNS, compareCsvRows(compared)));
    } else {
      context.stdout.write(
        compareTable({
          scenario,
          ledger,
          plans: compared,
          baseline: baseline.id,
          unavailable,
          reality,
          warnings,
          showLedger: values.ledger === true,
        }),
      );
    }
  },
};

function perEpisode(ledger: {
  promptTokens: number;
  cachedPromptTokens: number;
  uncachedPromptTokens: number;
  decodeTokens: number;
  peakContextTokens: number;
  finalContextTokens: number;
}) {
  const {
    promptTokens,
    cachedPromptTokens,
    uncachedPromptTokens,
    decodeTokens,
    peakContextTokens,
    finalContextTokens,
  } = ledger;
  return {
    promptTokens,
    cachedPromptTokens,
    uncachedPromptTokens,
    decodeTokens,
    peakContextTokens,
    finalContextTokens,
  };
}
