import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { WeightSync } from "../../core/simulation/rollout-input.js";
import { REPREFILL_CAUSES } from "../../core/simulation/rollout-ledger.js";
import { formatCount, formatHours, formatPercent, formatUsd } from "../../format/numbers.js";
import {
  type SimulatedPricing,
  SURVIVAL_CONCURRENCIES,
  SURVIVAL_DEFAULT_CONCURRENCY,
  SURVIVAL_THRESHOLD,
  SURVIVAL_TOOL_LATENCIES_SECONDS,
  simulatedRunPriced,
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
const seconds = (s: number) => (s < 3600 ? `${s.toFixed(0)} s` : `${formatHours(s / 3600)} h`);

/** The RL step modes `simulate --sync` takes, in the page's words. */
const SYNC_MODES: { value: WeightSync["mode"]; label: string }[] = [
  { value: "none", label: "rollouts only" },
  { value: "sync", label: "sync RL (each step waits for training; weights sync empties the cache)" },
  { value: "async", label: "async RL (generation runs one step ahead)" },
];

/** Episodes per RL step, as shares of the scenario's episodes. */
const STEP_SHARES = [1, 2, 4, 10] as const;
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
  const [syncMode, setSyncMode] = useState<WeightSync["mode"]>("none");
  const [stepShare, setStepShare] = useState<number>(4);
  const episodes = input.workload.episodes;
  const perStep = Math.max(1, Math.ceil(episodes / stepShare));
  const weightSync: WeightSync =
    syncMode === "none"
      ? { mode: "none" }
      : syncMode === "sync"
        ? { mode: "sync", episodesPerStep: perStep }
        : { mode: "async", episodesPerStep: perStep, staleSteps: 1 };
  // The trainer is the page's training inputs (blank: training takes no time and is not priced).
  const trainer = scenario.training;
  const pricing: SimulatedPricing = {
    preset: props.priced.values.preset ?? "current",
    modelId: scenario.model.id,
    passes: trainer?.passes ?? 1,
    ...(trainer?.trainTokensPerSecond !== undefined && {
      trainTokensPerSecond: trainer.trainTokensPerSecond,
    }),
  };
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
        layout: dp ? "dep" : "tp",
        concurrency,
        toolLatencySeconds: toolSeconds,
        workload: input.workload,
        weightSync,
        training: {
          passes: pricing.passes,
          ...(pricing.trainTokensPerSecond !== undefined && {
            trainTokensPerSecond: pricing.trainTokensPerSecond,
          }),
        },
      }),
    [
      scenario.model.id,
      input,
      dp,
      concurrency,
      toolSeconds,
      syncMode,
      perStep,
      pricing.passes,
      pricing.trainTokensPerSecond,
    ],
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
        <label>
          RL step{" "}
          <select
            id="survival-sync"
            value={syncMode}
            onChange={(e) => setSyncMode((e.currentTarget as HTMLSelectElement).value as WeightSync["mode"])}
          >
            {SYNC_MODES.map((m) => (
              <option key={m.value} value={m.value}>
                {m.label}
              </option>
            ))}
          </select>
        </label>
        {syncMode !== "none" && (
          <label>
            Episodes per step{" "}
            <select
              id="survival-per-step"
              value={String(stepShare)}
              onChange={(e) => setStepShare(Number((e.currentTarget as HTMLSelectElement).value))}
            >
              {STEP_SHARES.map((share) => (
                <option key={share} value={String(share)}>
                  {formatCount(Math.max(1, Math.ceil(episodes / share)))}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <p class="survival-setup">
        {scenario.model.label} on one replica of {formatCount(input.dedicated.gpus)} ×{" "}
        {input.dedicated.gpuType.replace("_", " ")}, {formatCount(input.workload.episodes)} episodes, session
        affinity,{" "}
        {syncMode === "none" ? "no weight sync" : `${syncMode} RL, ${formatCount(perStep)} episodes a step`};{" "}
        {pricing.trainTokensPerSecond === undefined
          ? "training takes no time (give Training tok/s under Training)"
          : `a trainer at ${formatCount(pricing.trainTokensPerSecond)} tok/s, ${pricing.passes} pass(es)`}
        ; as <code>rollout-cost simulate</code>.
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
        <SurvivalResult done={state.done} usdPerGpuHour={input.dedicated.usdPerGpuHour} pricing={pricing} />
      )}
    </div>
  );
}

function SurvivalResult(props: { done: Done; usdPerGpuHour: number; pricing: SimulatedPricing }) {
  const { simulation: s, sweep } = props.done;
  const figures = useMemo(
    () => survivalFigures(s, sweep, props.usdPerGpuHour),
    [s, sweep, props.usdPerGpuHour],
  );
  const run = useMemo(() => {
    try {
      return simulatedRunPriced(s, props.pricing);
    } catch (error) {
      if (error instanceof RangeError) return undefined;
      throw error;
    }
  }, [
    s,
    props.pricing.preset,
    props.pricing.modelId,
    props.pricing.passes,
    props.pricing.trainTokensPerSecond,
  ]);
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
      {run && <RlStep run={run} />}
      <p data-figure="survival-broken">
        {broken === null
          ? `The cache survives at every concurrency swept (hit ≥ ${pct(figures.threshold)} of ideal).`
          : `The cache stops surviving at ${formatCount(broken)} episodes in flight (hit below ${pct(figures.threshold)} of ideal).`}
      </p>
    </div>
  );
}

