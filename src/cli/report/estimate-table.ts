import type { ReferenceProvenance } from "../../catalog/resolve-reference.js";
import type { ReferenceEstimate, ReferenceInput } from "../../core/estimate.js";
import {
  formatCount,
  formatHours,
  formatPercent,
  formatTokensPerSecondCeil,
  formatUsd,
} from "../../format/numbers.js";
import { tableText, terminalSafe } from "../output.js";

/** The human report of `estimate`: the token math, one row per plan, the at-par bounds and warnings. */
export function estimateTable(
  input: ReferenceInput,
  result: ReferenceEstimate,
  provenance: ReferenceProvenance,
): string {
  const { shape, episodes } = input.workload;
  const { tokens, plans, parity } = result;
  const d = plans.dedicated;
  const lines: string[] = [];
  lines.push(`${provenance.model.label} · preset ${provenance.preset.id}`);
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
  lines.push(
    tableText(
      ["plan", "$ / episode", `$ / ${formatCount(episodes)} ep`, "cluster-hours", "vs. Tinker"],
      [
        [
          "Tinker: per token, no cross-turn cache",
          formatUsd(plans.tinker.usdPerEpisode),
          formatUsd(plans.tinker.usdTotal),
          "",
          "1×",
        ],
        [
          `Dedicated: ${d.gpus}× ${d.gpuType.replace("_", " ")} at $${d.usdPerGpuHour}/GPU-hour`,
          formatUsd(d.usdPerEpisode),
          formatUsd(d.usdTotal),
          formatHours(d.clusterHours),
          d.vsTinker,
        ],
      ],
      ["left", "right", "right", "right", "right"],
    ),
  );
  lines.push(
    `Dedicated throughput: ${formatCount(d.promptTokensPerSecond)} prompt tok/s, ${formatCount(d.decodeTokensPerSecond)} decode tok/s ` +
      "(saturated); cluster time = max(prefill time, decode time), the page's assumption that they overlap.",
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
    `Sources: ${provenance.perTokenPrice.provider} rates ${provenance.perTokenPrice.source}, ${provenance.perTokenPrice.asOf};`,
  );
  lines.push(
    `  GPU-hour rate ${provenance.gpuRate.source}${provenance.gpuRate.asOf ? `, ${provenance.gpuRate.asOf}` : ""}.`,
  );
  return terminalSafe(`${lines.join("\n")}\n`);
}
