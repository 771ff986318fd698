import { useMemo } from "preact/hooks";
import { formatHours, formatUsd } from "../../format/numbers.js";
import { priceScenario } from "../../scenario/price.js";
import { resolveScenario } from "../../scenario/resolve.js";
import type { Priced } from "../evaluate.js";

/**
 * Every plan the `current` preset offers for this scenario, priced as `rollout-cost compare --preset current`
 * prices them (its own context policy, its own baseline), ranked cheapest first.
 */
export function MorePlans(props: { priced: Priced }) {
  const values = props.priced.values;
  const result = useMemo(() => {
    try {
      return { ok: true as const, priced: priceScenario(resolveScenario({ ...values, preset: "current" })) };
    } catch (error) {
      return { ok: false as const, reason: error instanceof Error ? error.message : String(error) };
    }
  }, [values]);
  return (
    <section class="reality more-plans" aria-labelledby="more-plans-title">
      <h3 id="more-plans-title">More ways to buy it: the newest dated prices</h3>
      {result.ok ? (
        <>
          <p class="reality-policy">
            Preset current: the context window enforced ({result.priced.scenario.contextPolicy}), each price
            tier as its card sets it, ratios against {result.priced.baseline}.
          </p>
          <div class="table-scroll">
            <table class="plans-table">
              <thead>
                <tr>
                  <th scope="col">Plan (preset current)</th>
                  <th scope="col">Rank</th>
                  <th scope="col">$ / episode</th>
                  <th scope="col">Total</th>
                  <th scope="col">Cluster-hours</th>
                  <th scope="col">vs. {result.priced.baseline}</th>
                </tr>
              </thead>
              <tbody>
                {result.priced.plans.map((plan) => (
                  <tr key={plan.id} data-plan={plan.id}>
                    <th scope="row">
                      {plan.label}
                      {plan.tier && <span class="reality-change">tier {plan.tier}</span>}
                      {plan.warnings.map((warning) => (
                        <span class="reality-change" key={warning}>
                          {warning}
                        </span>
                      ))}
                    </th>
                    <td data-figure="rank">{plan.rank === 1 ? "1 (cheapest)" : plan.rank}</td>
                    <td>{formatUsd(plan.usdPerEpisode)}</td>
                    <td data-figure="total">{formatUsd(plan.usdTotal)}</td>
                    <td>{plan.clusterHours === undefined ? "" : formatHours(plan.clusterHours)}</td>
                    <td>{plan.vsBaseline}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {result.priced.unavailable.length > 0 && (
            <details class="reality-reason">
              <summary>
                {result.priced.unavailable.length === 1
                  ? "1 plan has no figures for this model"
                  : `${result.priced.unavailable.length} plans have no figures for this model`}
              </summary>
              <ul>
                {result.priced.unavailable.map((plan) => (
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
