// The Fireworks page's two plans on the user's scenario, one departure from its assumptions at a time:
// each row prices variants of those plans through the same pipeline and says what it changed and by
// how many dollars.

import { CATALOG, type Catalog } from "../catalog/index.js";
import type { ContextPolicy } from "../core/context-policy.js";
import { workloadTokensFromLedger } from "../core/ledger-tokens.js";
import type { GpuHourPlan, PerTokenPlan, Plan } from "../core/plan.js";
import { pricePlans } from "../core/price-plans.js";
import { episodeLedger } from "../core/turn-ledger.js";
import type { WorkloadTokens } from "../core/workload-tokens.js";
import { formatCount } from "../format/numbers.js";
import { perTokenPlanFromCard } from "./card-plans.js";
import { type FieldKey, type ScenarioValues, SHAPE_KEYS } from "./fields.js";
import { planOffer, REFERENCE_PLAN_IDS } from "./plans.js";
import { throughputRealityRows } from "./reality-throughput.js";
import { resolveScenario, type Scenario } from "./resolve.js";

/** One way the page's scenario departs from its assumptions, and what it does to each plan's bill. */
export interface RealityRow {
  id:
    | "page"
    | "cached-prefill"
    | "context-tier"
    | "context-window"
    | "sum-overlap"
    | "all"
    | "derived-throughput"
    | "cache-survival";
  label: string;
  /** What this row assumes instead of the page. */
  change: string;
  /** Null where the departure leaves no bill (a `refuse` policy past the window); `note` says why. */
  tinkerUsdTotal: number | null;
  dedicatedUsdTotal: number | null;
  /** Row minus the page's row, $ (0 on the page's row). */
  tinkerDeltaUsd: number | null;
  dedicatedDeltaUsd: number | null;
  note: string;
}

export type RealityCheck = { ok: true; rows: RealityRow[] } | { ok: false; reason: string };

/** The cached-prefill discount the reality check tries: Tinker's 2026-10 rule, from the catalog. */
export function cachedPrefillDiscount(catalog: Catalog = CATALOG): { fractionOff: number; source: string } {
  const discount = catalog.discounts?.find((d) => d.id === "tinker-2026-10-cached-prefill");
  if (!discount) throw new Error("catalog: the Tinker 2026-10 cached-prefill discount is missing");
  return { fractionOff: discount.fractionOff, source: discount.label };
}

/** The inputs the Fireworks page itself has: the reality check keeps these and drops the rest. */
const PAGE_KEYS = [
  "model",
  "episodes",
  ...SHAPE_KEYS,
  "gpus",
  "promptTokensPerSecond",
  "decodeTokensPerSecond",
] as const satisfies readonly FieldKey[];

/** The card whose tiers say which price tier an episode's final context really falls in. */
const TIERED_CARD_ID = "tinker-2026-05";

function tieredTinker(scenario: Scenario, catalog: Catalog): PerTokenPlan | undefined {
  const card = catalog.cards?.find((c) => c.id === TIERED_CARD_ID);
  const entries = catalog.perTokenPrices.filter(
    (p) => p.card === TIERED_CARD_ID && p.modelId === scenario.model.id,
  );
  return card && entries.length > 1 ? perTokenPlanFromCard(card, entries) : undefined;
}

/**
 * The reality check for the scenario: the Fireworks page's two plans (the `reference` preset's rates for
 * the model, the scenario's shape and dedicated figures) unchanged, then with Tinker's cached-prefill
 * discount, at the price tier the final context falls in, with the window enforced (`stop` unless the
 * scenario says otherwise), with `sum` overlap, and all together; with `throughputRows`, also on derived
 * throughput and with every episode in flight (they run the throughput model: the CLI asks for them).
 * `{ ok: false }` when the page does not cover the model.
 */
