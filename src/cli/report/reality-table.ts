import { formatUsdDelta as delta, formatUsd } from "../../format/numbers.js";
import type { RealityRow } from "../../scenario/reality-check.js";
import { tableText } from "../table-text.js";

/** The reality check as a table: each departure from the page, both plans' totals and the $ change. */
export function realityTable(rows: RealityRow[]): string {
  const lines = [
    tableText(
      ["the Fireworks page's scenario, with", "Tinker", "Δ", "Dedicated", "Δ"],
      rows.map((r) => [
        r.label,
        r.tinkerUsdTotal === null ? "—" : formatUsd(r.tinkerUsdTotal),
        delta(r.tinkerDeltaUsd),
        r.dedicatedUsdTotal === null ? "—" : formatUsd(r.dedicatedUsdTotal),
        delta(r.dedicatedDeltaUsd),
      ]),
      ["left", "right", "right", "right", "right"],
    ),
  ];
  for (const r of rows.slice(1)) {
    lines.push(`  ${r.label}: ${r.change}${r.note ? `; ${r.note}` : ""}`);
  }
  return lines.join("\n");
}
