import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { Workload } from "../../core/episode-shape.js";
import { formatCount, formatHours, formatPercent, formatUsd } from "../../format/numbers.js";
import type { LogAnalysis } from "../../logs/log-analysis.js";
import { priceObservedLog } from "../../scenario/price-log.js";
import type { AnalyzeResponse } from "../workers/analyze-worker.js";
import { PrefixDivergenceView } from "./prefix-divergence.js";

type Done = Extract<AnalyzeResponse, { type: "done" }>;
type Status =
  | { kind: "idle" }
  | { kind: "reading"; name: string; bytes: number; totalBytes: number | undefined; lines: number }
  | { kind: "done"; name: string; analysis: LogAnalysis; fitted: Done["fitted"] }
  | { kind: "error"; name: string; message: string };

/** "malformedJson" → "malformed JSON": the analyzer's skip kinds as words. */
export function skipKindLabel(kind: string): string {
  return kind
    .replace(/([A-Z])/g, " $1")
    .toLowerCase()
    .replace("json", "JSON");
}

/**
 * Drop a rollout log (JSONL, CSV, Tinker billing; .gz too) or choose one: a Web Worker reads it with
 * the same reader as `rollout-cost analyze`, and the fitted uniform shape fills the scenario inputs.
 */
export function LogDrop(props: {
  contextWindowTokens: number | undefined;
  /** The preset the page's switch chose: the log is priced on its plans, as `analyze --preset` prices it. */
  preset: string;
  /** The fitted shape, and the catalog model the log names (when it names one the catalog knows). */
  onFitted: (w: Workload, modelId: string | undefined) => void;
}) {
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const [over, setOver] = useState(false);
  const worker = useRef<Worker | undefined>(undefined);
  useEffect(() => () => worker.current?.terminate(), []);

  const analyse = (file: File) => {
    worker.current?.terminate();
    const w = new Worker(new URL("../workers/analyze-worker.ts", import.meta.url), { type: "module" });
    worker.current = w;
    const name = file.name;
    setStatus({ kind: "reading", name, bytes: 0, totalBytes: file.size, lines: 0 });
    w.onmessage = (event: MessageEvent<AnalyzeResponse>) => {
      const m = event.data;
      if (m.type === "progress") {
        setStatus({ kind: "reading", name, bytes: m.bytes, totalBytes: m.totalBytes, lines: m.lines });
        return;
      }
      w.terminate();
      if (worker.current === w) worker.current = undefined;
      if (m.type === "error") setStatus({ kind: "error", name, message: m.message });
      else {
        setStatus({ kind: "done", name, analysis: m.analysis, fitted: m.fitted });
        if (m.fitted) {
          const priced = priceObservedLog(m.analysis, {});
          props.onFitted(
            m.fitted.workload,
            priced.ok && priced.modelSource === "log" ? priced.priced.scenario.model.id : undefined,
          );
        }
      }
    };
    w.onerror = (event) => {
      w.terminate();
      setStatus({ kind: "error", name, message: event.message || "the worker could not start" });
    };
    w.postMessage({
      type: "analyze",
      file,
      options:
        props.contextWindowTokens === undefined ? {} : { contextWindowTokens: props.contextWindowTokens },
    });
  };

  return (
    <section class="log-drop" aria-labelledby="log-drop-title">
      <h3 id="log-drop-title">Analyse a log</h3>
      <fieldset
        aria-labelledby="log-drop-title"
        class={over ? "drop-zone drop-zone--over" : "drop-zone"}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          const file = e.dataTransfer?.files[0];
          if (file) analyse(file);
        }}
      >
        <label for="log-file">
          Drop a rollout log here (JSONL, CSV or Tinker billing; .gz too), or choose one. It is read in your
          browser; the measured shape fills the inputs above.
        </label>
        <input
          id="log-file"
          type="file"
          accept=".jsonl,.json,.csv,.gz,.txt,.log"
          onChange={(e) => {
            const input = e.currentTarget as HTMLInputElement;
            const file = input.files?.[0];
            if (file) analyse(file);
          }}
        />
      </fieldset>
      <LogStatus status={status} preset={props.preset} />
    </section>
  );
}

