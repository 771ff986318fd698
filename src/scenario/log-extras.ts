import { TRAINING_EFFICIENCY_THRESHOLDS } from "../catalog/training-efficiency.js";
import type { Workload } from "../core/episode-shape.js";
import type { Plan, PlanEstimate } from "../core/plan.js";
import { pricePlans } from "../core/price-plans.js";
import { type WorkloadTokens, workloadTokensFromShape } from "../core/workload-tokens.js";
import type { LogAnalysis } from "../logs/log-analysis.js";
import { type EfficiencyDiagnosis, efficiencyDiagnosis } from "../logs/readers/efficiency-diagnosis.js";

/** Per plan: the observed bill, what the closed form predicts for the fitted shape, and the error. */
export interface PredictedVsActual {
  id: string;
  label: string;
  observedUsd: number;
  predictedUsd: number;
  /** (predicted − observed) ÷ observed × 100; null when the observed bill is 0. */
  errorPercent: number | null;
}

/** Per plan: what the prefix divergence cost (observed bill − the bill had the lost tokens been cached). */
export interface DivergenceCost {
  id: string;
  label: string;
  lostCachedTokens: number;
  usdLost: number;
}

/** The parts of the analyze report beyond the request-log ones. */
export interface AnalyzeExtras {
  predicted: PredictedVsActual[];
  prefixDivergenceCost: DivergenceCost[];
  efficiencyDiagnosis: (EfficiencyDiagnosis & { thresholds: typeof TRAINING_EFFICIENCY_THRESHOLDS }) | null;
}

/** Predicted vs actual on each plan, the divergence's price on each plan, and the efficiency verdict. */
export function analyzeExtras(input: {
  analysis: LogAnalysis;
  tokens: WorkloadTokens | null;
  fitted: Workload | null;
  plans: Plan[];
  estimates: PlanEstimate[];
}): AnalyzeExtras {
  const { analysis, tokens, fitted, plans, estimates } = input;
  const predicted: PredictedVsActual[] = [];
  if (fitted && estimates.length === plans.length && analysis.tokens.train === undefined) {
    const forecast = pricePlans(workloadTokensFromShape(fitted), plans);
    estimates.forEach((e, i) => {
      const p = forecast[i] as PlanEstimate;
      predicted.push({
        id: e.id,
        label: e.label,
        observedUsd: e.usdTotal,
        predictedUsd: p.usdTotal,
        errorPercent: e.usdTotal > 0 ? ((p.usdTotal - e.usdTotal) / e.usdTotal) * 100 : null,
      });
    });
  }
  const prefixDivergenceCost: DivergenceCost[] = [];
  const lost = analysis.prefixDivergence?.lostCachedTokens ?? 0;
  if (tokens && lost > 0 && estimates.length === plans.length) {
    const cached = Math.min(tokens.promptTokens, tokens.cachedPromptTokens + lost);
    const ideal = pricePlans({ ...tokens, cachedPromptTokens: cached }, plans);
    estimates.forEach((e, i) => {
      prefixDivergenceCost.push({
        id: e.id,
        label: e.label,
        lostCachedTokens: cached - tokens.cachedPromptTokens,
        usdLost: e.usdTotal - (ideal[i] as PlanEstimate).usdTotal,
      });
    });
  }
  const efficiency = analysis.efficiency;
  return {
    predicted,
    prefixDivergenceCost,
    efficiencyDiagnosis: efficiency
      ? {
          ...efficiencyDiagnosis(efficiency, TRAINING_EFFICIENCY_THRESHOLDS),
          thresholds: TRAINING_EFFICIENCY_THRESHOLDS,
        }
      : null,
  };
}
