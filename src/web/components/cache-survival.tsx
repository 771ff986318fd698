import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { REPREFILL_CAUSES } from "../../core/simulation/rollout-ledger.js";
import { formatCount, formatHours, formatPercent, formatUsd } from "../../format/numbers.js";
import {
  SURVIVAL_CONCURRENCIES,
  SURVIVAL_DEFAULT_CONCURRENCY,
  SURVIVAL_THRESHOLD,
  SURVIVAL_TOOL_LATENCIES_SECONDS,
  simulationInputFor,
  survivalFigures,
} from "../../scenario/simulation-for.js";
import type { Priced } from "../evaluate.js";
import type { SimulateResponse } from "../workers/simulate-worker.js";
import { sentence } from "./plan-cards.js";
import { SmallLineChart } from "./small-line-chart.js";
import { TraceReplay } from "./trace-replay.js";

type Done = Extract<SimulateResponse, { type: "done" }>;
const pct = (fraction: number) => formatPercent(fraction * 100);
const CAUSE_LABELS: Record<string, string> = {
  evicted: "Evicted (cache full)",
  preempted: "Preempted (KV ran out)",
  routedAway: "Routed to another replica",
  weightSync: "Weight sync",
};

/**
 * Cache survival: the page's model on its dedicated GPUs, simulated event by event (the same input as
 * `rollout-cost simulate`) in a Web Worker, at a chosen concurrency and tool latency, with a sweep.
 */
export function CacheSurvival(props: { priced: Priced }) {
  const [open, setOpen] = useState(false);
  return (
    <details class="survival" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>Cache survival: simulate the rollout event by event</summary>
      {open && <SurvivalBody priced={props.priced} />}
      {open && <TraceReplay modelId={props.priced.scenario.model.id} />}
    </details>
  );
}