export function realityCheckFor(
  scenario: Scenario,
  catalog: Catalog = CATALOG,
  options: { throughputRows?: boolean } = {},
): RealityCheck {
  const kept: ScenarioValues = { preset: "reference", contextPolicy: "ignore", overlap: "max" };
  for (const key of PAGE_KEYS) {
    const value = scenario.values[key];
    if (value !== undefined) (kept as Record<string, unknown>)[key] = value;
  }
  const page = resolveScenario(kept, catalog);
  const offered = planOffer(page, [], catalog).plans;
  const tinker = offered.find(
    (p): p is PerTokenPlan => p.id === REFERENCE_PLAN_IDS.perToken && p.kind === "per-token",
  );
  const dedicated = offered.find(
    (p): p is GpuHourPlan => p.id === REFERENCE_PLAN_IDS.dedicated && p.kind === "gpu-hour",
  );
  if (!tinker || !dedicated)
    return {
      ok: false,
      reason: `no reality check: the Fireworks page does not price ${scenario.model.label}`,
    };

  const discount = cachedPrefillDiscount(catalog);
  const discounted: PerTokenPlan = {
    ...tinker,
    usdPerMillionCachedPrefill: tinker.usdPerMillionPrefill * (1 - discount.fractionOff),
  };
  const tiered = tieredTinker(scenario, catalog);
  const summed: GpuHourPlan = { ...dedicated, overlap: "sum" };
  const policy: Exclude<ContextPolicy, "ignore"> =
    scenario.contextPolicy === "ignore" ? "stop" : scenario.contextPolicy;
  const { workload, windowTokens } = page;
  const unwindowed = episodeLedger(workload.shape, { policy: "ignore" });
  const windowed = episodeLedger(workload.shape, { policy, windowTokens });
  const tokensOf = (ledger: typeof windowed): WorkloadTokens | undefined =>
    ledger.ok ? workloadTokensFromLedger(ledger, workload.episodes) : undefined;
  const base = tokensOf(unwindowed) as WorkloadTokens;
  const [pageTinker = 0, pageDedicated = 0] = pricePlans(base, [tinker, dedicated]).map((e) => e.usdTotal);
  const windowNote = windowed.ok
    ? windowed.warnings.join(" | ") ||
      `the episode fits the ${formatCount(windowTokens)}-token window: nothing changes`
    : windowed.reason;

  const row = (
    id: RealityRow["id"],
    label: string,
    change: string,
    perToken: Plan,
    gpuHour: Plan,
    tokens: WorkloadTokens | undefined,
    note = "",
  ): RealityRow => {
    if (!tokens) {
      return {
        id,
        label,
        change,
        tinkerUsdTotal: null,
        dedicatedUsdTotal: null,
        tinkerDeltaUsd: null,
        dedicatedDeltaUsd: null,
        note,
      };
    }
    const [t = 0, d = 0] = pricePlans(tokens, [perToken, gpuHour]).map((e) => e.usdTotal);
    return {
      id,
      label,
      change,
      tinkerUsdTotal: t,
      dedicatedUsdTotal: d,
      tinkerDeltaUsd: t - pageTinker,
      dedicatedDeltaUsd: d - pageDedicated,
      note,
    };
  };
  const percentOff = `${Math.round(discount.fractionOff * 100)}%`;
  const cachedRate = Number((discounted.usdPerMillionCachedPrefill ?? 0).toPrecision(6));
  const tierPeak = formatCount(base.peakContextTokens);
  const rows: RealityRow[] = [
    row(
      "page",
      "The Fireworks page, unchanged",
      "re-prefill at full price, one price tier, no window, max overlap",
      tinker,
      dedicated,
      base,
    ),
    row(
      "cached-prefill",
      "Cached-prefill discount",
      `cached prompt tokens at $${cachedRate}/1M instead of $${tinker.usdPerMillionPrefill}/1M, ${percentOff} off as on the ${discount.source}`,
      discounted,
      dedicated,
      base,
    ),
    tiered
      ? row(
          "context-tier",
          "Price tier of the final context",
          `Tinker's 2026-05 tiers (${tiered.label}): the tier holding the ${tierPeak}-token peak context`,
          tiered,
          dedicated,
          base,
        )
      : row(
          "context-tier",
          "Price tier of the final context",
          "the catalog has one Tinker tier for this model",
          tinker,
          dedicated,
          base,
        ),
    row(
      "context-window",
      "Context window enforced",
      `window ${formatCount(windowTokens)}, policy ${policy}`,
      tinker,
      dedicated,
      tokensOf(windowed),
      windowNote,
    ),
    row(
      "sum-overlap",
      "Prefill + decode (sum)",
      "dedicated GPUs prefill and decode in turn: sum of the times",
      tinker,
      summed,
      base,
    ),
    row(
      "all",
      "All together",
      "cached-prefill discount at the final context's tier, window enforced, sum overlap",
      tiered ? withDiscount(tiered, discount.fractionOff) : discounted,
      summed,
      tokensOf(windowed),
      windowed.ok ? "" : windowNote,
    ),
  ];
  if (options.throughputRows) rows.push(...throughputRealityRows(page, dedicated, pageTinker, pageDedicated));
  return { ok: true, rows };
}

function withDiscount(plan: PerTokenPlan, fractionOff: number): PerTokenPlan {
  const off = <T extends { usdPerMillionPrefill: number }>(r: T) => ({
    ...r,
    usdPerMillionCachedPrefill: r.usdPerMillionPrefill * (1 - fractionOff),
  });
  return { ...off(plan), ...(plan.contextTiers && { contextTiers: plan.contextTiers.map(off) }) };
}
