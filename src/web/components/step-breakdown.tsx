import * as Plot from "@observablehq/plot";
import { useLayoutEffect, useMemo, useRef, useState } from "preact/hooks";
import { LAYOUT_IDS, type LayoutId } from "../../catalog/layouts.js";
import { WEIGHT_FORMAT_IDS, type WeightFormatId } from "../../catalog/weight-formats.js";
import { formatCount, formatPercent } from "../../format/numbers.js";
import {
  BREAKDOWN_BATCHES,
  bandedFigure,
  type StepSegment,
  stepBreakdownFor,
  stepSegments,
} from "../../scenario/step-breakdown-for.js";
import type { Priced } from "../evaluate.js";
import { sentence } from "./plan-cards.js";

const PART_COLOURS = ["var(--dedicated)", "var(--tinker)", "#868e96", "#7048e8", "#2f9e44"];
const PARTS: StepSegment["part"][] = ["GEMMs", "Attention", "Host overhead", "Communication", "Floor"];
const fmt = (tps: number) => formatCount(tps);
const formatName = (id: string | undefined) => (id === undefined ? "as the checkpoint" : id.toUpperCase());

/**
 * Why the derived figure is what it is: the deployment (layout, weight and KV formats, where the default
 * comes from), each phase's step split into GEMMs, attention, overhead, communication and floor with
 * the dominant bound, and the calibration band on each tokens/s; as `rollout-cost throughput --json`.
 */
export function StepBreakdownPanel(props: { priced: Priced }) {
  const { input, scenario } = props.priced;
  const [layout, setLayout] = useState<LayoutId | "">("");
  const [experts, setExperts] = useState<WeightFormatId | "">("");
  const [batch, setBatch] = useState<number>(1);
  const result = useMemo(
    () =>
      stepBreakdownFor({
        modelId: scenario.model.id,
        gpuId: input.dedicated.gpuType,
        gpus: input.dedicated.gpus,
        contextTokens: Math.max(1, input.workload.shape.initialPromptTokens),
        batch,
        ...(layout !== "" && { layout }),
        ...(experts !== "" && { expertWeights: experts }),
      }),
    [scenario.model.id, input, batch, layout, experts],
  );
  return (
    <div class="breakdown" data-breakdown={result.ok ? "ok" : "no"}>
      <h4>Where a step's time goes</h4>
      <div class="breakdown-controls">
        <DefaultOrChoice
          id="breakdown-layout"
          label="Layout"
          value={layout}
          choices={LAYOUT_IDS}
          onChoose={(v) => setLayout(v as LayoutId | "")}
        />
        <DefaultOrChoice
          id="breakdown-experts"
          label="Expert weights"
          value={experts}
          choices={WEIGHT_FORMAT_IDS}
          onChoose={(v) => setExperts(v as WeightFormatId | "")}
        />
        <label>
          Batch{" "}
          <select
            id="breakdown-batch"
            value={String(batch)}
            onChange={(e) => setBatch(Number((e.currentTarget as HTMLSelectElement).value))}
          >
            {BREAKDOWN_BATCHES.map((b) => (
              <option key={b} value={String(b)}>
                {b}
              </option>
            ))}
          </select>
        </label>
      </div>
      {!result.ok ? (
        <p class="derived-reason">{sentence(`No breakdown: ${result.reason}`)}</p>
      ) : (
        <>
          <p class="deployment-line" data-figure="deployment">
            {result.deployment.layout.toUpperCase()} ({result.deployment.label}); weights{" "}
            {formatName(result.deployment.chosen.dense)}, experts{" "}
            {formatName(result.deployment.chosen.experts)}, KV cache {formatName(result.deployment.chosen.kv)}
            ; attention math {result.deployment.attentionMath.toUpperCase()}. Default from:{" "}
            {result.deployment.source}.
          </p>
          <dl class="figures">
            {(
              [
                ["prefill", "Prefill", result.point.prefillTokensPerSecond, result.point.prefillBound],
                ["decode", "Decode", result.point.decodeTokensPerSecond, result.point.decodeBound],
              ] as const
            ).map(([key, label, tps, bound]) => {
              const f = bandedFigure(tps, result.band);
              return (
                <div key={key}>
                  <dt>{label}</dt>
                  <dd data-figure={`breakdown-${key}`}>
                    {fmt(f.value)} tok/s, {bound}-bound
                  </dd>
                  <dd class="band" data-figure={`band-${key}`}>
                    typically {fmt(f.low)}–{fmt(f.high)}, at worst {fmt(f.worstLow)}–{fmt(f.worstHigh)}
                  </dd>
                </div>
              );
            })}
          </dl>
          <BreakdownChart
            rows={[
              { phase: "Prefill", segments: stepSegments(result.point.prefillBreakdown) },
              { phase: "Decode", segments: stepSegments(result.point.decodeBreakdown) },
            ]}
          />
          <p class="band-source">
            Band: the calibration's residuals, ×/÷ {result.band.typicalFactor} typical and ×/÷{" "}
            {result.band.worstFactor} worst over {result.band.points} published points ({result.band.asOf}).
          </p>
        </>
      )}
    </div>
  );
}

function BreakdownChart(props: { rows: { phase: string; segments: StepSegment[] }[] }) {
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const data = props.rows.flatMap((r) =>
      r.segments.filter((s) => s.share > 0).map((s) => ({ phase: r.phase, ...s })),
    );
    const chart = Plot.plot({
      width: Math.max(260, element.clientWidth || 300),
      height: 130,
      marginLeft: 60,
      marginBottom: 36,
      style: { background: "transparent", fontSize: "11px" },
      ariaLabel: "Share of prefill and decode step time by part",
      x: {
        label: "Share of the step's time",
        labelAnchor: "center",
        labelArrow: "none",
        domain: [0, 1],
        tickFormat: (n: number) => formatPercent(n * 100),
      },
      y: { label: null, domain: props.rows.map((r) => r.phase) },
      color: { legend: true, domain: PARTS, range: PART_COLOURS },
      marks: [
        Plot.barX(data, {
          y: "phase",
          x: "share",
          fill: "part",
          title: (d: StepSegment) => `${d.part}: ${d.detail}, ${formatPercent(d.share * 100)}`,
        }),
      ],
    });
    element.replaceChildren(chart);
  }, [props.rows]);
  return (
    <figure class="derived-chart">
      <figcaption>
        Each phase's step, by part (hover for what bounds it): prefill of one batch, one decode step.
      </figcaption>
      <div ref={box} class="breakdown-chart-box" />
      <ul class="breakdown-parts">
        {props.rows.map((r) => (
          <li key={r.phase} data-phase={r.phase}>
            {r.phase}:{" "}
            {r.segments
              .filter((s) => s.share > 0)
              .map((s) => `${s.part} (${s.detail}) ${formatPercent(s.share * 100)}`)
              .join(", ")}
          </li>
        ))}
      </ul>
    </figure>
  );
}

/** A labelled select of the catalog's default ("") or one of `choices`, shown in capitals. */
function DefaultOrChoice(props: {
  id: string;
  label: string;
  value: string;
  choices: readonly string[];
  onChoose: (value: string) => void;
}) {
  return (
    <label>
      {props.label}{" "}
      <select
        id={props.id}
        value={props.value}
        onChange={(e) => props.onChoose((e.currentTarget as HTMLSelectElement).value)}
      >
        <option value="">catalog default</option>
        {props.choices.map((id) => (
          <option key={id} value={id}>
            {id.toUpperCase()}
          </option>
        ))}
      </select>
    </label>
  );
}
