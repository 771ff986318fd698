import { useEffect, useMemo, useState } from "preact/hooks";
import type { ContextPolicy } from "../../core/context-policy.js";
import { formatUsd, formatUsdDelta } from "../../format/numbers.js";
import { type RealityRow, realityCheckFor } from "../../scenario/reality-check.js";
import { resolveScenario } from "../../scenario/resolve.js";
import type { Priced } from "../evaluate.js";

const POLICIES: { value: Exclude<ContextPolicy, "ignore">; label: string }[] = [
  { value: "stop", label: "stop at the last turn that fits" },
  { value: "drop-oldest", label: "drop the oldest turns (re-prefilled uncached)" },
  { value: "refuse", label: "refuse the episode" },
];

const deltaText = formatUsdDelta;

function usdText(usd: number | null): string {
  return usd === null || !Number.isFinite(usd) ? "—" : formatUsd(usd);
}

/** The page's scenario with each of its assumptions relaxed in turn, and what each does to both bills. */
export function RealityCheck(props: { priced: Priced }) {
  const [policy, setPolicy] = useState<Exclude<ContextPolicy, "ignore">>("stop");
  const values = props.priced.values;
  // The same call as `compare --context-policy <policy>` makes for its reality check.
  const withPolicy = useMemo(() => ({ ...values, contextPolicy: policy }), [values, policy]);
  const check = useMemo(() => realityCheckFor(resolveScenario(withPolicy)), [withPolicy]);
  return (
    <section class="reality" aria-labelledby="reality-title">
      <h3 id="reality-title">Reality check: the Fireworks page's assumptions, one at a time</h3>
      <p class="reality-policy">
        <label for="reality-policy">When an episode outgrows the context window:</label>{" "}
        <select
          id="reality-policy"
          value={policy}
          onChange={(e) => setPolicy((e.currentTarget as HTMLSelectElement).value as typeof policy)}
        >
          {POLICIES.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
        </select>
      </p>
      {check.ok ? (
        <div class="table-scroll">
          <table class="reality-table">
            <thead>
              <tr>
                <th scope="col">The Fireworks page's scenario, with</th>
                <th scope="col">Tinker</th>
                <th scope="col">Δ</th>
                <th scope="col">Dedicated</th>
                <th scope="col">Δ</th>
              </tr>
            </thead>
            <tbody>
              {check.rows.map((r) => (
                <RowView key={r.id} row={r} />
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="reality-reason">{check.reason}</p>
      )}
      {values.throughput === "derived" && <ThroughputRows values={withPolicy} />}
    </section>
  );
}

/**
 * The rows `compare --throughput derived` adds (derived vs saturated throughput, every episode in flight
 * past the replica's KV): they simulate the replica, tens of milliseconds to a fraction of a second, so
 * they are worked out when asked for and after the page has repainted, not on every keystroke's frame.
 */
function ThroughputRows(props: { values: Priced["values"] }) {
  const [open, setOpen] = useState(false);
  const [rows, setRows] = useState<RealityRow[] | undefined>(undefined);
  const { values } = props;
  useEffect(() => {
    if (!open) return;
    setRows(undefined);
    const timer = setTimeout(() => {
      const check = realityCheckFor(resolveScenario(values), undefined, { throughputRows: true });
      setRows(check.ok ? check.rows.filter((r) => THROUGHPUT_ROWS.includes(r.id)) : []);
    }, 50);
    return () => clearTimeout(timer);
  }, [open, values]);
  return (
    <details
      class="reality-throughput"
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>Derived vs saturated throughput, and every episode in flight (simulated)</summary>
      {open && rows === undefined && <p role="status">Simulating the replica…</p>}
      {rows && (
        <table class="reality-table" data-table="reality-throughput">
          <tbody>
            {rows.map((r) => (
              <RowView key={r.id} row={r} />
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}

const THROUGHPUT_ROWS: readonly RealityRow["id"][] = ["derived-throughput", "cache-survival"];

/** One departure: what changes (none for the page's own row), and both bills with their change. */
function RowView(props: { row: RealityRow }) {
  const r = props.row;
  return (
    <tr data-row={r.id}>
      <th scope="row">
        {r.label}
        {r.id !== "page" && (
          <span class="reality-change">
            {r.change}
            {r.note ? `; ${r.note}` : ""}
          </span>
        )}
      </th>
      <td data-figure="tinker">{usdText(r.tinkerUsdTotal)}</td>
      <td data-figure="tinker-delta">{deltaText(r.tinkerDeltaUsd)}</td>
      <td data-figure="dedicated">{usdText(r.dedicatedUsdTotal)}</td>
      <td data-figure="dedicated-delta">{deltaText(r.dedicatedDeltaUsd)}</td>
    </tr>
  );
}
