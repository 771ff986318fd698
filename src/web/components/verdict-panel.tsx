import { formatCount, formatHours, formatUsd } from "../../format/numbers.js";
import type { VerdictPlan } from "../../scenario/verdict.js";
import type { Priced } from "../evaluate.js";
import { PAGE_PRESETS, type PagePreset } from "../state.js";

const PRESET_WORDS: Record<PagePreset, string> = {
  current: "Newest rates",
  reference: "The Fireworks page's rates",
};

function hoursText(plan: VerdictPlan): string {
  if (plan.wallClockHours === null) return "— (per token)";
  const hours = `${formatHours(plan.wallClockHours)} h`;
  const low = plan.band?.clusterHours.low;
  const high = Math.max(plan.band?.clusterHours.high ?? 0, plan.cacheBand?.clusterHours.high ?? 0);
  if (low === undefined && high === 0) return hours;
  return `${hours} (${formatHours(low ?? plan.wallClockHours)}–${formatHours(high)})`;
}

/**
 * The answer first: the cheapest plan on the chosen preset, its total, $ per episode and hours, then the
 * verdict's own sentences (runner-up, the Fireworks page's two plans, whether throughput can flip it),
 * exactly as `rollout-cost estimate` prints them.
 */
export function VerdictPanel(props: {
  priced: Priced;
  preset: PagePreset;
  onPreset: (preset: PagePreset) => void;
}) {
  const result = props.priced.verdict;
  return (
    <section class="verdict" aria-labelledby="verdict-title" data-verdict-preset={props.preset}>
      <div class="verdict-head">
        <h2 id="verdict-title">The answer</h2>
        <fieldset class="preset-switch">
          <legend class="visually-hidden">Prices</legend>
          {PAGE_PRESETS.map((preset) => (
            <label key={preset} class={preset === props.preset ? "chosen" : undefined}>
              <input
                type="radio"
                name="preset"
                value={preset}
                checked={preset === props.preset}
                onChange={() => props.onPreset(preset)}
              />
              {PRESET_WORDS[preset]}
            </label>
          ))}
        </fieldset>
      </div>
      {result.ok ? (
        <Answer result={result} />
      ) : (
        <p class="verdict-reason" role="note">
          No verdict on this preset: {result.reason}
        </p>
      )}
    </section>
  );
}

function Answer(props: { result: Extract<Priced["verdict"], { ok: true }> }) {
  const { verdict, priced } = props.result;
  const { cheapest } = verdict;
  const label = priced.plans.find((p) => p.id === cheapest.id)?.label ?? cheapest.label;
  const episodes = formatCount(priced.scenario.workload.episodes);
  const totalWords = verdict.scope === "run" ? "the run, training included" : `${episodes} episodes`;
  return (
    <>
      <p class="verdict-cheapest">
        Cheapest: <strong data-verdict="cheapest">{label}</strong>
        <span class="verdict-basis">
          {" "}
          (preset {verdict.preset}, {verdict.throughput} throughput)
        </span>
      </p>
      <dl class="figures verdict-figures">
        <div>
          <dt>$ for {totalWords}</dt>
          <dd data-verdict="total">{formatUsd(cheapest.usdTotal)}</dd>
        </div>
        <div>
          <dt>$ / episode</dt>
          <dd data-verdict="per-episode">{formatUsd(cheapest.usdPerEpisode)}</dd>
        </div>
        <div>
          <dt>Cluster-hours</dt>
          <dd data-verdict="hours">{hoursText(cheapest)}</dd>
        </div>
      </dl>
      <ul class="verdict-lines">
        {verdict.lines.slice(1).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </>
  );
}
