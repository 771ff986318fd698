// The one pricing pipeline: Scenario → per-turn ledger → workload tokens → every plan priced with its
// assumptions and warnings → ranked, with the baseline's ratios. A log's observed workload enters at
// the tokens step and is priced by the same code.
import { comparisonLabel } from "../core/comparison-label.js";
import { gpuHourBill } from "../core/gpu-hour-bill.js";
import { workloadTokensFromLedger } from "../core/ledger-tokens.js";
import type { Plan, PlanEstimate } from "../core/plan.js";
import { pricePlans } from "../core/price-plans.js";
import type { TrainingOptions } from "../core/training-cost.js";
import { type EpisodeLedger, episodeLedger } from "../core/turn-ledger.js";
import type { WorkloadTokens } from "../core/workload-tokens.js";
import { echo } from "../format/echo.js";
import { type RatesPerMillion, ratesPerMillion } from "./effective-rates.js";
import {
  applyPlanThroughput,
  type DerivedBand,
  derivedBand,
  type WeightsDoNotFit,
} from "./plan-throughput.js";
import { type PlanOffer, planOffer, type UnavailablePlan } from "./plans.js";
import type { Scenario } from "./resolve.js";
import { ScenarioError } from "./scenario-error.js";

/** One plan's bill, where it ranks, and how it reads against the baseline plan. */
export interface PricedPlan extends PlanEstimate {
  /** 1 for the cheapest plan, by `usdRanked`. */
  rank: number;
  /**
   * The $ it is ranked by: the run's (every step's rollouts and training) when training is priced, else
   * the rollouts'. A plan that cannot price the training asked for has its rollouts over every step here
   * and ranks after every plan that can: its run costs more by an amount nobody knows.
   */
  usdRanked: number;
  /** True when training was asked for and this plan cannot price it. */
  trainingUnpriced: boolean;
  /** baseline $ ÷ this plan's $; null where either is not a positive number. */
  vsBaselineRatio: number | null;
  /** "baseline", "N.N× cheaper", "N.N× more", "at par" or "—", as the Fireworks page words it. */
  vsBaseline: string;
  /** $ per 1M tokens: a per-token plan's rates, a dedicated plan's GPU-hours at its throughput. */
  usdPerMillion?: RatesPerMillion;
  /** Dedicated plans on derived throughput: cluster-hours and $ as a range from the model's error. */
  band?: DerivedBand;
  /** Dedicated plans when the user says less of the prefix cache may survive (`cacheKeptLowPercent`). */
  cacheBand?: CacheBand;
}

/** A dedicated plan's rollouts when only part of the ideal prefix-cache hit survives. */
export interface CacheBand {
  /** The share of the ideal cached prompt tokens kept at worst, percent. */
  keptLowPercent: number;
  /** Cluster-hours and $ there (on derived throughput, at the slow end of its band too). */
  clusterHours: { high: number };
  usdTotal: { high: number };
}

/** Tokens measured in a log, priced instead of a shape's ledger. */
export interface ObservedWorkload {
  tokens: WorkloadTokens;
  /** Tokens trained that the log itself records (Tinker billing), priced as one pass of one step. */
  tokensTrained?: number;
}

/** A scenario priced on every chosen plan. */
export interface PricedScenario {
  scenario: Scenario;
  /** The per-turn ledger of one episode; absent when an observed workload was priced. */
  ledger?: EpisodeLedger;
  tokens: WorkloadTokens;
  /** The plans priced, as given to the bill (for solvers: break-even, deadline, sweep). */
  chosenPlans: Plan[];
  plans: PricedPlan[];
  /** Plan ids, cheapest first. */
  ranking: string[];
  baseline: string;
  /** Plans not priced, each with the reason (and the bytes, where the weights do not fit). */
  unavailable: (UnavailablePlan & { weights?: WeightsDoNotFit })[];
  warnings: string[];
}

/** What to price besides the scenario's own plans, or instead of its shape. */
export interface PriceOptions {
  /** Plans read from a price map (`--prices`). */
  imported?: readonly Plan[];
  /** Warnings from reading them. */
  importWarnings?: readonly string[];
  observed?: ObservedWorkload;
}

