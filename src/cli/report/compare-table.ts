import type { Model, Preset } from "../../catalog/index.js";
import type { UnavailablePlan } from "../../catalog/plans-for-preset.js";
import type { ContextPolicy } from "../../core/context-policy.js";
import type { Workload } from "../../core/episode-shape.js";
import type { PlanEstimate } from "../../core/plan.js";
import type { RealityCheck } from "../../core/reality-check.js";
import type { EpisodeLedger } from "../../core/turn-ledger.js";
import { formatCount, formatHours, formatUsd } from "../../format/numbers.js";
import { plainText, tableText, terminalSafe } from "../output.js";
import { realityTable } from "./reality-table.js";

export interface CompareReport {
  scenario: { preset: Preset; model: Model; workload: Workload; policy: ContextPolicy; windowTokens: number };
  ledger: EpisodeLedger;
  plans: (PlanEstimate & { vsBaseline: string })[];
  baseline: string;
  unavailable: UnavailablePlan[];
  reality: { check: RealityCheck | undefined; note: string };
  warnings: string[];
  showLedger: boolean;
}

/** The human report of `compare`: workload, ledger sums, one row per plan, details, reality check. */
export function compareTable(report: CompareReport): string {
  const { scenario, ledger, plans } = report;
  const { shape, episodes } = scenario.workload;
  const lines: string[] = [];
  lines.push(
    `${scenario.model.label} · preset ${scenario.preset.id} · context policy ${scenario.policy} (window ${formatCount(scenario.windowTokens)})`,
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
        `vs ${plainText(report.baseline, 40)}`,
        ...(training ? ["+ training", "$ / step", "$ / run"] : []),
      ],
      plans.map((p) => [
        `${p.id}${p.warnings.length > 0 ? " (!)" : ""}\n${p.label}`,
        formatUsd(p.usdPerEpisode),
        formatUsd(p.usdTotal),
        p.clusterHours === undefined ? "" : formatHours(p.clusterHours),
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
      ["left", "right", "right", "right", "right", "right", "right", "right"],
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
  if (report.unavailable.length > 0) {
    lines.push("");
    lines.push(`Not offered for ${scenario.model.id} by preset ${scenario.preset.id}:`);
    for (const u of report.unavailable) lines.push(`  - ${plainText(u.id)}: ${plainText(u.reason, 400)}`);
  }
  if (report.warnings.length > 0) {
    lines.push("");
    lines.push("Warnings:");
    for (const w of report.warnings) lines.push(`  ! ${plainText(w, 400)}`);
  }
  lines.push("");
  lines.push("Reality check: the reference page's two plans on this scenario, one departure at a time");
  lines.push(report.reality.check ? realityTable(report.reality.check.rows) : `  ${report.reality.note}`);
  return terminalSafe(`${lines.join("\n")}\n`);
}
