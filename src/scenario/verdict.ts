// The answer first: which plan is cheapest for the scenario, by how much, how long it takes, how it
// reads against the Fireworks page's two plans, and whether an error in dedicated throughput can turn
// the ranking over. Plain data plus the words every surface prints.
import { derivedThroughputBand } from "../catalog/throughput-band.js";
import { formatCount, formatHours, formatUsd } from "../format/numbers.js";
import { type PricedPlan, type PricedScenario, rankedUsdRange } from "./price.js";
import type { RealityCheck } from "./reality-check.js";

/** A plan as the verdict names it. */
export interface VerdictPlan {
  id: string;
  label: string;
  kind: PricedPlan["kind"];
  /** The $ it is ranked by: the run's when training is priced, else the rollouts'. */
  usdTotal: number;
  /** The rollouts' $ per episode. */
  usdPerEpisode: number;
  /** Busy cluster-hours of a dedicated plan; null for per-token plans (their provider sets the pace). */
  wallClockHours: number | null;
  /** Why `wallClockHours` is null, where it is. */
  note?: string;
  /** How many times the cheapest plan's $ this plan costs (1 for the cheapest); null when $0. */
  timesCheapest: number | null;
  /** Derived throughput: the $ and hours at the ends of the model's error band. */
  band?: PricedPlan["band"];
  /** The $ and hours with the prefix cache kept down to the user's worst case. */
  cacheBand?: PricedPlan["cacheBand"];
}

/** Whether dedicated throughput off by a factor turns the cheapest plan over. */
export interface VerdictFlip {
  /** Dedicated throughput must be this many times lower (cheapest is dedicated) or higher (cheapest is
   * per-token) to flip the cheapest plan; null when one kind is missing, so throughput cannot flip it. */
  factor: number | null;
  /** The band the figures carry: the throughput model's worst factor for derived, none for saturated. */
  bandFactor: number | null;
  /** True when `factor` lies inside the band. */
  canFlip: boolean;
  /** Why `factor` or `bandFactor` is null, where one is. */
  note?: string;
}

/** Whether another plan can undercut the cheapest inside the ranges the user's assumptions give. */
export interface VerdictRanges {
  /** The least share of the ideal prefix-cache hit dedicated plans keep, percent. */
  keptLowPercent: number;
  /** The cheapest plan's $ at the dear end of its range. */
  cheapestHighUsd: number;
  /** Plans whose cheap end is below that, with it. */
  undercutBy: { id: string; lowUsd: number }[];
  canFlip: boolean;
}

/** The verdict on a priced scenario. */
export interface Verdict {
  preset: string;
  throughput: "saturated" | "derived";
  /** What the totals cover: one step's rollouts, or the whole run (every step's rollouts and training). */
  scope: "rollouts" | "run";
  cheapest: VerdictPlan;
  runnerUp: VerdictPlan | null;
  /** The Fireworks page's two plans on the same scenario; null when it does not price the model. */
  fireworksPage: { tinker: VerdictPlan; dedicated: VerdictPlan } | null;
  flip: VerdictFlip;
  /** With `cacheKeptLowPercent`: whether the plans' ranges (cache kept down to it, and derived bands) overlap. */
  ranges?: VerdictRanges;
  /** Plans the preset could not offer. */
  unavailable: number;
  /** The verdict in words, first line first. */
  lines: string[];
}

const WALL_CLOCK_UNKNOWN = "wall-clock not known (per token: the provider's rate limits set the pace)";

// Where a verdict figure is null, the same object says why (the JSON contract's rule).
function nullNote(hoursKnown: boolean, ratioKnown: boolean): { note?: string } {
  const why = [
    ...(hoursKnown ? [] : [WALL_CLOCK_UNKNOWN]),
    ...(ratioKnown ? [] : ["no ratio to the cheapest plan, which costs $0"]),
  ];
  return why.length === 0 ? {} : { note: why.join("; ") };
}

function verdictPlan(p: PricedPlan, cheapestUsd: number): VerdictPlan {
  const usd = p.usdRanked;
  return {
    id: p.id,
    label: p.label,
    kind: p.kind,
    usdTotal: usd,
    usdPerEpisode: p.usdPerEpisode,
    wallClockHours: p.kind === "gpu-hour" ? (p.clusterHours ?? null) : null,
    timesCheapest: cheapestUsd > 0 ? usd / cheapestUsd : null,
    ...nullNote(p.kind === "gpu-hour" && p.clusterHours !== undefined, cheapestUsd > 0),
    ...(p.band && { band: p.band }),
    ...(p.cacheBand && { cacheBand: p.cacheBand }),
  };
}

