import type { RealityRow } from "../../core/reality-check.js";
import { formatUsd } from "../../format/numbers.js";
import { tableText } from "../output.js";

function delta(usd: number | null): string {
  if (usd === null) return "—";
  if (Math.abs(usd) < 0.005) return "±$0.00";
  return `${usd > 0 ? "+" : "−"}${formatUsd(Math.abs(usd))}`;
}

/** The reality check as a table: each departure from the page, both plans' totals and the $ change. */
export function realityTable(rows: RealityRow[]): string {
  const lines = [
    tableText(
      ["the page's scenario, with", "Tinker", "Δ", "Dedicated", "Δ"],
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
