import * as Plot from "@observablehq/plot";
import { useLayoutEffect, useMemo, useRef } from "preact/hooks";
import { formatCount, formatHours, formatUsd } from "../../format/numbers.js";
import {
  derivedDedicatedForReference,
  throughputCurveForReference,
} from "../../scenario/derived-for-reference.js";
import { referenceFor } from "../../scenario/reference.js";
import { resolveScenario } from "../../scenario/resolve.js";
import type { Priced } from "../evaluate.js";
import { sentence } from "./plan-cards.js";
import { StepBreakdownPanel } from "./step-breakdown.js";

/**
 * The "derived throughput" switch: the dedicated cluster simulated turn by turn from the model's
 * architecture and the GPU's spec, beside the page's saturated constants, with a chart of prefill and
 * decode tokens/s against context. Off by default; the cards keep the page's figures either way.
 */
export function DerivedThroughput(props: { priced: Priced; onDerived: (on: boolean) => void }) {
  // The switch is the scenario's throughput: on, every card, the chart and the tables use the derived
  // figures (as `--throughput derived` does on the CLI); the figures below compare the two.
  const on = props.priced.values.throughput === "derived";
  return (
    <div class="derived">
      <label class="derived-option">
        <input
          id="derived-switch"
          type="checkbox"
          checked={on}
          onChange={(e) => props.onDerived((e.currentTarget as HTMLInputElement).checked)}
        />{" "}
        Derived throughput: simulate the cluster from the model and GPU specs
      </label>
      {on && <DerivedFigures priced={props.priced} />}
    </div>
  );
}

function DerivedFigures(props: { priced: Priced }) {
  const { scenario, values } = props.priced;
  const modelId = scenario.model.id;
  // Derived against the Fireworks page's saturated constants: the scenario without the switch.
  const input = useMemo(() => {
    const { throughput: _derived, ...saturated } = values;
    return referenceFor(resolveScenario(saturated)).input;
  }, [values]);
  const derived = useMemo(() => derivedDedicatedForReference(input, modelId), [input, modelId]);
  const curve = useMemo(() => throughputCurveForReference(input, modelId), [input, modelId]);
  return (
    <div class="derived-figures" data-derived={derived.ok ? "ok" : "no"}>
      {derived.ok ? (
        <>
          <dl class="figures">
            <div>
              <dt>Page (saturated)</dt>
              <dd data-figure="saturated">
                {formatHours(derived.comparison.saturated.clusterHours)} h ·{" "}
                {formatUsd(derived.comparison.saturated.usdTotal)}
              </dd>
            </div>
            <div>
              <dt>Derived</dt>
              <dd data-figure="derived">
                {formatHours(derived.comparison.simulated.clusterHours)} h ·{" "}
                {formatUsd(derived.comparison.simulated.usdTotal)}
              </dd>
            </div>
          </dl>
          <p>
            Derived ÷ page:{" "}
            {Number.isFinite(derived.comparison.ratio) ? derived.comparison.ratio.toFixed(2) : "—"}× ·{" "}
            {formatCount(derived.episodesInFlight)} episodes in flight · re-prefilling every turn would take{" "}
            {Number.isFinite(derived.busyReprefillToReuseRatio)
              ? derived.busyReprefillToReuseRatio.toFixed(2)
              : "—"}
            × the GPU time.
          </p>
          <ul class="derived-explanation">
            {derived.comparison.explanation.map((line) => (
              <li key={line}>{sentence(line)}</li>
            ))}
            {derived.warnings.map((w) => (
              <li key={w} class="warning">
                {sentence(w)}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p class="derived-reason">{sentence(`No derived figure: ${derived.reason}`)}</p>
      )}
      {Array.isArray(curve) ? (
        <ThroughputChart points={curve} />
      ) : (
        <p class="derived-reason">{sentence(`No throughput chart: ${curve.reason}`)}</p>
      )}
      <StepBreakdownPanel priced={props.priced} />
    </div>
  );
}

function ThroughputChart(props: {
  points: { contextTokens: number; prefillTokensPerSecond: number; decodeTokensPerSecond: number }[];
}) {
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const data = props.points
      .flatMap((p) => [
        { context: p.contextTokens, tps: p.prefillTokensPerSecond, kind: "Prefill" },
        { context: p.contextTokens, tps: p.decodeTokensPerSecond, kind: "Decode" },
      ])
      .filter((d) => Number.isFinite(d.tps) && d.tps > 0);
    const chart = Plot.plot({
      width: Math.max(260, element.clientWidth || 300),
      height: 220,
      marginLeft: 56,
      style: { background: "transparent", fontSize: "11px" },
      ariaLabel: "Prefill and decode tokens per second against context, one sequence",
      x: { type: "log", label: "Context (tokens)", tickFormat: (n: number) => `${formatCount(n / 1024)}K` },
      y: { type: "log", label: "Tokens/s (cluster)", grid: true, tickFormat: (n: number) => formatCount(n) },
      color: { legend: true, domain: ["Prefill", "Decode"], range: ["var(--tinker)", "var(--dedicated)"] },
      marks: [
        Plot.lineY(data, { x: "context", y: "tps", stroke: "kind", strokeWidth: 2 }),
        Plot.dot(data, { x: "context", y: "tps", fill: "kind", r: 3 }),
      ],
    });
    element.replaceChildren(chart);
  }, [props.points]);
  return (
    <figure class="derived-chart">
      <figcaption>
        Prefill and decode tokens/s of this cluster against context (one sequence at a time).
      </figcaption>
      <div ref={box} class="derived-chart-box" />
    </figure>
  );
}
