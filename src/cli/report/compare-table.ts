import { plainText, terminalSafe } from "../../format/echo.js";
import { formatCount, formatHours, formatUsd } from "../../format/numbers.js";
import type { PricedScenario } from "../../scenario/price.js";
import type { RealityCheck } from "../../scenario/reality-check.js";
import { tableText } from "../table-text.js";
import { realityTable } from "./reality-table.js";

export interface CompareReport {
  priced: PricedScenario;
  reality: RealityCheck;
  showLedger: boolean;
}

/** The human report of `compare`: workload, ledger sums, one row per plan, details, reality check. */
export function compareTable(report: CompareReport): string {
  const { scenario, plans, baseline } = report.priced;
  const ledger = report.priced.ledger;
  if (!ledger) throw new Error("compareTable: a priced shape has a ledger");
  const { shape, episodes } = scenario.workload;
  const lines: string[] = [];
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
  lines.push("");
  lines.push(
    tableText(
      [
        "plan",
        "$ / episode",
        `$ / ${formatCount(episodes)} ep`,
        "cluster-hours",
        "rank",
        `vs ${plainText(baseline, 40)}`,
        ...(training ? ["+ training", "$ / step", "$ / run"] : []),
      ],
      plans.map((p) => [
        `${p.id}${p.warnings.length > 0 ? " (!)" : ""}\n${p.label}`,
        formatUsd(p.usdPerEpisode),
        formatUsd(p.usdTotal),
        p.clusterHours === undefined ? "" : formatHours(p.clusterHours),
        p.rank === 1 ? "1 (cheapest)" : String(p.rank),
        p.vsBaseline,
        ...(training
          ? p.training
            ? [
                formatUsd(p.training.usdTraining),
                formatUsd(p.training.usdStep),
                `${formatUsd(p.training.usdRun)} (${p.training.steps} steps)`,
              ]
            : ["not priced", "", ""]
          : []),
      ]),
      ["left", "right", "right", "right", "right", "right", "right", "right", "right"],
    ),
  );
  if (plans.some((p) => p.warnings.length > 0))
    lines.push("(!) the plan has warnings: read them below before trusting its figure");
  lines.push("");
  lines.push("Assumptions and warnings, plan by plan:");
  // Ids, labels, sources and warnings may come from an imported price map: cut and stripped.
  for (const p of plans) {
    lines.push(`  ${plainText(p.id)}${p.tier ? ` (tier ${p.tier})` : ""}`);
    for (const a of p.assumptions)
      lines.push(
        `    ${plainText(a.name)}: ${plainText(String(a.value), 400)}${a.source ? ` [${plainText(a.source, 400)}]` : ""}`,
      );
    for (const w of p.warnings) lines.push(`    ! ${plainText(w, 400)}`);
  }
  const { unavailable, warnings } = report.priced;
  if (unavailable.length > 0) {
    lines.push("");
    lines.push(`Not offered for ${scenario.model.id} by preset ${scenario.preset.id}:`);
    for (const u of unavailable) lines.push(`  - ${plainText(u.id)}: ${plainText(u.reason, 400)}`);
  }
  if (warnings.length > 0) {
    lines.push("");
    lines.push("Warnings:");
    for (const w of warnings) lines.push(`  ! ${plainText(w, 400)}`);
  }
  lines.push("");
  lines.push("Reality check: the Fireworks page's two plans on this scenario, one departure at a time");
  lines.push(report.reality.ok ? realityTable(report.reality.rows) : `  ${report.reality.reason}`);
  return terminalSafe(`${lines.join("\n")}\n`);
}