function SurvivalBody(props: { priced: Priced }) {
  const { input, scenario } = props.priced;
  const [concurrency, setConcurrency] = useState<number>(SURVIVAL_DEFAULT_CONCURRENCY);
  const [toolSeconds, setToolSeconds] = useState(0);
  const [dp, setDp] = useState(false);
  const [state, setState] = useState<
    { kind: "running" } | { kind: "error"; message: string } | { kind: "done"; done: Done }
  >({
    kind: "running",
  });
  const built = useMemo(
    () =>
      simulationInputFor({
        modelId: scenario.model.id,
        gpuId: input.dedicated.gpuType,
        gpus: input.dedicated.gpus,
        dataParallelAttention: dp,
        concurrency,
        toolLatencySeconds: toolSeconds,
        workload: input.workload,
      }),
    [scenario.model.id, input, dp, concurrency, toolSeconds],
  );
  const worker = useRef<Worker | undefined>(undefined);
  useEffect(() => {
    if (!built.ok) return;
    worker.current?.terminate();
    const w = new Worker(new URL("../workers/simulate-worker.ts", import.meta.url), { type: "module" });
    worker.current = w;
    setState({ kind: "running" });
    w.onmessage = (event: MessageEvent<SimulateResponse>) => {
      w.terminate();
      const m = event.data;
      setState(m.type === "error" ? { kind: "error", message: m.message } : { kind: "done", done: m });
    };
    w.onerror = (event) => {
      w.terminate();
      setState({ kind: "error", message: event.message || "the worker could not start" });
    };
    w.postMessage({
      type: "simulate",
      input: built.input,
      levels: SURVIVAL_CONCURRENCIES,
      threshold: SURVIVAL_THRESHOLD,
    });
    return () => w.terminate();
  }, [built]);

  return (
    <div class="survival-body">
      <div class="survival-controls">
        <label>
          Episodes in flight{" "}
          <select
            id="survival-concurrency"
            value={String(concurrency)}
            onChange={(e) => setConcurrency(Number((e.currentTarget as HTMLSelectElement).value))}
          >
            {SURVIVAL_CONCURRENCIES.map((c) => (
              <option key={c} value={String(c)}>
                {formatCount(c)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Tool latency per turn{" "}
          <select
            id="survival-tool"
            value={String(toolSeconds)}
            onChange={(e) => setToolSeconds(Number((e.currentTarget as HTMLSelectElement).value))}
          >
            {SURVIVAL_TOOL_LATENCIES_SECONDS.map((s) => (
              <option key={s} value={String(s)}>
                {s} s
              </option>
            ))}
          </select>
        </label>
        <label>
          <input
            id="survival-dp"
            type="checkbox"
            checked={dp}
            onChange={(e) => setDp((e.currentTarget as HTMLInputElement).checked)}
          />{" "}
          Data-parallel attention
        </label>
      </div>
      <p class="survival-setup">
        {scenario.model.label} on one replica of {formatCount(input.dedicated.gpus)} ×{" "}
        {input.dedicated.gpuType.replace("_", " ")}, {formatCount(input.workload.episodes)} episodes, session
        affinity, no weight sync; as <code>rollout-cost simulate</code>.
      </p>
      {!built.ok ? (
        <p class="survival-reason">{sentence(`No simulation: ${built.reason}`)}</p>
      ) : state.kind === "running" ? (
        <p class="survival-status" role="status">
          Simulating…
        </p>
      ) : state.kind === "error" ? (
        <p class="survival-reason" role="alert">
          {sentence(`No simulation: ${state.message}`)}
        </p>
      ) : (
        <SurvivalResult done={state.done} usdPerGpuHour={input.dedicated.usdPerGpuHour} />
      )}
    </div>
  );
}

function SurvivalResult(props: { done: Done; usdPerGpuHour: number }) {
  const { simulation: s, sweep } = props.done;
  const figures = useMemo(
    () => survivalFigures(s, sweep, props.usdPerGpuHour),
    [s, sweep, props.usdPerGpuHour],
  );
  const broken = figures.firstBrokenConcurrency;
  return (
    <div class="survival-result" data-survival="done">
      <dl class="figures">
        <div>
          <dt>Cache hit</dt>
          <dd data-figure="survival-hit">{pct(s.cacheHitFraction)}</dd>
        </div>
        <div>
          <dt>Ideal hit</dt>
          <dd data-figure="survival-ideal">{pct(s.idealCacheHitFraction)}</dd>
        </div>
        <div>
          <dt>Utilisation</dt>
          <dd data-figure="survival-utilisation">{pct(s.utilisationFraction)}</dd>
        </div>
        <div>
          <dt>Dedicated</dt>
          <dd data-figure="survival-usd">
            {formatHours(s.gpuHours)} GPU-h · {formatUsd(figures.dedicatedUsd)}
          </dd>
        </div>
      </dl>
      <div class="survival-charts">
        <SmallLineChart
          className="survival-hit-chart"
          points={s.timeline.map((b) => ({ x: b.startSeconds / 60, y: b.cacheHitFraction, series: "Hit" }))}
          xLabel="Time (minutes)"
          yLabel="Cache hit"
          yPercent
          tickY={pct}
          dashed={{ y: s.idealCacheHitFraction, label: `ideal ${pct(s.idealCacheHitFraction)}` }}
          ariaLabel="Prefix-cache hit over time, with the ideal hit dashed"
          caption="Prefix-cache hit over time (dashed: the ideal hit)."
        />
        <SmallLineChart
          className="survival-util-chart"
          points={s.timeline.map((b) => ({
            x: b.startSeconds / 60,
            y: b.utilisationFraction,
            series: "Busy",
          }))}
          xLabel="Time (minutes)"
          yLabel="Utilisation"
          yPercent
          tickY={pct}
          ariaLabel="Replica utilisation over time"
          caption="Share of time the replica is busy."
        />
      </div>
      <div class="table-scroll">
        <table class="plans-table" data-table="reprefill">
          <caption>Re-prefilled tokens by cause</caption>
          <tbody>
            {REPREFILL_CAUSES.map((cause) => (
              <tr key={cause} data-cause={cause}>
                <th scope="row">{CAUSE_LABELS[cause] ?? cause}</th>
                <td>{formatCount(s.reprefilledTokens[cause])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="survival-sweep">
        <SmallLineChart
          className="survival-sweep-chart"
          points={figures.points.map((p) => ({
            x: p.concurrency,
            y: p.survivalFraction,
            series: "Hit ÷ ideal",
          }))}
          xLabel="Episodes in flight"
          yLabel="Hit ÷ ideal"
          xLog
          yPercent
          xTicks={SURVIVAL_CONCURRENCIES}
          tickX={formatCount}
          tickY={pct}
          dashed={{ y: figures.threshold, label: `survives above ${pct(figures.threshold)}` }}
          {...(broken !== null && { markX: { x: broken, label: `breaks at ${formatCount(broken)}` } })}
          ariaLabel="Hit divided by the ideal hit against episodes in flight"
          caption="Sweep: hit ÷ ideal against episodes in flight."
        />
        <SmallLineChart
          className="survival-usd-chart"
          points={figures.points.map((p) => ({ x: p.concurrency, y: p.usdDedicated, series: "Dedicated $" }))}
          xLabel="Episodes in flight"
          yLabel="Dedicated ($)"
          xLog
          xTicks={SURVIVAL_CONCURRENCIES}
          tickX={formatCount}
          tickY={formatUsd}
          {...(broken !== null && { markX: { x: broken, label: `breaks at ${formatCount(broken)}` } })}
          ariaLabel="Dedicated cost against episodes in flight"
          caption="Sweep: the dedicated bill against episodes in flight."
        />
      </div>
      <p data-figure="survival-broken">
        {broken === null
          ? `The cache survives at every concurrency swept (hit ≥ ${pct(figures.threshold)} of ideal).`
          : `The cache stops surviving at ${formatCount(broken)} episodes in flight (hit below ${pct(figures.threshold)} of ideal).`}
      </p>
    </div>
  );
}
