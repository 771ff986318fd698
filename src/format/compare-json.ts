// What `compare --json` prints for a priced scenario: one value, the same for every caller.
import type { PricedScenario } from "../scenario/price.js";
import type { RealityCheck } from "../scenario/reality-check.js";
import { scenarioFile } from "../scenario/scenario-file.js";
import type { Verdict } from "../scenario/verdict.js";

/** Reality-check rows that run the throughput model: carried apart, so `realityCheck` is the page's own. */
const THROUGHPUT_ROWS = new Set<string>(["derived-throughput", "cache-survival"]);

/** The priced scenario as the JSON contract: the verdict first, unrounded, every plan with its assumptions and warnings. */
export function compareJson(priced: PricedScenario, reality: RealityCheck, verdict?: Verdict): unknown {
  const { scenario, ledger } = priced;
  return {
    verdict: verdict ?? null,
    preset: scenario.preset.id,
    model: { id: scenario.model.id, label: scenario.model.label, contextWindowTokens: scenario.windowTokens },
    workload: scenario.workload,
    contextPolicy: scenario.contextPolicy,
    ledger: ledger
      ? {
          rows: ledger.rows,
          perEpisode: {
            promptTokens: ledger.promptTokens,
            cachedPromptTokens: ledger.cachedPromptTokens,
            uncachedPromptTokens: ledger.uncachedPromptTokens,
            decodeTokens: ledger.decodeTokens,
            peakContextTokens: ledger.peakContextTokens,
            finalContextTokens: ledger.finalContextTokens,
          },
        }
      : null,
    tokens: priced.tokens,
    baseline: priced.baseline,
    ranking: priced.ranking,
    plans: priced.plans,
    unavailable: priced.unavailable,
    realityCheck: reality.ok ? reality.rows.filter((r) => !THROUGHPUT_ROWS.has(r.id)) : null,
    realityCheckThroughput: reality.ok ? reality.rows.filter((r) => THROUGHPUT_ROWS.has(r.id)) : null,
    realityCheckNote: reality.ok ? "" : reality.reason,
    warnings: priced.warnings,
    defaults: scenario.defaults,
    scenario: scenarioFile(scenario.values),
  };
}