function LogStatus(props: { status: Status; preset: string }) {
  const s = props.status;
  if (s.kind === "idle") return null;
  if (s.kind === "error")
    return (
      <p class="log-report log-error" role="alert">
        Could not analyse {s.name}: {s.message}
      </p>
    );
  if (s.kind === "reading") {
    const total = s.totalBytes && s.totalBytes > 0 ? s.totalBytes : undefined;
    return (
      <p class="log-report" role="status">
        Reading {s.name}: {formatCount(s.bytes)}
        {total === undefined ? "" : ` of ${formatCount(total)}`} bytes, {formatCount(s.lines)} lines{" "}
        {total !== undefined && (
          <progress max={total} value={Math.min(s.bytes, total)} aria-label="Reading" />
        )}
      </p>
    );
  }
  const a = s.analysis;
  const skipped = Object.entries(a.skipped).filter(([, n]) => n > 0);
  const warnings = [...(s.fitted?.warnings ?? []), ...a.warnings];
  return (
    <div class="log-report" role="status" data-report="log">
      <p>
        <strong>{s.name}</strong>:{" "}
        {s.fitted
          ? "its fitted shape now fills the inputs."
          : "no uniform shape could be fitted, so the inputs are unchanged."}
      </p>
      <dl>
        <dt>Requests</dt>
        <dd data-figure="requests">{formatCount(a.requests)}</dd>
        <dt>Episodes</dt>
        <dd data-figure="episodes">{formatCount(a.episodes)}</dd>
        <dt>Lines skipped</dt>
        <dd data-figure="skipped">
          {formatCount(a.skippedTotal)}
          {skipped.length > 0 &&
            ` (${skipped.map(([k, n]) => `${skipKindLabel(k)} ${formatCount(n)}`).join(", ")})`}
        </dd>
        {a.requests > 0 && (
          <>
            <dt>Cache hit, measured</dt>
            <dd data-figure="measured-hit">{formatPercent(a.cacheHitPercent)}</dd>
            <dt>Cache hit, ideal</dt>
            <dd data-figure="ideal-hit">
              {a.idealCacheHitPercent === null
                ? "not known (no request order)"
                : formatPercent(a.idealCacheHitPercent)}
            </dd>
          </>
        )}
      </dl>
      <LogPrices analysis={a} preset={props.preset} />
      <PrefixDivergenceView analysis={a} />
      {warnings.length > 0 && (
        <ul class="warnings">
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * The log's own tokens (not the fitted shape) priced on every plan, as `rollout-cost analyze --json`
 * prices them: on the model the log names when the catalog knows it.
 */
function LogPrices(props: { analysis: LogAnalysis; preset: string }) {
  const priced = useMemo(
    () => priceObservedLog(props.analysis, { preset: props.preset }),
    [props.analysis, props.preset],
  );
  if (!priced.ok) return <p class="log-prices-reason">Not priced: {priced.reason}</p>;
  return (
    <div class="table-scroll">
      <table class="plans-table" data-table="log-prices">
        <caption>
          What these requests cost as logged ({priced.priced.scenario.model.label}, preset{" "}
          {priced.priced.scenario.preset.id}
          {priced.modelSource === "log" ? ", the model the log names" : ""})
        </caption>
        <thead>
          <tr>
            <th scope="col">Plan</th>
            <th scope="col">Total</th>
            <th scope="col">$ / episode</th>
            <th scope="col">Cluster-hours</th>
          </tr>
        </thead>
        <tbody>
          {priced.priced.plans.map((plan) => (
            <tr key={plan.id} data-plan={plan.id}>
              <th scope="row">{plan.label}</th>
              <td data-figure="total">{formatUsd(plan.usdTotal)}</td>
              <td>{formatUsd(plan.usdPerEpisode)}</td>
              <td>{plan.clusterHours === undefined ? "" : formatHours(plan.clusterHours)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