/** The scenario's per-turn ledger under its context policy; a ScenarioError naming the policy when refused. */
export function scenarioLedger(scenario: Scenario): EpisodeLedger {
  const ledger = episodeLedger(scenario.workload.shape, {
    policy: scenario.contextPolicy,
    windowTokens: scenario.windowTokens,
  });
  if (!ledger.ok) throw new ScenarioError("contextPolicy", `${scenario.contextPolicy}: ${ledger.reason}`);
  return ledger;
}

function trainingFor(
  scenario: Scenario,
  ledger: EpisodeLedger | undefined,
  observed?: ObservedWorkload,
): TrainingOptions | undefined {
  // A shape trains on each episode's whole trajectory; a log, on the tokens trained it records itself.
  const tokensTrained = ledger
    ? ledger.finalContextTokens * scenario.workload.episodes
    : observed?.tokensTrained;
  if (tokensTrained === undefined || tokensTrained === 0) return undefined;
  const t = scenario.training ?? { passes: 1, steps: 1 };
  if (ledger && !scenario.training) return undefined;
  return {
    tokensTrained,
    passes: t.passes,
    steps: t.steps,
    ...(t.trainTokensPerSecond !== undefined && { trainTokensPerSecond: t.trainTokensPerSecond }),
  };
}

/** The $ `estimate` is ranked by, as `PricedPlan.usdRanked` says, when the run has `trainingSteps` (none: no training asked for). */
function rankingUsd(estimate: PlanEstimate, trainingSteps: number | undefined): number {
  if (estimate.training) return estimate.training.usdRun;
  return estimate.usdTotal * (trainingSteps ?? 1);
}

/**
 * Plans ranked and read against the baseline (`values.baseline`, else the first plan). `trainingSteps`
 * is the run's steps when training was asked for.
 */
export function rankPlans(
  estimates: PlanEstimate[],
  baselineId: string | undefined,
  trainingSteps?: number,
): { plans: PricedPlan[]; ranking: string[]; baseline: string } {
  const baseline = baselineId === undefined ? estimates[0] : estimates.find((e) => e.id === baselineId);
  if (!baseline) {
    throw new ScenarioError(
      "baseline",
      `unknown plan ${echo(baselineId)} (chosen: ${estimates.map((e) => e.id).join(", ")})`,
    );
  }
  const unpriced = (e: PlanEstimate) => trainingSteps !== undefined && !e.training;
  const ranking = estimates
    .map((e, i) => ({ id: e.id, usd: rankingUsd(e, trainingSteps), last: unpriced(e), i }))
    .sort((a, b) => Number(a.last) - Number(b.last) || a.usd - b.usd || a.i - b.i)
    .map((e) => e.id);
  const base = rankingUsd(baseline, trainingSteps);
  const plans = estimates.map((e) => {
    const usd = rankingUsd(e, trainingSteps);
    const ratio = base > 0 && usd > 0 && Number.isFinite(base / usd) ? base / usd : null;
    return {
      ...e,
      rank: ranking.indexOf(e.id) + 1,
      usdRanked: usd,
      trainingUnpriced: unpriced(e),
      vsBaselineRatio: ratio,
      vsBaseline: e.id === baseline.id ? "baseline" : comparisonLabel(base, usd),
    };
  });
  return { plans, ranking, baseline: baseline.id };
}

/**
 * A gpu-hour plan's rollouts with only `keptLowPercent` of the cached prompt tokens still cached (the rest
 * prefilled again), at throughput `slowFactor` times lower (a derived plan's band), as a CacheBand.
 */
function cacheBandFor(
  tokens: WorkloadTokens,
  plan: Extract<Plan, { kind: "gpu-hour" }>,
  keptLowPercent: number,
  slowFactor: number,
): CacheBand {
  const worst = gpuHourBill(
    { ...tokens, cachedPromptTokens: (tokens.cachedPromptTokens * keptLowPercent) / 100 },
    {
      ...plan,
      promptTokensPerSecond: plan.promptTokensPerSecond / slowFactor,
      decodeTokensPerSecond: plan.decodeTokensPerSecond / slowFactor,
    },
  );
  return {
    keptLowPercent,
    clusterHours: { high: worst.clusterHours ?? 0 },
    usdTotal: { high: worst.usdTotal },
  };
}

