import { terminalSafe } from "../../format/echo.js";
import {
  formatCount,
  formatHours,
  formatPercent,
  formatTokensPerSecondCeil,
  formatUsd,
} from "../../format/numbers.js";
import { vsTinkerLabel } from "../../format/vs-tinker.js";
import { effectiveRates } from "../../scenario/effective-rates.js";
import { derivedMode, type ReferenceComparison } from "../../scenario/reference.js";
import type { Scenario } from "../../scenario/resolve.js";
import { tableText } from "../table-text.js";
import { fitTable } from "./fit-table.js";
import { wrapLines } from "./terminal-width.js";

/** The human report of `estimate`: the token math, one row per plan with its effective rates, the at-par bounds and warnings, fitted to `width`. */
export function estimateTable(scenario: Scenario, comparison: ReferenceComparison, width = 100): string {
  const { input, estimate: result, sources } = comparison;
  const { shape, episodes } = input.workload;
  const { tokens, plans, parity } = result;
  const d = plans.dedicated;
  const lines: string[] = [];
  lines.push(`${scenario.model.label} · preset ${scenario.preset.id} (the Fireworks page's plans and rates)`);
  lines.push(
    `${formatCount(episodes)} episodes × ${shape.turns} turns: ${formatCount(shape.initialPromptTokens)} initial prompt, ` +
      `+${formatCount(shape.addedTokensPerTurn)} per turn, ${formatCount(shape.generatedTokensPerTurn)} generated per turn`,
  );
  lines.push("");
  lines.push("Per-episode token math");
  lines.push(
    tableText(
      ["", "tokens", ""],
      [
        [
          "prompt tokens summed",
          formatCount(tokens.promptSummedPerEpisode),
          "per-token billing without a cache prefills all",
        ],
        [
          "unique prompt tokens",
          formatCount(tokens.uniquePromptPerEpisode),
          "prefilled once where the cache survives",
        ],
        ["cached prompt tokens", formatCount(tokens.cachedPromptPerEpisode), "served from the prefix cache"],
        ["decode tokens", formatCount(tokens.decodePerEpisode), ""],
        ["cache hit", formatPercent(tokens.cacheHitPercent), ""],
      ],
      ["left", "right", "left"],
    ),
  );
  lines.push("");
  const rates = effectiveRates(d);
  const plansTable = fitTable({
    head: ["plan", "$/episode", `$ / ${formatCount(episodes)} ep`, "cluster-h", "vs. Tinker"],
    rows: [
      ["Tinker", formatUsd(plans.tinker.usdPerEpisode), formatUsd(plans.tinker.usdTotal), "", "1×"],
      [
        "Dedicated",
        formatUsd(d.usdPerEpisode),
        formatUsd(d.usdTotal),
        formatHours(d.clusterHours),
        vsTinkerLabel(result),
      ],
    ],
    align: ["left", "right", "right", "right", "right"],
    droppable: [],
    descriptions: [
      "per token, no cross-turn cache",
      `${d.gpus}× ${d.gpuType.replace("_", " ")} at $${d.usdPerGpuHour}/GPU-hour`,
    ],
    width,
    descriptionAt: 1,
  });
  lines.push(plansTable.text);
  lines.push(
    `Tinker: per token, no cross-turn cache. Dedicated: ${d.gpus}× ${d.gpuType.replace("_", " ")} at $${d.usdPerGpuHour}/GPU-hour, ` +
      `which works out to $${rates.prompt.toFixed(2)} per 1M prefilled prompt tokens and $${rates.generated.toFixed(2)} per 1M generated ` +
      "(GPUs × $/GPU-hour ÷ (tok/s × 3600) × 10^6).",
  );
  lines.push(
    `Dedicated throughput: ${formatCount(d.promptTokensPerSecond)} prompt tok/s, ${formatCount(d.decodeTokensPerSecond)} decode tok/s ` +
      (derivedMode(scenario)
        ? "(effective, derived by the throughput model); cluster time = prefill time + decode time, as simulated."
        : "(saturated); cluster time = max(prefill time, decode time), the page's assumption that they overlap."),
  );
  lines.push("");
  lines.push("At par with Tinker (each bound holds the other inputs):");
  lines.push(`  most GPUs           ${parity.maxGpus === null ? "any number" : formatCount(parity.maxGpus)}`);
  lines.push(`  least prompt tok/s  ${formatTokensPerSecondCeil(parity.minPromptTokensPerSecond)}`);
  lines.push(`  least decode tok/s  ${formatTokensPerSecondCeil(parity.minDecodeTokensPerSecond)}`);
  if (result.warnings.length > 0) {
    lines.push("");
    lines.push("Warnings:");
    for (const warning of result.warnings) lines.push(`  ! ${warning}`);
  }
  lines.push("");
  lines.push(
    `Sources: ${sources.perToken.provider} rates ${sources.perToken.source}${sources.perToken.asOf ? `, ${sources.perToken.asOf}` : ""};`,
  );
  lines.push(
    `  GPU-hour rate ${sources.gpuRate.source}${sources.gpuRate.asOf ? `, ${sources.gpuRate.asOf}` : ""}.`,
  );
  return terminalSafe(`${wrapLines(lines.join("\n").split("\n"), width).join("\n")}\n`);
}
