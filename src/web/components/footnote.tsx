import type { Priced } from "../evaluate.js";

/** Where each rate came from and when it was read, links where the source has one. */
export function Footnote(props: { priced: Priced }) {
  const { perToken: perTokenPrice, gpuRate, dedicatedDefaults } = props.priced.sources;
  const { preset } = props.priced.scenario;
  return (
    <footer class="footnote">
      <p>
        Order-of-magnitude estimates from the <code>{preset.id}</code> preset. {perTokenPrice.provider} rates:{" "}
        <Source text={perTokenPrice.source} />
        {perTokenPrice.asOf ? `, ${dated(perTokenPrice.asOf)}` : ""}. GPU-hour rate:{" "}
        <Source text={gpuRate.source} />
        {gpuRate.asOf ? `, ${dated(gpuRate.asOf)}` : ""}. Dedicated throughput defaults:{" "}
        <Source text={dedicatedDefaults.source} />. They are saturated estimates: tune them in Advanced for
        your workload. The same figures come from <code>rollout-cost estimate</code>.
      </p>
    </footer>
  );
}

function Source(props: { text: string }) {
  const match = /https:\/\/[^\s)]+/.exec(props.text);
  if (!match) return <>{props.text}</>;
  const url = match[0];
  const before = props.text.slice(0, match.index);
  const after = props.text.slice(match.index + url.length);
  return (
    <>
      {before}
      <a href={url} rel="noreferrer">
        {url.replace(/^https:\/\//, "")}
      </a>
      {after}
    </>
  );
}

// Prices move: say how old each one is, from the reader's clock.
function dated(asOf: string): string {
  const days = Math.floor((Date.now() - Date.parse(`${asOf}T00:00:00Z`)) / 86_400_000);
  if (!Number.isFinite(days) || days < 0) return asOf;
  return `${asOf} (${days === 0 ? "today" : days === 1 ? "1 day old" : `${days} days old`})`;
}
