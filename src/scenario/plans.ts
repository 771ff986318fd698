// The plans a scenario is priced on: what its preset offers for the model (the Fireworks page's two, or
// one per rate card), the user's own (self-hosted, custom rates, imported price maps), narrowed to
// `plans` when given; and the plans the preset cannot offer, each with the reason.
import { CATALOG, type Catalog } from "../catalog/index.js";
import type { GpuHourPlan, PerTokenPlan, Plan } from "../core/plan.js";
import { echo } from "../format/echo.js";
import {
  type DedicatedTermsInput,
  gpuHourPlan,
  perTokenPlanFromCard,
  type UnavailablePlan,
} from "./card-plans.js";
import { customPerTokenPlan, selfHostedPlan } from "./custom-plans.js";
import type { Scenario } from "./resolve.js";
import { ScenarioError } from "./scenario-error.js";

export type { UnavailablePlan } from "./card-plans.js";

/** The plans chosen for a scenario, the ones the preset could not offer, and notes per plan id. */
export interface PlanOffer {
  plans: Plan[];
  unavailable: UnavailablePlan[];
  notes: Record<string, string[]>;
}

/** The plan id of the Fireworks page's per-token side and of its dedicated side. */
export const REFERENCE_PLAN_IDS = { perToken: "tinker", dedicated: "dedicated" } as const;

function dedicatedTerms(scenario: Scenario): DedicatedTermsInput | undefined {
  const d = scenario.dedicated;
  if (!d) return undefined;
  return {
    model: scenario.model,
    defaults: d.catalogEntry,
    gpuType: d.gpuType,
    gpus: d.gpus,
    promptTokensPerSecond: d.promptTokensPerSecond,
    decodeTokensPerSecond: d.decodeTokensPerSecond,
    overlap: scenario.overlap,
    ...(scenario.minimumBilledHours !== undefined && { minimumBilledHours: scenario.minimumBilledHours }),
  };
}

