// The result as a Markdown table, JSON and CSV. JSON and CSV are the CLI's own (`rollout-cost estimate
// --json` / `--csv`), built by the same shared code, so a download and a script read the same thing.
import { ESTIMATE_CSV_COLUMNS, estimateCsvRows } from "../format/estimate-csv.js";
import { estimateJson as estimateJsonValue } from "../format/estimate-json.js";
import { csvText, jsonText } from "../format/machine-text.js";
import { formatCount, formatHours, formatPercent, formatUsd } from "../format/numbers.js";
import { vsTinkerLabel } from "../format/vs-tinker.js";
import type { Priced } from "./evaluate.js";

/** What `rollout-cost estimate --json` prints for the same scenario, as a value. */
export function estimateJson(priced: Priced): unknown {
  return estimateJsonValue(priced.scenario, priced);
}

/** JSON text with a trailing newline, as the CLI writes it. */
export function estimateJsonText(priced: Priced): string {
  return jsonText(estimateJson(priced));
}

/** CSV text with the CLI's columns: one row per plan, unrounded. */
export function estimateCsvText(priced: Priced): string {
  return csvText(ESTIMATE_CSV_COLUMNS, estimateCsvRows(priced.input, priced.estimate));
}

/** The plan's name as the cards and the table show it. */
export function dedicatedTitle(priced: Priced): string {
  const d = priced.input.dedicated;
  return `${d.gpus}× ${d.gpuType.replace("_", " ")} at $${d.usdPerGpuHour}/GPU-hour`;
}

/** The result as a Markdown table with the scenario above it and any warnings below. */
export function estimateMarkdown(priced: Priced, link?: string): string {
  const { input, estimate, scenario } = priced;
  const { episodes, shape } = input.workload;
  const { tinker, dedicated } = estimate.plans;
  const t = estimate.tokens;
  const lines = [
    `**${scenario.model.label}**, ${formatCount(episodes)} episodes × ${formatCount(shape.turns)} turns: ` +
      `${formatCount(shape.initialPromptTokens)} initial prompt, +${formatCount(shape.addedTokensPerTurn)} per turn, ` +
      `${formatCount(shape.generatedTokensPerTurn)} generated per turn. ` +
      `Per episode: ${formatCount(t.promptSummedPerEpisode)} prompt tokens summed, ` +
      `${formatCount(t.uniquePromptPerEpisode)} unique, cache hit ${formatPercent(t.cacheHitPercent)}.`,
    "",
    `| plan | $ / episode | $ / ${formatCount(episodes)} ep | cluster-hours | vs. Tinker |`,
    "|---|--:|--:|--:|--:|",
    `| Tinker: per token, no cross-turn cache | ${formatUsd(tinker.usdPerEpisode)} | ${formatUsd(tinker.usdTotal)} | | 1× |`,
    `| Dedicated: ${dedicatedTitle(priced)} | ${formatUsd(dedicated.usdPerEpisode)} | ${formatUsd(dedicated.usdTotal)} | ` +
      `${formatHours(dedicated.clusterHours)} | ${vsTinkerLabel(estimate)} |`,
  ];
  for (const warning of estimate.warnings) lines.push("", `> Warning: ${warning}`);
  if (link) lines.push("", `Scenario: ${link}`);
  return `${lines.join("\n")}\n`;
}