/** The RL steps in figures and the simulated run on every plan: `simulate`'s "RL steps" row and plan table. */
function RlStep(props: { run: ReturnType<typeof simulatedRunPriced> }) {
  const { rlSteps: r, priced } = props.run;
  return (
    <div class="rl-step" data-report="rl-step">
      <h4>
        The whole RL step: {formatCount(r.steps)} {r.steps === 1 ? "step" : "steps"}
      </h4>
      <dl class="figures">
        <div>
          <dt>Rollout / step</dt>
          <dd data-figure="rl-rollout">{seconds(r.meanRolloutSeconds)}</dd>
        </div>
        <div>
          <dt>Training / step</dt>
          <dd data-figure="rl-train">{seconds(r.meanTrainSeconds)}</dd>
        </div>
        <div>
          <dt>Step</dt>
          <dd data-figure="rl-step">{seconds(r.meanStepSeconds)}</dd>
        </div>
        <div>
          <dt>Slowest ÷ median episode</dt>
          <dd data-figure="rl-straggler">{r.meanStragglerRatio.toFixed(2)}</dd>
        </div>
        <div>
          <dt>Training overlapped</dt>
          <dd data-figure="rl-overlap">{seconds(r.overlappedTrainSeconds)}</dd>
        </div>
      </dl>
      <table class="plans-table stackable" data-table="rl-plans">
        <caption>
          The simulated tokens on every plan (preset {priced.scenario.preset.id}); dedicated plans at their
          own throughput, as <code>simulate</code> prices them (the simulated deployment's own bill is above)
        </caption>
        <thead>
          <tr>
            <th scope="col">Plan</th>
            <th scope="col">Rollouts $</th>
            <th scope="col">Training $</th>
            <th scope="col">Run $</th>
          </tr>
        </thead>
        <tbody>
          {[...priced.plans]
            .sort((a, b) => a.rank - b.rank)
            .map((p) => (
              <tr key={p.id} data-plan={p.id}>
                <th scope="row">{p.label}</th>
                <td data-label="Rollouts $">{formatUsd(p.usdTotal)}</td>
                <td data-label="Training $">
                  {p.training ? formatUsd(p.training.usdTraining) : "not priced"}
                </td>
                <td data-label="Run $" data-figure="run">
                  {p.training ? formatUsd(p.training.usdRun) : `≥ ${formatUsd(p.usdRanked)}`}
                </td>
              </tr>
            ))}
        </tbody>
      </table>
    </div>
  );
}
