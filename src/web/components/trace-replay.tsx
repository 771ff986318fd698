import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { formatCount, formatPercent, formatUsd } from "../../format/numbers.js";
import { REPLAY_CAPACITIES_TOKENS, replayPlansFor } from "../../scenario/replay-for.js";
import type { ReplayResponse } from "../workers/replay-worker.js";
import { SmallLineChart } from "./small-line-chart.js";

type Done = Extract<ReplayResponse, { type: "done" }>;
const pct = (fraction: number) => formatPercent(fraction * 100);
/** Every other capacity on the axis, so the labels fit at 360 px. */
const AXIS_TICKS = [256_000, 1_024_000, 2_560_000, 10_240_000];
const capacityLabel = (tokens: number) => (Number.isFinite(tokens) ? formatCount(tokens) : "unlimited");
const compact = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
/** 256000 → "256K", 2560000 → "2.56M": axis ticks. */
const tokensTick = (n: number) => (n >= 1e6 ? `${compact.format(n / 1e6)}M` : `${compact.format(n / 1e3)}K`);

/**
 * Drop a serving trace in the Mooncake format: a Web Worker replays it through one shared LRU prefix
 * cache at each capacity (as `rollout-cost replay`), and the page shows the hit against capacity and
 * what the trace's tokens cost on each plan at each, for the page's model.
 */
export function TraceReplay(props: { modelId: string }) {
  const [state, setState] = useState<
    | { kind: "idle" }
    | { kind: "reading"; name: string }
    | { kind: "error"; name: string; message: string }
    | { kind: "done"; name: string; done: Done }
  >({ kind: "idle" });
  const worker = useRef<Worker | undefined>(undefined);
  useEffect(() => () => worker.current?.terminate(), []);
  const replay = (file: File) => {
    worker.current?.terminate();
    const w = new Worker(new URL("../workers/replay-worker.ts", import.meta.url), { type: "module" });
    worker.current = w;
    const name = file.name;
    setState({ kind: "reading", name });
    w.onmessage = (event: MessageEvent<ReplayResponse>) => {
      w.terminate();
      const m = event.data;
      setState(
        m.type === "error" ? { kind: "error", name, message: m.message } : { kind: "done", name, done: m },
      );
    };
    w.onerror = (event) => {
      w.terminate();
      setState({ kind: "error", name, message: event.message || "the worker could not start" });
    };
    w.postMessage({ type: "replay", file, capacitiesTokens: REPLAY_CAPACITIES_TOKENS });
  };
  return (
    <div class="trace-replay">
      <h4>Hit against cache capacity, from a serving trace</h4>
      <label for="trace-file">
        Choose a Mooncake-format trace (.jsonl or .jsonl.gz: timestamp, input_length, output_length, hash_ids
        of 512-token blocks); it is read in your browser.
      </label>{" "}
      <input
        id="trace-file"
        type="file"
        accept=".jsonl,.json,.gz,.txt"
        onChange={(e) => {
          const file = (e.currentTarget as HTMLInputElement).files?.[0];
          if (file) replay(file);
        }}
      />
      {state.kind === "reading" && <p role="status">Replaying {state.name}…</p>}
      {state.kind === "error" && (
        <p class="log-error" role="alert">
          Could not replay {state.name}: {state.message}
        </p>
      )}
      {state.kind === "done" && <ReplayResult name={state.name} done={state.done} modelId={props.modelId} />}
    </div>
  );
}

function ReplayResult(props: { name: string; done: Done; modelId: string }) {
  const { trace, rows } = props.done;
  const priced = useMemo(() => rows.map((r) => replayPlansFor(r, props.modelId)), [rows, props.modelId]);
  const skipped = Object.entries(trace.skipped).filter(([, n]) => n > 0);
  const unlimited = rows.find((r) => !Number.isFinite(r.capacityTokens));
  const plans = priced[0] ?? [];
  return (
    <div class="replay-result" data-report="replay">
      <p>
        <strong>{props.name}</strong>: {formatCount(trace.requests)} requests from {formatCount(trace.lines)}{" "}
        lines
        {skipped.length > 0 && `, skipped ${skipped.map(([k, n]) => `${k} ${formatCount(n)}`).join(", ")}`}
        {"; one shared cache, requests priced as episodes."}
      </p>
      <SmallLineChart
        className="replay-chart"
        points={rows
          .filter((r) => Number.isFinite(r.capacityTokens))
          .map((r) => ({ x: r.capacityTokens, y: r.hitFraction, series: "Hit" }))}
        xLabel="Cache capacity (tokens)"
        yLabel="Prefix-cache hit"
        xLog
        yPercent
        tickX={tokensTick}
        xTicks={AXIS_TICKS}
        tickY={pct}
        {...(unlimited && {
          dashed: { y: unlimited.hitFraction, label: `unlimited ${pct(unlimited.hitFraction)}` },
        })}
        ariaLabel="Prefix-cache hit of the trace against cache capacity"
        caption="Hit against capacity (dashed: an unlimited cache)."
      />
      <div class="table-scroll">
        <table class="plans-table" data-table="replay">
          <thead>
            <tr>
              <th scope="col">Capacity (tokens)</th>
              <th scope="col">Hit</th>
              {plans.map((p) => (
                <th key={p.id} scope="col" title={p.label}>
                  {p.id}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr
                key={String(r.capacityTokens)}
                data-capacity={Number.isFinite(r.capacityTokens) ? String(r.capacityTokens) : "unlimited"}
              >
                <th scope="row">{capacityLabel(r.capacityTokens)}</th>
                <td data-figure="hit">{pct(r.hitFraction)}</td>
                {(priced[i] ?? []).map((p) => (
                  <td key={p.id} data-plan={p.id}>
                    {formatUsd(p.usdTotal)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
