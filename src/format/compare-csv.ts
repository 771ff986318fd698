import type { PlanEstimate } from "../core/plan.js";

export const COMPARE_CSV_COLUMNS = [
  "id",
  "label",
  "kind",
  "provider",
  "usdTotal",
  "usdPerEpisode",
  "clusterHours",
  "tier",
  "vsBaseline",
  "usdTraining",
  "usdStep",
  "steps",
  "usdRun",
  "assumptions",
  "warnings",
] as const;

/** One CSV row per plan, unrounded; assumptions as `name=value` joined by " | ". */
export function compareCsvRows(plans: (PlanEstimate & { vsBaseline: string })[]): Record<string, unknown>[] {
  return plans.map((p) => ({
    id: p.id,
    label: p.label,
    kind: p.kind,
    provider: p.provider,
    usdTotal: p.usdTotal,
    usdPerEpisode: p.usdPerEpisode,
    clusterHours: p.clusterHours,
    tier: p.tier,
    vsBaseline: p.vsBaseline,
    usdTraining: p.training?.usdTraining,
    usdStep: p.training?.usdStep,
    steps: p.training?.steps,
    usdRun: p.training?.usdRun,
    assumptions: p.assumptions.map((a) => `${a.name}=${a.value}`).join(" | "),
    warnings: p.warnings.join(" | "),
  }));
}