/** The throughput factor that flips the cheapest plan, as `VerdictFlip` describes. */
function flipFactor(ranked: PricedPlan[]): number | null {
  const [first] = ranked;
  const other = ranked.find((p) => p.kind !== first?.kind);
  if (!first || !other) return null;
  const a = first.usdRanked;
  return a > 0 ? other.usdRanked / a : null;
}

const times = (x: number | null) => (x === null ? "—" : `${x.toFixed(x < 1.1 ? 3 : x < 10 ? 2 : 1)}×`);

function wallClock(p: VerdictPlan): string {
  if (p.wallClockHours === null) return WALL_CLOCK_UNKNOWN;
  const hours = `${formatHours(p.wallClockHours)} cluster-hours`;
  const cache = p.cacheBand
    ? `up to ${formatHours(p.cacheBand.clusterHours.high)} h, ${formatUsd(p.cacheBand.usdTotal.high)} with the cache kept down to ${p.cacheBand.keptLowPercent}%`
    : "";
  if (!p.band) return cache ? `${hours} (${cache})` : hours;
  const { clusterHours: h, usdTotal: usd } = p.band;
  return `${hours} (band ${formatHours(h.low)}–${formatHours(h.high)} h, ${formatUsd(usd.low)}–${formatUsd(usd.high)}${cache ? `; ${cache}` : ""})`;
}

function against(p: VerdictPlan, cheapest: VerdictPlan): string {
  if (p.id === cheapest.id) return "the cheapest";
  const more = p.usdTotal - cheapest.usdTotal;
  if (Math.abs(more) < 0.005) return "the same";
  return `${times(p.timesCheapest)} the cheapest, ${more > 0 ? "+" : "−"}${formatUsd(Math.abs(more))}`;
}

/**
 * The verdict on `priced`: its cheapest plan and runner-up, the Fireworks page's two plans from the
 * reality check's first row, and whether dedicated throughput off by its band (derived) flips the
 * ranking. `throughput` says which figures the dedicated plans used.
 */
export function verdictFor(
  priced: PricedScenario,
  reality: RealityCheck,
  throughput: "saturated" | "derived" = priced.scenario.throughput,
): Verdict {
  const byId = new Map(priced.plans.map((p) => [p.id, p]));
  const ranked = priced.ranking.map((id) => byId.get(id)).filter((p): p is PricedPlan => p !== undefined);
  const [first, second] = ranked;
  if (!first) throw new Error("verdictFor: a priced scenario has at least one plan");
  const cheapestUsd = first.usdRanked;
  const cheapest = verdictPlan(first, cheapestUsd);
  const runnerUp = second ? verdictPlan(second, cheapestUsd) : null;
  const page = reality.ok ? reality.rows.find((r) => r.id === "page") : undefined;
  // The Fireworks page prices one step's rollouts; with training on, it reads against the cheapest
  // plan's own rollouts of one step, not against its whole run.
  const scope: Verdict["scope"] = first.training ? "run" : "rollouts";
  const pageBaseUsd = first.usdTotal;
  const pageBase = { ...cheapest, usdTotal: pageBaseUsd, timesCheapest: 1 };
  const pagePlan = (id: string, label: string, usd: number | null, kind: PricedPlan["kind"]) => ({
    id,
    label,
    kind,
    usdTotal: usd ?? 0,
    usdPerEpisode: (usd ?? 0) / priced.scenario.workload.episodes,
    wallClockHours: null,
    note:
      kind === "per-token"
        ? WALL_CLOCK_UNKNOWN
        : "the Fireworks page's hours for this scenario are in `estimate` (the reality check gives its $ only)",
    timesCheapest: pageBaseUsd > 0 && usd !== null ? usd / pageBaseUsd : null,
  });
  const fireworksPage = page
    ? {
        tinker: pagePlan("tinker", "Tinker, per token", page.tinkerUsdTotal, "per-token"),
        dedicated: pagePlan("dedicated", "Dedicated", page.dedicatedUsdTotal, "gpu-hour"),
      }
    : null;
  const factor = flipFactor(ranked);
  const bandFactor = throughput === "derived" ? derivedThroughputBand().worstFactor : null;
  const flip = {
    factor,
    bandFactor,
    canFlip: factor !== null && bandFactor !== null && factor <= bandFactor,
    ...((factor === null || bandFactor === null) && {
      note:
        factor === null
          ? "one kind of plan is missing, so throughput cannot turn the ranking over"
          : "saturated throughput carries no measured band; --throughput derived has one",
    }),
  };
  const episodes = formatCount(priced.scenario.workload.episodes);
  const steps = first.training?.steps ?? 1;
  const forWhat =
    scope === "run"
      ? `for the run (${formatCount(steps)} ${steps === 1 ? "step" : "steps"} of ${episodes} episodes, training included; rollouts ${formatUsd(cheapest.usdPerEpisode)} / episode)`
      : `for ${episodes} episodes (${formatUsd(cheapest.usdPerEpisode)} / episode)`;
  const lines = [
    `Cheapest (preset ${priced.scenario.preset.id}, ${throughput} throughput): ${cheapest.id}, ${formatUsd(cheapest.usdTotal)} ${forWhat}; ${wallClock(cheapest)}.`,
  ];
  if (runnerUp)
    lines.push(
      `Runner-up: ${runnerUp.id}, ${formatUsd(runnerUp.usdTotal)}${second?.trainingUnpriced ? " without its training, which it cannot price" : ""} (${against(runnerUp, cheapest)}); ${wallClock(runnerUp)}.`,
    );
  if (fireworksPage)
    lines.push(
      `The Fireworks page's two plans${scope === "run" ? ` (one step's rollouts, no training; the cheapest's own: ${formatUsd(pageBaseUsd)})` : ""}: ` +
        `Tinker ${formatUsd(fireworksPage.tinker.usdTotal)} (${against(fireworksPage.tinker, pageBase)}), ` +
        `Dedicated ${formatUsd(fireworksPage.dedicated.usdTotal)} (${against(fireworksPage.dedicated, pageBase)}).`,
    );
  lines.push(flipWords(flip, first.kind));
  const ranges = rangesFor(priced, ranked);
  if (ranges) lines.push(rangeWords(ranges));
  return {
    preset: priced.scenario.preset.id,
    throughput,
    scope,
    cheapest,
    runnerUp,
    fireworksPage,
    flip,
    ...(ranges && { ranges }),
    unavailable: priced.unavailable.length,
    lines,
  };
}

