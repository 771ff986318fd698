import { formatUsdDelta as delta, formatUsd } from "../../format/numbers.js";
import type { RealityRow } from "../../scenario/reality-check.js";
import { tableText } from "../table-text.js";
import { wrapWords } from "./terminal-width.js";

/** The reality check as a table: each departure from the page, both plans' totals and the $ change; notes wrapped to `width`. */
export function realityTable(rows: RealityRow[], width = 100): string {
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
    lines.push(...wrapWords(`${r.label}: ${r.change}${r.note ? `; ${r.note}` : ""}`, width, "  ", "    "));
  }
  return lines.join("\n");
}
