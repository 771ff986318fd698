// Solvers over a priced scenario: where two plans cost the same (the one crossing the chart and
// `breakeven` both show), the GPUs a deadline needs, and sweeps, all under the scenario's own context
// policy and from the same plans the scenario was priced on.
import { type BreakEven, type BreakEvenVariable, breakEven } from "../core/break-even.js";
import { lastTurnThatFits } from "../core/context-window.js";
import { type DeadlineGpus, gpusForDeadline } from "../core/deadline-gpus.js";
import { workloadTokensFromLedger } from "../core/ledger-tokens.js";
import type { GpuHourPlan, Plan } from "../core/plan.js";
import { type SweepRow, type SweepVariable, sweep } from "../core/sweep.js";
import { episodeLedger } from "../core/turn-ledger.js";
import { type WorkloadTokens, workloadTokensFromShape } from "../core/workload-tokens.js";
import { scenarioLedger } from "./price.js";
import type { Scenario } from "./resolve.js";
import { ScenarioError } from "./scenario-error.js";

function shapeAt(scenario: Scenario, turns: number) {
  return { ...scenario.workload, shape: { ...scenario.workload.shape, turns } };
}

// Turns move as a real number through the page's closed form while the episode fits the window (or the
// policy ignores it); past the window, the policy's ledger at the next whole turn count applies.
function turnsTokensAt(scenario: Scenario): { tokensAt: (x: number) => WorkloadTokens; max: number } {
  const { contextPolicy, windowTokens, workload } = scenario;
  if (contextPolicy === "ignore")
    return { tokensAt: (x) => workloadTokensFromShape(shapeAt(scenario, x)), max: 200 };
  const fits = lastTurnThatFits({ ...workload.shape, turns: 200 }, windowTokens);
  const closed = (x: number) => workloadTokensFromShape(shapeAt(scenario, x));
  if (contextPolicy === "refuse") return { tokensAt: closed, max: fits };
  return {
    tokensAt: (x) => {
      if (x <= fits) return closed(x);
      const ledger = episodeLedger(
        { ...workload.shape, turns: Math.ceil(x) },
        { policy: contextPolicy, windowTokens },
      );
      if (!ledger.ok) throw new ScenarioError("contextPolicy", ledger.reason);
      return workloadTokensFromLedger(ledger, workload.episodes);
    },
    max: 200,
  };
}

/**
 * Where plans `a` and `b` cost the same as one input moves, the rest of the scenario held: turns over
 * 1-200, episodes over 1-10^7, cache hit over 0-100% of prompt tokens, or `never` with the reason.
 */
export function breakEvenFor(scenario: Scenario, a: Plan, b: Plan, variable: BreakEvenVariable): BreakEven {
  if (variable === "turns") {
    const { tokensAt, max } = turnsTokensAt(scenario);
    if (max < 1) {
      return {
        ok: false,
        variable,
        never: `not even one turn fits the ${scenario.windowTokens}-token window under the refuse policy`,
      };
    }
    return breakEven({ variable, workload: scenario.workload, a, b, tokensAt, range: { min: 1, max } });
  }
  const perEpisode = workloadTokensFromLedger(scenarioLedger(scenario), 1);
  const tokensAt =
    variable === "episodes"
      ? (x: number) => ({
          ...perEpisode,
          episodes: x,
          promptTokens: perEpisode.promptTokens * x,
          cachedPromptTokens: perEpisode.cachedPromptTokens * x,
          decodeTokens: perEpisode.decodeTokens * x,
        })
      : (x: number) => {
          const all = workloadTokensFromLedger(scenarioLedger(scenario), scenario.workload.episodes);
          return { ...all, cachedPromptTokens: all.promptTokens * x };
        };
  return breakEven({ variable, workload: scenario.workload, a, b, tokensAt });
}

/** The replicas, GPUs and $ a deadline needs when derived throughput is off by its band either way. */
export interface DeadlineBand {
  /** The throughput model's worst factor off (×/÷). */
  factor: number;
  /** Throughput `factor` times higher: the fewest replicas. */
  fast: DeadlineGpus;
  /** Throughput `factor` times lower: the most replicas (or never). */
  slow: DeadlineGpus;
}

/** One dedicated plan's answer to a deadline. */
export type DeadlineAnswer = DeadlineGpus & {
  plan: string;
  label: string;
  gpusPerReplica: number;
  /** Plans on derived throughput: the answer at the ends of the model's error band. */
  band?: DeadlineBand;
};

function scaledThroughput(plan: GpuHourPlan, factor: number): GpuHourPlan {
  return {
    ...plan,
    promptTokensPerSecond: plan.promptTokensPerSecond * factor,
    decodeTokensPerSecond: plan.decodeTokensPerSecond * factor,
  };
}

/**
 * For each dedicated plan: the replicas and GPUs (replicas × GPUs per replica) that meet the deadline.
 * `bandFactors` gives, by plan id, the error factor of plans on derived throughput.
 */
export function deadlineFor(
  tokens: WorkloadTokens,
  plans: readonly Plan[],
  deadlineHours: number,
  bandFactors: Readonly<Record<string, number>> = {},
): DeadlineAnswer[] {
  return plans
    .filter((p): p is GpuHourPlan => p.kind === "gpu-hour")
    .map((plan) => {
      const factor = bandFactors[plan.id];
      return {
        plan: plan.id,
        label: plan.label,
        gpusPerReplica: plan.gpus,
        ...gpusForDeadline(tokens, plan, deadlineHours),
        ...(factor !== undefined && {
          band: {
            factor,
            fast: gpusForDeadline(tokens, scaledThroughput(plan, factor), deadlineHours),
            slow: gpusForDeadline(tokens, scaledThroughput(plan, 1 / factor), deadlineHours),
          },
        }),
      };
    });
}

/** The error factor of each plan of `priced` on derived throughput, by id: `deadlineFor`'s `bandFactors`. */
export function bandFactorsOf(priced: { plans: readonly { id: string; band?: { worstFactor: number } }[] }) {
  return Object.fromEntries(
    priced.plans.flatMap((p) => (p.band ? [[p.id, p.band.worstFactor] as const] : [])),
  );
}

/** Every plan's bill at each value of one input (or each pair of two), under the scenario's policy. */
export function sweepFor(
  scenario: Scenario,
  plans: Plan[],
  x: { variable: SweepVariable; values: number[] },
  y?: { variable: SweepVariable; values: number[] },
): SweepRow[] {
  return sweep({
    workload: scenario.workload,
    plans,
    policy: scenario.contextPolicy,
    windowTokens: scenario.windowTokens,
    x,
    ...(y && { y }),
  });
}
