import { formatCount, formatHours, formatUsd } from "../../format/numbers.js";
import { ratesText } from "../../format/rates-text.js";
import type { Priced } from "../evaluate.js";

/**
 * Every plan of the verdict's preset, priced as `rollout-cost compare --preset <preset>` prices them
 * (its own context policy, its own baseline), ranked cheapest first; with training, per step and per run.
 * Narrow screens stack each row into a block with its labels.
 */
export function MorePlans(props: { priced: Priced }) {
  const result = props.priced.verdict;
  if (!result.ok) return null;
  const priced = result.priced;
  const training = priced.plans.some((p) => p.training);
  const ranked = [...priced.plans].sort((a, b) => a.rank - b.rank);
  const episodes = formatCount(priced.scenario.workload.episodes);
  return (
    <section class="reality more-plans" aria-labelledby="more-plans-title">
      <h3 id="more-plans-title">Every plan, ranked (preset {priced.scenario.preset.id})</h3>
      <p class="reality-policy">
        Context policy {priced.scenario.contextPolicy}, each price tier as its card sets it, ratios against{" "}
        {priced.baseline}. $/1M: prefilled prompt · generated tokens (* a dedicated plan's GPU-hours at its
        throughput).
      </p>
      <table class="plans-table stackable">
        <thead>
          <tr>
            <th scope="col">Plan</th>
            <th scope="col">Rank</th>
            <th scope="col">$ / episode</th>
            <th scope="col">$ / {episodes} ep</th>
            <th scope="col">Cluster-hours</th>
            <th scope="col">$/1M in · out</th>
            <th scope="col">vs. {priced.baseline}</th>
            {training && (
              <>
                <th scope="col">+ training</th>
                <th scope="col">$ / step</th>
                <th scope="col">$ / run</th>
              </>
            )}
          </tr>
        </thead>
        <tbody>
          {ranked.map((plan) => (
            <tr key={plan.id} data-plan={plan.id} class={plan.rank === 1 ? "cheapest" : undefined}>
              <th scope="row">
                {plan.label}
                {plan.tier && <span class="reality-change">tier {plan.tier}</span>}
                {plan.warnings.map((warning) => (
                  <span class="reality-change" key={warning}>
                    {warning}
                  </span>
                ))}
              </th>
              <td data-label="Rank" data-figure="rank">
                {plan.rank === 1 ? "1 (cheapest)" : plan.rank}
              </td>
              <td data-label="$ / episode">{formatUsd(plan.usdPerEpisode)}</td>
              <td data-label={`$ / ${episodes} ep`} data-figure="total">
                {formatUsd(plan.usdTotal)}
              </td>
              <td data-label="Cluster-hours">
                {plan.clusterHours === undefined ? "" : formatHours(plan.clusterHours)}
              </td>
              <td data-label="$/1M in · out">{ratesText(plan.usdPerMillion)}</td>
              <td data-label={`vs. ${priced.baseline}`}>{plan.vsBaseline}</td>
              {training &&
                (plan.training ? (
                  <>
                    <td data-label="+ training" data-figure="training">
                      {formatUsd(plan.training.usdTraining)}
                    </td>
                    <td data-label="$ / step">{formatUsd(plan.training.usdStep)}</td>
                    <td data-label="$ / run" data-figure="run">
                      {formatUsd(plan.training.usdRun)} ({formatCount(plan.training.steps)} steps)
                    </td>
                  </>
                ) : (
                  <>
                    <td data-label="+ training" data-figure="training">
                      not priced
                    </td>
                    <td data-label="$ / step" />
                    <td data-label="$ / run" data-figure="run">
                      ≥ {formatUsd(plan.usdRanked)} (rollouts only)
                    </td>
                  </>
                ))}
            </tr>
          ))}
        </tbody>
      </table>
      {priced.unavailable.length > 0 && (
        <details class="reality-reason">
          <summary>
            {priced.unavailable.length === 1
              ? "1 plan cannot be priced here"
              : `${priced.unavailable.length} plans cannot be priced here`}
          </summary>
          <ul>
            {priced.unavailable.map((plan) => (
              <li key={plan.id} data-unavailable={plan.id}>
                {plan.label}: {plan.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
