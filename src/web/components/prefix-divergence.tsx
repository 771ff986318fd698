import { useMemo } from "preact/hooks";
import { formatCount, formatUsd } from "../../format/numbers.js";
import type { LogAnalysis } from "../../logs/log-analysis.js";
import { pricedDivergenceForLog } from "../../scenario/divergence-for.js";

/** Dollars as formatUsd rounds them, but a non-zero amount under a cent says so rather than "$0.00". */
function usdLost(usd: number): string {
  return usd > 0 && usd < 0.01 ? "under $0.01" : formatUsd(usd);
}

const CAUSE_WORDS: Record<string, string> = {
  removedSpan: "removed span",
  insertedSpan: "inserted span",
  changedTokens: "changed tokens",
  promptShorter: "prompt shorter",
  unknown: "unknown",
};

/**
 * Where the prefix cache broke, turn by turn, for logs with token ids (as `analyze`'s "Prefix
 * divergence" section): each diverged turn's first diverging token, lost cached tokens and likely
 * cause, and what the lost cache cost on each plan.
 */
export function PrefixDivergenceView(props: { analysis: LogAnalysis }) {
  const found = useMemo(() => pricedDivergenceForLog(props.analysis), [props.analysis]);
  if (!found) return null;
  const { summary: p, priced } = found;
  const causes = Object.entries(p.causes).filter(([, n]) => n > 0);
  return (
    <section class="divergence" data-report="divergence" aria-labelledby="divergence-title">
      <h4 id="divergence-title">Prefix divergence</h4>
      <p data-figure="divergence-summary">
        {formatCount(p.turnsDiverged)} of {formatCount(p.turnsCompared)} turns compared broke the previous
        turn's prefix; {formatCount(p.lostCachedTokens)} tokens were prefilled again that the previous context
        held (lost cache), {formatCount(p.commonPrefixTokens)} reused as a prefix
        {causes.length > 0 &&
          ` (causes: ${causes.map(([k, n]) => `${CAUSE_WORDS[k] ?? k} ${formatCount(n)}`).join(", ")})`}
        .
      </p>
      {p.examples.length > 0 && (
        <>
          <p class="divergence-caption">
            The first diverged turns
            {p.turnsDiverged > p.examples.length ? ` (of ${formatCount(p.turnsDiverged)})` : ""}:
          </p>
          <ol class="divergence-turns" data-list="divergence">
            {p.examples.map((e) => (
              <li key={`${e.episode}/${e.turn}`} data-episode={e.episode} data-turn={String(e.turn)}>
                <strong>
                  {e.episode.slice(0, 40)}, turn {formatCount(e.turn)}
                </strong>
                : diverges at token{" "}
                <span data-figure="diverges-at">
                  {e.firstDivergenceAt === null ? "—" : formatCount(e.firstDivergenceAt)}
                </span>
                , <span data-figure="lost">{formatCount(e.lostCachedTokens)}</span> cached tokens lost. Likely
                cause: <span data-figure="cause">{e.description}</span>.
              </li>
            ))}
          </ol>
        </>
      )}
      {priced.length > 0 && (
        <ul class="divergence-priced">
          {priced.map((c) => (
            <li key={c.id} data-plan={c.id}>
              {c.label}: the lost cache cost <span data-figure="usd-lost">{usdLost(c.usdLost)}</span> (
              {formatCount(c.lostCachedTokens)} tokens)
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
