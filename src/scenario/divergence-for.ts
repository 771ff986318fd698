// A dropped log's prefix divergence priced on every plan, as `rollout-cost analyze --json`'s
// `prefixDivergence.priced`: the log's own tokens through priceObservedLog, then analyzeExtras.
import type { LogAnalysis } from "../logs/log-analysis.js";
import { fittedWorkload } from "../logs/observed-workload.js";
import type { PrefixDivergenceSummary } from "../logs/prefix-divergence-summary.js";
import type { ScenarioValues } from "./fields.js";
import { analyzeExtras, type DivergenceCost } from "./log-extras.js";
import { priceObservedLog } from "./price-log.js";

/** The divergence summary and its price per plan; null when the log has no token ids to compare. */
export function pricedDivergenceForLog(
  analysis: LogAnalysis,
  values: ScenarioValues = {},
): { summary: PrefixDivergenceSummary; priced: DivergenceCost[] } | null {
  const summary = analysis.prefixDivergence;
  if (!summary) return null;
  const pricedLog = priceObservedLog(analysis, values);
  if (!pricedLog.ok) return { summary, priced: [] };
  const fitted = fittedWorkload(analysis);
  const extras = analyzeExtras({
    analysis,
    tokens: pricedLog.priced.tokens,
    fitted: fitted.ok ? fitted.workload : null,
    plans: pricedLog.priced.chosenPlans,
    estimates: pricedLog.priced.plans,
  });
  return { summary, priced: extras.prefixDivergenceCost };
}