function presetPlans(
  scenario: Scenario,
  catalog: Catalog,
): { plans: Plan[]; unavailable: UnavailablePlan[] } {
  const { preset, model } = scenario;
  const plans: Plan[] = [];
  const unavailable: UnavailablePlan[] = [];
  const terms = dedicatedTerms(scenario);
  const noThroughput = `preset ${preset.id} has no dedicated throughput figures for ${model.label}`;
  if (preset.cardIds === undefined) {
    const price = catalog.perTokenPrices.find(
      (p) => p.modelId === model.id && preset.perTokenPriceIds.includes(p.id),
    );
    if (price) {
      plans.push({
        kind: "per-token",
        id: REFERENCE_PLAN_IDS.perToken,
        label: "Tinker as the Fireworks page prices it: per token, no cross-turn cache",
        provider: price.provider,
        usdPerMillionPrefill: price.usdPerMillionPrefill,
        usdPerMillionSample: price.usdPerMillionSample,
        source: price.source,
        asOf: price.asOf,
      });
    } else {
      unavailable.push({
        id: REFERENCE_PLAN_IDS.perToken,
        label: "Tinker",
        reason: `preset ${preset.id} has no price for ${model.label}`,
      });
    }
    if (terms) {
      const rate = catalog.gpuPrices.find(
        (g) => g.gpuType === terms.gpuType && preset.gpuPriceIds.includes(g.id),
      );
      const chosen = rate
        ? { usdPerGpuHour: rate.usdPerGpuHour, source: rate.source, asOf: rate.asOf }
        : { usdPerGpuHour: preset.fallbackUsdPerGpuHour, source: preset.fallbackSource, asOf: undefined };
      plans.push(
        gpuHourPlan(
          { id: REFERENCE_PLAN_IDS.dedicated, label: "Dedicated", provider: "Fireworks" },
          chosen,
          terms,
        ),
      );
    } else {
      unavailable.push({ id: REFERENCE_PLAN_IDS.dedicated, label: "Dedicated", reason: noThroughput });
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
    const rate = catalog.gpuPrices.find((g) => g.card === card.id && g.gpuType === terms.gpuType);
    if (rate) plans.push(gpuHourPlan({ id, label: card.label, provider: card.provider }, rate, terms));
    else
      unavailable.push({
        id,
        label: card.label,
        reason: `${card.label} lists no rate for ${terms.gpuType}`,
      });
  }
  return { plans, unavailable };
}

function selfHosted(scenario: Scenario, notes: Record<string, string[]>): GpuHourPlan | undefined {
  const { values, dedicated, model } = scenario;
  const rate = values.selfHostedUsdPerGpuHour;
  if (rate === undefined) return undefined;
  const entry = dedicated?.catalogEntry;
  const gpuType = values.selfHostedGpuType ?? values.gpuType ?? entry?.gpuType;
  const prompt = dedicated?.promptTokensPerSecond ?? values.promptTokensPerSecond;
  const decode = dedicated?.decodeTokensPerSecond ?? values.decodeTokensPerSecond;
  if (gpuType === undefined || prompt === undefined || decode === undefined) {
    throw new ScenarioError(
      "selfHostedUsdPerGpuHour",
      `the catalog has no GPU type or throughput for ${model.id}; give --self-hosted-gpu, --prompt-tps and --decode-tps`,
    );
  }
  const gpus = values.selfHostedGpus ?? values.gpus ?? entry?.gpus ?? 1;
  const userThroughput =
    values.promptTokensPerSecond !== undefined && values.decodeTokensPerSecond !== undefined;
  if (!userThroughput && entry && (gpuType !== entry.gpuType || gpus !== entry.gpus)) {
    notes["self-hosted"] = [
      `throughputs are the catalog's for ${entry.gpus}× ${entry.gpuType}, not ${gpus}× ${gpuType}; set --prompt-tps and --decode-tps`,
    ];
  }
  return selfHostedPlan({
    gpuType,
    gpus,
    usdPerGpuHour: rate,
    promptTokensPerSecond: prompt,
    decodeTokensPerSecond: decode,
    throughputSource:
      userThroughput || !entry
        ? "user input"
        : `${entry.source} (as of ${entry.asOf}), given for ${entry.gpus}× ${entry.gpuType}`,
    overlap: scenario.overlap,
    ...(scenario.minimumBilledHours !== undefined && { minimumBilledHours: scenario.minimumBilledHours }),
  });
}

function custom(scenario: Scenario): PerTokenPlan | undefined {
  const v = scenario.values;
  if (v.customUsdPerMillionPrefill === undefined || v.customUsdPerMillionSample === undefined)
    return undefined;
  return customPerTokenPlan({
    usdPerMillionPrefill: v.customUsdPerMillionPrefill,
    usdPerMillionSample: v.customUsdPerMillionSample,
    ...(v.customUsdPerMillionCachedPrefill !== undefined && {
      usdPerMillionCachedPrefill: v.customUsdPerMillionCachedPrefill,
    }),
    ...(v.customUsdPerMillionTrain !== undefined && { usdPerMillionTrain: v.customUsdPerMillionTrain }),
  });
}

/**
 * Every plan the scenario is priced on, in the preset's order, then self-hosted, custom and `imported`
 * plans; only those `values.plans` names when given (a ScenarioError naming `plans` for an unknown id).
 */
export function planOffer(
  scenario: Scenario,
  imported: readonly Plan[] = [],
  catalog: Catalog = CATALOG,
): PlanOffer {
  const { plans: offered, unavailable } = presetPlans(scenario, catalog);
  const notes: Record<string, string[]> = {};
  const own = [selfHosted(scenario, notes), custom(scenario)].filter((p): p is Plan => p !== undefined);
  const all = [...offered, ...own, ...imported];
  const wanted = scenario.values.plans;
  if (wanted === undefined) return { plans: all, unavailable, notes };
  const plans = wanted.map((id) => {
    const plan = all.find((p) => p.id === id);
    if (plan) return plan;
    const missing = unavailable.find((u) => u.id === id);
    if (missing) throw new ScenarioError("plans", `${id} is not available here: ${missing.reason}`);
    throw new ScenarioError(
      "plans",
      `unknown plan ${echo(id)} (offered: ${all.map((p) => p.id).join(", ")})`,
    );
  });
  return { plans, unavailable, notes };
}
