import { useMemo } from "preact/hooks";
import { planOfferForPreset } from "../../catalog/plans-for-preset.js";
import { comparisonLabel } from "../../core/comparison-label.js";
import { workloadTokensFromLedger } from "../../core/ledger-tokens.js";
import { pricePlans } from "../../core/price-plans.js";
import { episodeLedger } from "../../core/turn-ledger.js";
import { formatHours, formatUsd } from "../../format/numbers.js";
import type { Priced } from "../evaluate.js";

/**
 * Every plan the `current` preset offers for this scenario, priced as `rollout-cost compare --preset current`
 * prices them (context window enforced with the `stop` policy), each against the page's Tinker total.
 */
export function MorePlans(props: { priced: Priced }) {
  const { input, provenance, estimate } = props.priced;
  const result = useMemo(() => {
    try {
      const offer = planOfferForPreset("current", provenance.model.id, {
        gpus: input.dedicated.gpus,
        promptTokensPerSecond: input.dedicated.promptTokensPerSecond,
        decodeTokensPerSecond: input.dedicated.decodeTokensPerSecond,
      });
      // As `compare --preset current` does: the window enforced, an episode stopping at the last turn that fits.
      const ledger = episodeLedger(input.workload.shape, {
        policy: "stop",
        ...(input.contextWindow && { windowTokens: input.contextWindow.tokens }),
      });
      if (!ledger.ok) return { ok: false as const, reason: ledger.reason };
      const tokens = workloadTokensFromLedger(ledger, input.workload.episodes);
      return {
        ok: true as const,
        estimates: pricePlans(tokens, offer.plans),
        unavailable: offer.unavailable,
      };
    } catch (error) {
      return { ok: false as const, reason: error instanceof Error ? error.message : String(error) };
    }
  }, [input, provenance.model.id]);
  const baseline = estimate.plans.tinker.usdTotal;
  return (
    <section class="reality more-plans" aria-labelledby="more-plans-title">
      <h3 id="more-plans-title">More ways to buy it: the newest dated prices</h3>
      {result.ok ? (
        <>
          <div class="table-scroll">
            <table class="plans-table">
              <thead>
                <tr>
                  <th scope="col">Plan (preset current)</th>
                  <th scope="col">$ / episode</th>
                  <th scope="col">Total</th>
                  <th scope="col">Cluster-hours</th>
                  <th scope="col">vs. the page's Tinker</th>
                </tr>
              </thead>
              <tbody>
                {result.estimates.map((plan) => (
                  <tr key={plan.id}>
                    <th scope="row">
                      {plan.label}
                      {plan.warnings.map((warning) => (
                        <span class="reality-change" key={warning}>
                          {warning}
                        </span>
                      ))}
                    </th>
                    <td>{formatUsd(plan.usdPerEpisode)}</td>
                    <td>{formatUsd(plan.usdTotal)}</td>
                    <td>{plan.clusterHours === undefined ? "" : formatHours(plan.clusterHours)}</td>
                    <td>{comparisonLabel(baseline, plan.usdTotal)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {result.unavailable.length > 0 && (
            <details class="reality-reason">
              <summary>{result.unavailable.length} plans have no figures for this model</summary>
              <ul>
                {result.unavailable.map((plan) => (
                  <li key={plan.id}>
                    {plan.label}: {plan.reason}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      ) : (
        <p class="reality-reason">{result.reason}</p>
      )}
    </section>
  );
}
