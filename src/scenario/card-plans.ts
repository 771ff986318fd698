import type { Card, DedicatedDefault, Model, PerTokenPrice } from "../catalog/schema.js";
import type { Overlap } from "../core/cluster-hours.js";
import type { ContextTier, GpuHourPlan, PerTokenPlan } from "../core/plan.js";

/** A plan the preset would offer but cannot for this model, and why. */
export interface UnavailablePlan {
  id: string;
  label: string;
  reason: string;
}

const tierLabel = (tokens: number | undefined) =>
  tokens === undefined ? "any context" : `${tokens / 1000}K`;
const byTier = (a: PerTokenPrice, b: PerTokenPrice) =>
  (a.contextTierTokens ?? Infinity) - (b.contextTierTokens ?? Infinity);

/** A per-token card's entries for one model as one plan: the smallest tier is the base, the rest tiers. */
export function perTokenPlanFromCard(card: Card, entries: PerTokenPrice[]): PerTokenPlan {
  const [base, ...longer] = [...entries].sort(byTier);
  if (!base) throw new RangeError(`card ${card.id} has no entries`);
  const rates = (e: PerTokenPrice) => ({
    usdPerMillionPrefill: e.usdPerMillionPrefill,
    usdPerMillionSample: e.usdPerMillionSample,
    ...(e.usdPerMillionCachedPrefill !== undefined && {
      usdPerMillionCachedPrefill: e.usdPerMillionCachedPrefill,
    }),
    ...(e.usdPerMillionTrain !== undefined && { usdPerMillionTrain: e.usdPerMillionTrain }),
  });
  const tiers: ContextTier[] = longer.map((e) => ({
    ...rates(e),
    maxContextTokens: e.contextTierTokens ?? Number.MAX_SAFE_INTEGER,
    label: tierLabel(e.contextTierTokens),
  }));
  const tierNames =
    entries.length > 1
      ? ` (${[base, ...longer].map((e) => tierLabel(e.contextTierTokens)).join(" / ")} tiers)`
      : "";
  return {
    kind: "per-token",
    id: card.id,
    label: `${card.label}${tierNames}`,
    provider: card.provider,
    ...rates(base),
    ...(base.contextTierTokens !== undefined && { maxContextTokens: base.contextTierTokens }),
    ...(base.contextTierTokens !== undefined && { tierLabel: tierLabel(base.contextTierTokens) }),
    ...(tiers.length > 0 && { contextTiers: tiers }),
    source: base.source,
    asOf: base.asOf,
  };
}

/** What a dedicated plan needs besides its rate: GPUs, throughputs and how they overlap. */
export interface DedicatedTermsInput {
  model: Model;
  defaults: DedicatedDefault;
  /** The GPU the plan runs on (`--gpu`; the catalog entry's unless told). */
  gpuType: string;
  gpus: number;
  promptTokensPerSecond: number;
  decodeTokensPerSecond: number;
  overlap: Overlap;
  minimumBilledHours?: number;
}

/** A GPU-hour plan at a rate from `rate`, on the dedicated terms given. */
export function gpuHourPlan(
  ids: { id: string; label: string; provider: string },
  rate: { usdPerGpuHour: number; source: string; asOf: string | undefined },
  terms: DedicatedTermsInput,
): GpuHourPlan {
  const throughputChanged =
    terms.promptTokensPerSecond !== terms.defaults.promptTokensPerSecond ||
    terms.decodeTokensPerSecond !== terms.defaults.decodeTokensPerSecond;
  return {
    kind: "gpu-hour",
    id: ids.id,
    label: `${ids.label}: ${terms.gpus}× ${terms.gpuType.replace("_", " ")} at $${rate.usdPerGpuHour}/GPU-hour`,
    provider: ids.provider,
    gpuType: terms.gpuType,
    gpus: terms.gpus,
    usdPerGpuHour: rate.usdPerGpuHour,
    rateSource: rate.source,
    ...(rate.asOf !== undefined && { rateAsOf: rate.asOf }),
    promptTokensPerSecond: terms.promptTokensPerSecond,
    decodeTokensPerSecond: terms.decodeTokensPerSecond,
    throughputSource: throughputChanged
      ? "user input"
      : `${terms.defaults.source} (as of ${terms.defaults.asOf}; saturated, constant)`,
    overlap: terms.overlap,
    ...(terms.minimumBilledHours !== undefined && { minimumBilledHours: terms.minimumBilledHours }),
  };
}