function flipWords(flip: VerdictFlip, cheapestKind: PricedPlan["kind"]): string {
  if (flip.factor === null)
    return "Ranking: dedicated throughput cannot flip it (the plans are all of one kind).";
  const way = cheapestKind === "gpu-hour" ? "lower" : "higher";
  const needs = `it flips if dedicated throughput is ${times(flip.factor)} ${way}`;
  if (flip.bandFactor === null)
    return `Ranking: ${needs} than the catalog's saturated figures (they carry no measured band).`;
  return flip.canFlip
    ? `Ranking can flip inside the band: ${needs}, and derived throughput is off by up to ${times(flip.bandFactor)}.`
    : `Ranking holds inside the band: ${needs}; derived throughput is off by at most ${times(flip.bandFactor)}.`;
}

function rangesFor(priced: PricedScenario, ranked: PricedPlan[]): VerdictRanges | undefined {
  const keptLowPercent = priced.scenario.values.cacheKeptLowPercent;
  const [first, ...rest] = ranked;
  if (keptLowPercent === undefined || keptLowPercent >= 100 || !first) return undefined;
  const steps = priced.scenario.training?.steps ?? 1;
  const cheapestHighUsd = rankedUsdRange(first, steps).high;
  const undercutBy = rest
    .filter((p) => !p.trainingUnpriced)
    .map((p) => ({ id: p.id, lowUsd: rankedUsdRange(p, steps).low }))
    .filter((p) => p.lowUsd < cheapestHighUsd);
  return { keptLowPercent, cheapestHighUsd, undercutBy, canFlip: undercutBy.length > 0 };
}

function rangeWords(r: VerdictRanges): string {
  const kept = `With the prefix cache kept down to ${r.keptLowPercent}% of the ideal`;
  const [next] = r.undercutBy;
  if (!next)
    return `${kept}, the cheapest plan costs up to ${formatUsd(r.cheapestHighUsd)} and stays the cheapest.`;
  const others = r.undercutBy.length > 1 ? ` and ${r.undercutBy.length - 1} more` : "";
  return `${kept}, the cheapest plan costs up to ${formatUsd(r.cheapestHighUsd)}: the ranking can flip (${next.id}, from ${formatUsd(next.lowUsd)}${others}).`;
}
