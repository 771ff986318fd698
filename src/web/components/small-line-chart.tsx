import * as Plot from "@observablehq/plot";
import { useLayoutEffect, useRef } from "preact/hooks";

/** One point of a small line chart; `series` names the line (legend when there are two). */
export interface LinePoint {
  x: number;
  y: number;
  series: string;
}

/**
 * A small Plot line chart with named axes: solid lines per series, an optional dashed horizontal
 * reference (`dashedY`, e.g. the ideal hit) and an optional marked x (`markX`, e.g. the first broken
 * concurrency). Labels are 11 px; the chart follows its box's width.
 */
export function SmallLineChart(props: {
  points: readonly LinePoint[];
  xLabel: string;
  yLabel: string;
  ariaLabel: string;
  caption: string;
  xLog?: boolean;
  yPercent?: boolean;
  tickX?: (n: number) => string;
  xTicks?: readonly number[];
  tickY?: (n: number) => string;
  dashed?: { y: number; label: string };
  markX?: { x: number; label: string };
  className?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const data = props.points.filter((d) => Number.isFinite(d.x) && Number.isFinite(d.y));
    const series = [...new Set(data.map((d) => d.series))];
    const colours = ["var(--dedicated)", "var(--tinker)"];
    const marks: Plot.Markish[] = [
      Plot.lineY(data, { x: "x", y: "y", stroke: "series", strokeWidth: 2 }),
      Plot.dot(data, { x: "x", y: "y", fill: "series", r: 2.5 }),
    ];
    if (props.dashed) {
      marks.push(Plot.ruleY([props.dashed.y], { stroke: "currentColor", strokeDasharray: "5,4" }));
      marks.push(
        Plot.text([props.dashed], {
          y: "y",
          frameAnchor: "right",
          text: "label",
          dy: -7,
          fill: "currentColor",
          fontSize: 11,
        }),
      );
    }
    if (props.markX) {
      marks.push(Plot.ruleX([props.markX.x], { stroke: "var(--tinker)", strokeDasharray: "3,3" }));
      marks.push(
        Plot.text([props.markX], {
          x: "x",
          frameAnchor: "top",
          text: "label",
          dy: 4,
          dx: 4,
          textAnchor: "start",
          fill: "currentColor",
          fontSize: 11,
        }),
      );
    }
    const chart = Plot.plot({
      width: Math.max(240, element.clientWidth || 300),
      height: 180,
      marginLeft: 56,
      marginBottom: 36,
      style: { background: "transparent", fontSize: "11px" },
      ariaLabel: props.ariaLabel,
      x: {
        ...(props.xLog && { type: "log" as const }),
        inset: 10,
        label: props.xLabel,
        labelAnchor: "center",
        labelArrow: "none",
        ...(props.tickX && { tickFormat: props.tickX }),
        ...(props.xTicks && { ticks: [...props.xTicks] }),
      },
      y: {
        label: props.yLabel,
        labelArrow: "none",
        grid: true,
        ...(props.yPercent && { domain: [0, 1] }),
        ...(props.tickY && { tickFormat: props.tickY }),
      },
      color: { legend: series.length > 1, domain: series, range: colours.slice(0, series.length) },
      marks,
    });
    element.replaceChildren(chart);
  }, [props]);
  return (
    <figure class={`small-chart ${props.className ?? ""}`}>
      <figcaption>{props.caption}</figcaption>
      <div ref={box} class="small-chart-box" />
    </figure>
  );
}
