import { formatCount, formatHours, formatUsd } from "../../format/numbers.js";
import { vsTinkerLabel } from "../../format/vs-tinker.js";
import type { Priced } from "../evaluate.js";
import { dedicatedTitle } from "../export.js";

interface Card {
  key: "tinker" | "dedicated";
  title: string;
  subtitle: string;
  usdPerEpisode: number;
  usdTotal: number;
  vsTinker: string;
  warnings: string[];
}

/** One card per way of buying compute: $ per episode, $ for all episodes, and the comparison. */
export function PlanCards(props: { priced: Priced }) {
  const { estimate, input } = props.priced;
  const { tinker, dedicated } = estimate.plans;
  const episodes = formatCount(input.workload.episodes);
  // Warnings about the episode sit with the token math (EpisodeWarnings); the rest concern the cluster.
  const cluster = estimate.warnings.filter((w) => !isEpisodeWarning(w));
  const cards: Card[] = [
    {
      key: "tinker",
      title: "Tinker",
      subtitle: `as the Fireworks page prices it: $${props.priced.input.perToken.usdPerMillionPrefill}/1M prefill, $${props.priced.input.perToken.usdPerMillionSample}/1M sampled, no cross-turn cache (every turn re-prefills the whole history)`,
      usdPerEpisode: tinker.usdPerEpisode,
      usdTotal: tinker.usdTotal,
      vsTinker: "1×",
      warnings: [],
    },
    {
      key: "dedicated",
      title: "Fireworks Dedicated",
      subtitle: `${dedicatedTitle(props.priced)} · ≈ ${formatHours(dedicated.clusterHours)} cluster-hours at the chosen throughput`,
      usdPerEpisode: dedicated.usdPerEpisode,
      usdTotal: dedicated.usdTotal,
      vsTinker: vsTinkerLabel(props.priced.estimate),
      warnings: cluster,
    },
  ];
  return (
    <div class={cards.some((c) => c.warnings.length > 0) ? "cards cards--warned" : "cards"}>
      {cards.map((card) => (
        <section
          key={card.key}
          class={`card card--${card.key}`}
          aria-labelledby={`card-${card.key}-title`}
          data-plan={card.key}
        >
          <h3 id={`card-${card.key}-title`}>
            <span class="swatch" aria-hidden="true" />
            {card.title}
          </h3>
          <p class="card-subtitle">{card.subtitle}</p>
          <dl class="figures">
            <div>
              <dt>$ / episode</dt>
              <dd data-figure="per-episode">{formatUsd(card.usdPerEpisode)}</dd>
            </div>
            <div>
              <dt>$ / {episodes} ep</dt>
              <dd data-figure="total">{formatUsd(card.usdTotal)}</dd>
            </div>
            <div>
              <dt>vs. Tinker</dt>
              <dd data-figure="vs" class={vsClass(card)}>
                {card.vsTinker}
              </dd>
            </div>
          </dl>
          {card.warnings.length > 0 && (
            <ul class="warnings" aria-label="Warnings">
              {card.warnings.map((w) => (
                <li key={w}>{sentence(w)}</li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}

function vsClass(card: Card): string {
  if (card.key === "tinker") return "vs vs--base";
  if (card.vsTinker.endsWith("cheaper")) return "vs vs--better";
  if (card.vsTinker.endsWith("more")) return "vs vs--worse";
  return "vs";
}

/** True for the engine's warnings about the episode itself (its context), not about a plan. */
export function isEpisodeWarning(warning: string): boolean {
  return warning.startsWith("context window");
}

/** Engine warnings are lower-case clauses ("context window: ..."); on the page they read as sentences. */
export function sentence(warning: string): string {
  const text = warning.charAt(0).toUpperCase() + warning.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
