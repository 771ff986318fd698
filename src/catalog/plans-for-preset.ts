import type { Overlap } from "../core/cluster-hours.js";
import type { Plan } from "../core/plan.js";
import {
  type DedicatedTermsInput,
  gpuHourPlan,
  perTokenPlanFromCard,
  type UnavailablePlan,
} from "./card-plans.js";
import { CATALOG, type Catalog } from "./index.js";
import { modelById, presetById } from "./lookup.js";

export type { UnavailablePlan } from "./card-plans.js";

/** What a user may change in the plans a preset offers. */
export interface PlanOverrides {
  /** GPUs in each dedicated plan (default: the preset's for the model). */
  gpus?: number;
  promptTokensPerSecond?: number;
  decodeTokensPerSecond?: number;
  /** How prefill and decode share dedicated GPUs (default `max`, the page's). */
  overlap?: Overlap;
  minimumBilledHours?: number;
}

/** Every plan a preset offers for a model, and the ones it cannot offer with the reason. */
export interface PlanOffer {
  plans: Plan[];
  unavailable: UnavailablePlan[];
}

/**
 * The plans `presetId` offers for `modelId`: the page's two (Tinker per token, dedicated GPU-hours) for a
 * preset without rate cards, otherwise one plan per rate card that has figures for the model. Throws
 * RangeError for an unknown preset or model.
 */
export function planOfferForPreset(
  presetId: string,
  modelId: string,
  overrides: PlanOverrides = {},
  catalog: Catalog = CATALOG,
): PlanOffer {
  const preset = presetById(presetId, catalog);
  const model = modelById(modelId, catalog);
  const plans: Plan[] = [];
  const unavailable: UnavailablePlan[] = [];
  const defaults = preset.dedicatedDefaults.find((d) => d.modelId === model.id);
  const terms: DedicatedTermsInput | undefined = defaults && {
    model,
    defaults,
    gpus: overrides.gpus ?? defaults.gpus,
    promptTokensPerSecond: overrides.promptTokensPerSecond ?? defaults.promptTokensPerSecond,
    decodeTokensPerSecond: overrides.decodeTokensPerSecond ?? defaults.decodeTokensPerSecond,
    overlap: overrides.overlap ?? "max",
    ...(overrides.minimumBilledHours !== undefined && { minimumBilledHours: overrides.minimumBilledHours }),
  };
  const noThroughput = `preset ${preset.id} has no dedicated throughput figures for ${model.label}`;

  if (preset.cardIds === undefined) {
    const price = catalog.perTokenPrices.find(
      (p) => p.modelId === model.id && preset.perTokenPriceIds.includes(p.id),
    );
    if (price) {
      plans.push({
        kind: "per-token",
        id: "tinker",
        label: "Tinker: per token, no cross-turn cache (the page's)",
        provider: price.provider,
        usdPerMillionPrefill: price.usdPerMillionPrefill,
        usdPerMillionSample: price.usdPerMillionSample,
        source: price.source,
        asOf: price.asOf,
      });
    } else {
      unavailable.push({
        id: "tinker",
        label: "Tinker",
        reason: `preset ${preset.id} has no price for ${model.label}`,
      });
    }
    if (terms) {
      const rate = catalog.gpuPrices.find(
        (g) => g.gpuType === terms.defaults.gpuType && preset.gpuPriceIds.includes(g.id),
      );
      const chosen = rate
        ? { usdPerGpuHour: rate.usdPerGpuHour, source: rate.source, asOf: rate.asOf }
        : { usdPerGpuHour: preset.fallbackUsdPerGpuHour, source: preset.fallbackSource, asOf: undefined };
      plans.push(gpuHourPlan({ id: "dedicated", label: "Dedicated", provider: "Fireworks" }, chosen, terms));
    } else {
      unavailable.push({ id: "dedicated", label: "Dedicated", reason: noThroughput });
    }
    return { plans, unavailable };
  }

  for (const cardId of preset.cardIds) {
    const card = catalog.cards?.find((c) => c.id === cardId);
    if (!card) continue;
    if (card.kind === "per-token") {
      const entries = catalog.perTokenPrices.filter((p) => p.card === card.id && p.modelId === model.id);
      if (entries.length > 0) plans.push(perTokenPlanFromCard(card, entries));
      else
        unavailable.push({
          id: card.id,
          label: card.label,
          reason: `the catalog has no ${card.label} figure for ${model.label}`,
        });
      continue;
    }
    const id = `dedicated-${card.id}`;
    if (!terms) {
      unavailable.push({ id, label: card.label, reason: noThroughput });
      continue;
    }
    const rate = catalog.gpuPrices.find((g) => g.card === card.id && g.gpuType === terms.defaults.gpuType);
    if (rate) plans.push(gpuHourPlan({ id, label: card.label, provider: card.provider }, rate, terms));
    else
      unavailable.push({
        id,
        label: card.label,
        reason: `${card.label} lists no rate for ${terms.defaults.gpuType}`,
      });
  }
  return { plans, unavailable };
}

/** Every plan `presetId` offers for `modelId` (see planOfferForPreset for the ones it cannot offer). */
export function plansForPreset(
  presetId: string,
  modelId: string,
  overrides: PlanOverrides = {},
  catalog: Catalog = CATALOG,
): Plan[] {
  return planOfferForPreset(presetId, modelId, overrides, catalog).plans;
}