/**
 * The range of the $ a plan is ranked by: its derived band's and its cache band's ends, each the same
 * change to every step's rollouts (`steps`: the run's, 1 without training); a point for other plans.
 */
export function rankedUsdRange(plan: PricedPlan, steps: number): { low: number; high: number } {
  const low = plan.band?.usdTotal.low ?? plan.usdTotal;
  const high = Math.max(
    plan.band?.usdTotal.high ?? plan.usdTotal,
    plan.cacheBand?.usdTotal.high ?? plan.usdTotal,
  );
  return {
    low: plan.usdRanked - (plan.usdTotal - low) * steps,
    high: plan.usdRanked + (high - plan.usdTotal) * steps,
  };
}

/**
 * Every chosen plan's bill for the scenario: its shape through the per-turn ledger (or a log's observed
 * tokens), priced by one `pricePlans`, ranked cheapest first and read against the baseline. Throws a
 * ScenarioError naming the field when the scenario cannot be priced.
 */
export function priceScenario(scenario: Scenario, options: PriceOptions = {}): PricedScenario {
  const ledger = options.observed ? undefined : scenarioLedger(scenario);
  const tokens =
    options.observed?.tokens ?? workloadTokensFromLedger(ledger as EpisodeLedger, scenario.workload.episodes);
  const offered: PlanOffer = planOffer(scenario, options.imported);
  const applied = applyPlanThroughput(scenario, tokens, offered.plans);
  const offer: PlanOffer = {
    plans: applied.plans,
    unavailable: [...offered.unavailable, ...applied.unavailable],
    notes: { ...offered.notes },
  };
  for (const [id, notes] of Object.entries(applied.notes))
    offer.notes[id] = [...(offer.notes[id] ?? []), ...notes];
  if (offer.plans.length === 0) {
    throw new ScenarioError(
      "model",
      `preset ${scenario.preset.id} offers no plan for ${scenario.model.id}; add --self-hosted, --custom-prefill or --prices` +
        applied.unavailable.map((u) => `; ${u.id}: ${u.reason}`).join(""),
    );
  }
  const training = trainingFor(scenario, ledger, options.observed);
  let estimates: PlanEstimate[];
  try {
    estimates = pricePlans(tokens, offer.plans, training ? { training } : {});
  } catch (error) {
    if (error instanceof RangeError && !(error instanceof ScenarioError))
      throw new ScenarioError("plans", error.message);
    throw error;
  }
  const withNotes = estimates.map((e) =>
    offer.notes[e.id] ? { ...e, warnings: [...e.warnings, ...(offer.notes[e.id] ?? [])] } : e,
  );
  const ranked = rankPlans(withNotes, scenario.values.baseline, training?.steps);
  const keptLow = scenario.values.cacheKeptLowPercent;
  // pricePlans keeps the plans' order, so the i-th estimate is the i-th plan's.
  const plans = ranked.plans.map((p, i) => {
    const plan = offer.plans[i];
    if (!plan) return p;
    const derived = applied.derived[p.id] !== undefined && p.clusterHours !== undefined;
    const band = derived ? derivedBand(p.clusterHours as number, p.usdTotal) : undefined;
    const cacheBand =
      plan.kind === "gpu-hour" && keptLow !== undefined && keptLow < 100
        ? cacheBandFor(tokens, plan, keptLow, band?.worstFactor ?? 1)
        : undefined;
    return {
      ...p,
      usdPerMillion: ratesPerMillion(plan, p.tier),
      ...(band && { band }),
      ...(cacheBand && { cacheBand }),
    };
  });
  return {
    scenario,
    ...(ledger && { ledger }),
    tokens,
    chosenPlans: offer.plans,
    ...ranked,
    plans,
    unavailable: offer.unavailable,
    warnings: [...(ledger?.warnings ?? []), ...(options.importWarnings ?? [])],
  };
}
