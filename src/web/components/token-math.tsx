import { formatCount, formatPercent } from "../../format/numbers.js";
import type { Priced } from "../evaluate.js";
import { isEpisodeWarning, sentence } from "./plan-cards.js";

/** The per-episode token arithmetic behind both bills, with the cache hit and the episode's warnings. */
export function TokenMath(props: { priced: Priced }) {
  const t = props.priced.estimate.tokens;
  const warnings = props.priced.estimate.warnings.filter(isEpisodeWarning);
  return (
    <>
      <p class="token-math">
        <strong>Per-episode token math:</strong> {formatCount(t.promptSummedPerEpisode)} prompt tokens summed
        over the turns (Tinker bills every one as prefill); {formatCount(t.uniquePromptPerEpisode)} unique
        tokens prefilled on the dedicated cluster (the other {formatCount(t.cachedPromptPerEpisode)} come from
        its prefix cache); {formatCount(t.decodePerEpisode)} decode tokens. <strong>Cache hit:</strong>{" "}
        <span data-figure="cache-hit">{formatPercent(t.cacheHitPercent)}</span>
      </p>
      {warnings.length > 0 && (
        <ul class="warnings episode-warnings" aria-label="Warnings about the episode">
          {warnings.map((w) => (
            <li key={w}>{sentence(w)}</li>
          ))}
        </ul>
      )}
    </>
  );
}
