import type { ContextPolicy } from "./context-policy.js";
import { estimateReference, type ReferenceEstimate, type ReferenceInput } from "./estimate.js";
import { workloadTokensFromLedger } from "./ledger-tokens.js";
import type { GpuHourPlan, PerTokenPlan } from "./plan.js";
import { pricePlans } from "./price-plans.js";
import { referencePlans } from "./reference-plans.js";
import { episodeLedger } from "./turn-ledger.js";
import { workloadTokensFromShape } from "./workload-tokens.js";

/** One way the page's scenario departs from its assumptions, and what it does to each plan's bill. */
export interface RealityRow {
  id: "page" | "cached-prefill" | "context-window" | "sum-overlap" | "all";
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

export interface RealityCheckInput {
  reference: ReferenceInput;
  /** The cached-prefill discount to try, as a fraction off prefill (Tinker's 2026-10 card: 0.8). */
  cachedPrefill: { fractionOff: number; source: string };
  /** How the window is enforced in the context-window row (default `stop`). */
  policy?: Exclude<ContextPolicy, "ignore">;
}

export interface RealityCheck {
  page: ReferenceEstimate;
  rows: RealityRow[];
}

/**
 * The reference scenario side by side: the page's numbers unchanged, then with a cached-prefill
 * discount on the per-token side, with the model's context window enforced, with `sum` overlap on the
 * dedicated side, and all three together, each with its dollar difference from the page.
 */
export function realityCheck(input: RealityCheckInput): RealityCheck {
  const { reference, cachedPrefill } = input;
  const policy = input.policy ?? "stop";
  const page = estimateReference(reference);
  const { tinker, dedicated } = referencePlans(reference);
  const discounted: PerTokenPlan = {
    ...tinker,
    usdPerMillionCachedPrefill: reference.perToken.usdPerMillionPrefill * (1 - cachedPrefill.fractionOff),
  };
  const summed: GpuHourPlan = { ...dedicated, overlap: "sum" };
  const window = reference.contextWindow;
  const ledger = episodeLedger(reference.workload.shape, {
    policy: window ? policy : "ignore",
    ...(window && { windowTokens: window.tokens }),
  });
  const shapeTokens = workloadTokensFromShape(reference.workload);
  const [baseTinker, baseDedicated] = pricePlans(shapeTokens, [tinker, dedicated]).map((e) => e.usdTotal);

  const row = (
    id: RealityRow["id"],
    label: string,
    change: string,
    plans: { perToken: PerTokenPlan; gpuHour: GpuHourPlan; windowed: boolean },
  ): RealityRow => {
    let note = "";
    let tokens = shapeTokens;
    if (plans.windowed) {
      if (!ledger.ok)
        return {
          id,
          label,
          change,
          tinkerUsdTotal: null,
          dedicatedUsdTotal: null,
          tinkerDeltaUsd: null,
          dedicatedDeltaUsd: null,
          note: ledger.reason,
        };
      tokens = workloadTokensFromLedger(ledger, reference.workload.episodes);
      note =
        ledger.warnings.join(" | ") ||
        `the episode fits the ${window?.tokens.toLocaleString("en-US") ?? "unknown"}-token window: nothing changes`;
    }
    const [t, d] = pricePlans(tokens, [plans.perToken, plans.gpuHour]).map((e) => e.usdTotal);
    const tinkerUsd = t ?? 0;
    const dedicatedUsd = d ?? 0;
    return {
      id,
      label,
      change,
      tinkerUsdTotal: tinkerUsd,
      dedicatedUsdTotal: dedicatedUsd,
      tinkerDeltaUsd: tinkerUsd - (baseTinker ?? 0),
      dedicatedDeltaUsd: dedicatedUsd - (baseDedicated ?? 0),
      note,
    };
  };

  const percentOff = `${Math.round(cachedPrefill.fractionOff * 100)}%`;
  const rows: RealityRow[] = [
    {
      id: "page",
      label: "The page, unchanged",
      change: "re-prefill at full price, no window, max overlap",
      tinkerUsdTotal: page.plans.tinker.usdTotal,
      dedicatedUsdTotal: page.plans.dedicated.usdTotal,
      tinkerDeltaUsd: 0,
      dedicatedDeltaUsd: 0,
      note: "",
    },
    row(
      "cached-prefill",
      "Cached-prefill discount",
      `cached prompt tokens at $${Number((discounted.usdPerMillionCachedPrefill ?? 0).toPrecision(6))}/1M instead of $${tinker.usdPerMillionPrefill}/1M, ${percentOff} off as on the ${cachedPrefill.source}`,
      {
        perToken: discounted,
        gpuHour: dedicated,
        windowed: false,
      },
    ),
    row(
      "context-window",
      "Context window enforced",
      `window ${window ? window.tokens.toLocaleString("en-US") : "unknown"}, policy ${policy}`,
      {
        perToken: tinker,
        gpuHour: dedicated,
        windowed: window !== undefined,
      },
    ),
    row(
      "sum-overlap",
      "Prefill + decode (sum)",
      "dedicated GPUs prefill and decode in turn: sum of the times",
      {
        perToken: tinker,
        gpuHour: summed,
        windowed: false,
      },
    ),
    row("all", "All three together", "cached-prefill discount, window enforced, sum overlap", {
      perToken: discounted,
      gpuHour: summed,
      windowed: window !== undefined,
    }),
  ];
  return { page, rows };
}
