import { plainText, terminalSafe } from "../../format/echo.js";
import { formatCount, formatHours, formatUsd } from "../../format/numbers.js";
import { ratesText } from "../../format/rates-text.js";
import type { PricedPlan, PricedScenario } from "../../scenario/price.js";
import type { RealityCheck } from "../../scenario/reality-check.js";
import { tableText } from "../table-text.js";
import { fitTable } from "./fit-table.js";
import { footnotes } from "./footnotes.js";
import { realityTable } from "./reality-table.js";
import { wrapLines, wrapWords } from "./terminal-width.js";

export interface CompareReport {
  priced: PricedScenario;
  reality: RealityCheck;
  showLedger: boolean;
  /** The verdict's words, printed first. */
  verdict?: string;
  /** Columns the table fits (default 100). */
  width?: number;
}

/** The human report of `compare`: workload, ledger sums, one row per plan, details, reality check. */
export function compareTable(report: CompareReport): string {
  const { scenario, plans, baseline } = report.priced;
  const ledger = report.priced.ledger;
  if (!ledger) throw new Error("compareTable: a priced shape has a ledger");
  const { shape, episodes } = scenario.workload;
  const lines: string[] = report.verdict ? [report.verdict] : [];
  lines.push(
    `${scenario.model.label} · preset ${scenario.preset.id} · context policy ${scenario.contextPolicy} (window ${formatCount(scenario.windowTokens)})`,
  );
  lines.push(
    `${formatCount(episodes)} episodes × ${shape.turns} turns: ${formatCount(shape.initialPromptTokens)} initial prompt, ` +
      `+${formatCount(shape.addedTokensPerTurn)} per turn, ${formatCount(shape.generatedTokensPerTurn)} generated per turn`,
  );
  lines.push(
    `Per episode: ${formatCount(ledger.promptTokens)} prompt tokens (${formatCount(ledger.cachedPromptTokens)} cached, ` +
      `${formatCount(ledger.uncachedPromptTokens)} prefilled), ${formatCount(ledger.decodeTokens)} decoded, peak context ${formatCount(ledger.peakContextTokens)}`,
  );
  if (report.showLedger) {
    lines.push("");
    lines.push(
      tableText(
        ["turn", "context before", "prompt", "cached", "uncached", "decode", "dropped turns"],
        ledger.rows.map((r) =>
          [
            r.turn,
            r.contextBeforeTokens,
            r.promptTokens,
            r.cachedPromptTokens,
            r.uncachedPromptTokens,
            r.decodeTokens,
            r.droppedTurns,
          ].map(formatCount),
        ),
        ["right", "right", "right", "right", "right", "right", "right"],
      ),
    );
  }
  const training = plans.some((p) => p.training);
  const ranked = [...plans].sort((a, b) => a.rank - b.rank);
  const rate = (p: PricedPlan) => ratesText(p.usdPerMillion);
  const head = [
    "#",
    "plan",
    "$/episode",
    `$ / ${formatCount(episodes)} ep`,
    "cluster-h",
    "$/1M in · out",
    "vs baseline",
    ...(training ? ["+ training", "$ / step", "$ / run"] : []),
  ];
  const rows = ranked.map((p) => [
    p.rank === 1 ? "1 ←" : String(p.rank),
    `${plainText(p.id, 40)}${p.warnings.length > 0 ? " (!)" : ""}`,
    formatUsd(p.usdPerEpisode),
    formatUsd(p.usdTotal),
    p.clusterHours === undefined ? "" : formatHours(p.clusterHours),
    rate(p),
    p.vsBaseline,
    ...(training
      ? p.training
        ? [
            formatUsd(p.training.usdTraining),
            formatUsd(p.training.usdStep),
            `${formatUsd(p.training.usdRun)} (${p.training.steps} steps)`,
          ]
        : ["not priced", "", `≥ ${formatUsd(p.usdRanked)} (rollouts only)`]
      : []),
  ]);
  const align: ("left" | "right")[] = ["right", "left", "right", "right", "right", "right", "right"];
  if (training) align.push("right", "right", "right");
  lines.push("");
  const fitted = fitTable({
    head,
    rows,
    align,
    droppable: [6, 2],
    descriptions: ranked.map((p) => p.label),
    width: report.width ?? 100,
  });
  lines.push(fitted.text);
  const width = report.width ?? 100;
  lines.push(
    ...wrapWords(
      `← cheapest · baseline ${plainText(baseline, 40)} · $/1M in · out: prefilled prompt · generated tokens (* a dedicated plan's GPU-hours at its throughput)`,
      width,
      "",
      "",
    ),
  );
  for (const p of ranked) {
    if (!p.band) continue;
    const { clusterHours: h, usdTotal: usd, worstFactor } = p.band;
    lines.push(
      `derived ${plainText(p.id)}: ${formatHours(h.low)}–${formatHours(h.high)} cluster-hours, ${formatUsd(usd.low)}–${formatUsd(usd.high)} (the throughput model's band, ×/÷${worstFactor})`,
    );
  }
  if (fitted.dropped.length > 0)
    lines.push(
      `(columns left out to fit ${report.width ?? 100} columns: ${fitted.dropped.join(", ")}; --json has them)`,
    );
  if (plans.some((p) => p.warnings.length > 0))
    lines.push("(!) the plan has warnings: read them below before trusting its figure");
  lines.push("");
  lines.push("Assumptions and warnings, plan by plan (sources in the list at the end):");
  // Ids, labels, sources and warnings may come from an imported price map: cut and stripped.
  const notes = footnotes();
  for (const p of ranked) {
    lines.push(`  ${plainText(p.id)}${p.tier ? ` (tier ${p.tier})` : ""}: ${plainText(p.label, 200)}`);
    for (const a of p.assumptions)
      lines.push(
        `    ${plainText(a.name)}: ${plainText(String(a.value), 400)}${a.source ? ` ${notes.ref(a.source)}` : ""}`,
      );
    for (const w of p.warnings) lines.push(`    ! ${plainText(w, 400)}`);
  }
  const { unavailable, warnings } = report.priced;
  if (unavailable.length > 0) {
    lines.push("");
    lines.push(`Not priced for ${scenario.model.id} (preset ${scenario.preset.id}):`);
    for (const u of unavailable) lines.push(`  - ${plainText(u.id)}: ${plainText(u.reason, 400)}`);
  }
  if (warnings.length > 0) {
    lines.push("");
    lines.push("Warnings:");
    for (const w of warnings) lines.push(`  ! ${plainText(w, 400)}`);
  }
  lines.push("");
  lines.push("Reality check: the Fireworks page's two plans on this scenario, one departure at a time");
  lines.push(report.reality.ok ? realityTable(report.reality.rows, width) : `  ${report.reality.reason}`);
  if (report.reality.ok && !report.reality.rows.some((r) => r.id === "derived-throughput"))
    lines.push("  (--throughput derived adds derived vs saturated throughput and every episode in flight)");
  const sources = notes.lines();
  if (sources.length > 0) {
    lines.push("");
    lines.push("Sources:");
    lines.push(...sources);
  }
  return terminalSafe(`${wrapLines(lines.join("\n").split("\n"), width).join("\n")}\n`);
}
