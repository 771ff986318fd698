import type { ContextPolicy } from "./context-policy.js";
import type { Workload } from "./episode-shape.js";
import { workloadTokensFromLedger } from "./ledger-tokens.js";
import type { Plan } from "./plan.js";
import { pricePlans } from "./price-plans.js";
import { episodeLedger } from "./turn-ledger.js";
import { validateWorkload } from "./validate-workload.js";

/** An input a sweep moves. `gpus` sets every gpu-hour plan's GPU count (throughputs held, as on the page). */
export type SweepVariable =
  | "turns"
  | "episodes"
  | "initialPromptTokens"
  | "addedTokensPerTurn"
  | "generatedTokensPerTurn"
  | "gpus";

export const SWEEP_VARIABLES: readonly SweepVariable[] = [
  "turns",
  "episodes",
  "initialPromptTokens",
  "addedTokensPerTurn",
  "generatedTokensPerTurn",
  "gpus",
];

/** One plan at one point of the sweep; `usdTotal` is null, with `note` saying why, where no bill exists. */
export interface SweepRow {
  x: number;
  y?: number;
  plan: string;
  usdTotal: number | null;
  usdPerEpisode: number | null;
  clusterHours: number | null;
  note: string;
}

export interface SweepInput {
  workload: Workload;
  plans: Plan[];
  policy: ContextPolicy;
  windowTokens?: number;
  x: { variable: SweepVariable; values: number[] };
  y?: { variable: SweepVariable; values: number[] };
}

function apply(workload: Workload, plans: Plan[], variable: SweepVariable, value: number) {
  if (variable === "gpus")
    return { workload, plans: plans.map((p) => (p.kind === "gpu-hour" ? { ...p, gpus: value } : p)) };
  if (variable === "episodes") return { workload: { ...workload, episodes: value }, plans };
  return { workload: { ...workload, shape: { ...workload.shape, [variable]: value } }, plans };
}

/**
 * Every plan's bill at each value of one input (or each pair of two), the rest held: rows in x-major
 * order, one per plan. Points whose workload is invalid, or that the context policy refuses, get a
 * null bill and a note rather than an exception.
 */
export function sweep(input: SweepInput): SweepRow[] {
  const rows: SweepRow[] = [];
  const ys = input.y ? input.y.values : [undefined];
  for (const x of input.x.values) {
    for (const y of ys) {
      let point = apply(input.workload, input.plans, input.x.variable, x);
      if (input.y && y !== undefined) point = apply(point.workload, point.plans, input.y.variable, y);
      const at = { x, ...(y !== undefined && { y }) };
      const fail = (note: string) =>
        point.plans.map((p) => ({
          ...at,
          plan: p.id,
          usdTotal: null,
          usdPerEpisode: null,
          clusterHours: null,
          note,
        }));
      try {
        validateWorkload(point.workload);
        const ledger = episodeLedger(point.workload.shape, {
          policy: input.policy,
          ...(input.windowTokens !== undefined && { windowTokens: input.windowTokens }),
        });
        if (!ledger.ok) {
          rows.push(...fail(ledger.reason));
          continue;
        }
        const tokens = workloadTokensFromLedger(ledger, point.workload.episodes);
        for (const estimate of pricePlans(tokens, point.plans)) {
          rows.push({
            ...at,
            plan: estimate.id,
            usdTotal: estimate.usdTotal,
            usdPerEpisode: estimate.usdPerEpisode,
            clusterHours: estimate.clusterHours ?? null,
            note: [...ledger.warnings, ...estimate.warnings].join(" | "),
          });
        }
      } catch (error) {
        if (!(error instanceof RangeError)) throw error;
        rows.push(...fail(error.message));
      }
    }
  }
  return rows;
}
