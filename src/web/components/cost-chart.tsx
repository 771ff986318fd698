import * as Plot from "@observablehq/plot";
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "preact/hooks";
import { formatCount, formatUsd } from "../../format/numbers.js";
import type { Priced } from "../evaluate.js";
import { costSweep } from "../sweep.js";

const PLANS = ["Tinker", "Dedicated"];
// Mid-tone colours that keep their contrast on both the light and the dark background.
const COLORS = ["#e8590c", "#1c7ed6"];

/** Total cost against turns per episode for both sides, the chosen turn count, crossings and the window. */
export function CostChart(props: { priced: Priced }) {
  const { input, scenario } = props.priced;
  const turns = input.workload.shape.turns;
  const maxTurns = Math.max(40, turns);
  const sweep = useMemo(() => costSweep(scenario, maxTurns), [scenario, maxTurns]);
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  const [logWanted, setLogWanted] = useState(false);
  // A log axis shows both sides' growth when one dwarfs the other; it needs every total above zero.
  const logPossible = sweep.points.every((p) => p.tinkerUsd > 0 && p.dedicatedUsd > 0);
  const log = logWanted && logPossible;
  const caption = chartCaption(props.priced, sweep, maxTurns);

  // A layout effect, so the chart is redrawn in the same frame as the cards, not one frame later.
  useLayoutEffect(() => {
    const element = box.current;
    if (!element || width === 0) return;
    const data = sweep.points.flatMap((p) => [
      { turns: p.turns, usd: p.tinkerUsd, plan: "Tinker" },
      { turns: p.turns, usd: p.dedicatedUsd, plan: "Dedicated" },
    ]);
    const chosen = data.filter((d) => d.turns === turns);
    const fits = sweep.lastTurnThatFits;
    const windowK = `${formatCount(scenario.windowTokens / 1000)}K`;
    const crossings = sweep.crossing ? [sweep.crossing] : [];
    const chart = Plot.plot({
      width,
      height: Math.round(Math.min(360, Math.max(240, width * 0.5))),
      marginLeft: 64,
      marginRight: 16,
      style: { background: "transparent", fontSize: "12px" },
      ariaLabel: "Total cost against turns per episode",
      ariaDescription: caption,
      x: { label: "Turns per episode", domain: [1, maxTurns], nice: false },
      y: {
        label: `Total for ${formatCount(input.workload.episodes)} episodes`,
        grid: true,
        tickFormat: (usd: number) => (usd === 0 ? "$0" : formatUsd(usd)),
        ...(log ? { type: "log" as const } : { zero: true }),
      },
      color: { domain: PLANS, range: COLORS },
      marks: [
        fits !== undefined
          ? Plot.rectX([{ x1: fits + 0.5, x2: maxTurns }], {
              x1: "x1",
              x2: "x2",
              fill: "currentColor",
              fillOpacity: 0.07,
            })
          : null,
        fits !== undefined ? Plot.ruleX([fits + 0.5], { strokeDasharray: "4,3", strokeOpacity: 0.7 }) : null,
        fits !== undefined
          ? Plot.text([fits + 0.5], {
              x: (d: number) => d,
              frameAnchor: "top",
              textAnchor: "start",
              dx: 4,
              dy: 4,
              text: () => `past the ${windowK} window`,
            })
          : null,
        log ? null : Plot.ruleY([0]),
        Plot.ruleX([turns], { strokeOpacity: 0.18, strokeWidth: 8 }),
        Plot.lineY(data, { x: "turns", y: "usd", stroke: "plan", strokeWidth: 2.5 }),
        Plot.dot(chosen, { x: "turns", y: "usd", fill: "plan", r: 4 }),
        Plot.dot(crossings, {
          x: "turns",
          y: "usd",
          r: 6,
          stroke: "currentColor",
          strokeWidth: 2,
          fill: "none",
        }),
        Plot.text(crossings, {
          x: "turns",
          y: "usd",
          text: (c: { turns: number }) => `at par ≈ ${c.turns.toFixed(1)} turns`,
          dy: -14,
          fontWeight: "bold",
          className: "crossing-label",
        }),
        Plot.tip(
          data,
          Plot.pointerX({
            x: "turns",
            y: "usd",
            stroke: "plan",
            channels: { plan: "plan" },
            format: { x: true, y: (v: number) => formatUsd(v), stroke: false, plan: true },
          }),
        ),
      ],
    });
    element.replaceChildren(chart);
  }, [sweep, width, turns, maxTurns, input, caption, log]);

  return (
    <figure class="chart">
      <figcaption>
        <span class="legend" aria-hidden="true">
          <span class="swatch swatch--tinker" /> Tinker <span class="swatch swatch--dedicated" /> Dedicated
        </span>
        <span class="chart-caption">{caption}</span>
        <label class="chart-option">
          <input
            type="checkbox"
            checked={log}
            disabled={!logPossible}
            onChange={(event) => setLogWanted(event.currentTarget.checked)}
          />{" "}
          Logarithmic cost axis{logPossible ? "" : " (needs every total above $0)"}
        </label>
      </figcaption>
      <div class="chart-box" ref={box} data-model={scenario.model.id} />
    </figure>
  );
}

function chartCaption(priced: Priced, sweep: ReturnType<typeof costSweep>, maxTurns: number): string {
  const { input, scenario } = priced;
  const parts = [
    `Total cost of ${formatCount(input.workload.episodes)} episodes at 1 to ${maxTurns} turns per episode, other inputs held; the band marks the chosen ${input.workload.shape.turns}.`,
  ];
  const first = sweep.points[0];
  if (!sweep.crossing && first) {
    parts.push(
      first.dedicatedUsd < first.tinkerUsd
        ? "Dedicated is cheaper at every turn count shown."
        : "Tinker is cheaper at every turn count shown.",
    );
  }
  if (sweep.crossing) {
    const c = sweep.crossing;
    parts.push(`The two cost the same at about ${c.turns.toFixed(1)} turns (${formatUsd(c.usd)}).`);
  }
  const fits = sweep.lastTurnThatFits;
  if (fits !== undefined) {
    parts.push(
      fits === 0
        ? `Not even one turn fits ${scenario.model.label}'s context window.`
        : `Past ${fits} turns an episode no longer fits ${scenario.model.label}'s context window (shaded).`,
    );
  }
  return parts.join(" ");
}

function useWidth(ref: { current: HTMLElement | null }): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(Math.floor(element.clientWidth));
    const observer = new ResizeObserver((entries) => {
      const w = Math.floor(entries[0]?.contentRect.width ?? 0);
      setWidth((old) => (Math.abs(old - w) >= 1 ? w : old));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
