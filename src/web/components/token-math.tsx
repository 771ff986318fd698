import { formatCount, formatPercent } from "../../format/numbers.js";
import type { Priced } from "../evaluate.js";

/** The per-episode token arithmetic behind both bills, with the cache hit. */
export function TokenMath(props: { priced: Priced }) {
  const t = props.priced.estimate.tokens;
  return (
    <p class="token-math">
      <strong>Per-episode token math:</strong> {formatCount(t.promptSummedPerEpisode)} prompt tokens summed
      over the turns (Tinker bills every one as prefill); {formatCount(t.uniquePromptPerEpisode)} unique
      tokens prefilled on the dedicated cluster (the other {formatCount(t.cachedPromptPerEpisode)} come from
      its prefix cache); {formatCount(t.decodePerEpisode)} decode tokens. <strong>Cache hit:</strong>{" "}
      <span data-figure="cache-hit">{formatPercent(t.cacheHitPercent)}</span>
    </p>
  );
}
