import { CATALOG } from "../../catalog/index.js";
import { csvText, jsonText } from "../../format/machine-text.js";
import type { Command } from "../context.js";
import { parseFlags } from "../flags.js";
import { OUTPUT_FLAGS, outputFormat } from "../output.js";
import { tableText } from "../table-text.js";

export const catalog: Command = {
  summary: "list the catalog's models, prices and presets, each with its source and date",
  help: `Usage: rollout-cost catalog [--json | --csv]

Lists every model, per-token price (with cached-prefill and train rates and
context tiers where a card has them), GPU-hour rate, model architecture, GPU
specification and preset in the built-in catalog, each with the source it was
read from and the date.

  --json      the whole catalog as data
  --csv       one row per price, with kind, id, figures, source and date
  -h, --help  this text`,
  async run(argv, context) {
    const { values } = parseFlags(argv, OUTPUT_FLAGS);
    const format = outputFormat(values);
    if (format === "json") {
      context.stdout.write(jsonText(CATALOG));
      return;
    }
    const rows = [
      ...CATALOG.models.map((m) => ({
        kind: "model",
        id: m.id,
        what: m.label,
        figures: `${m.contextWindowTokens} tokens context`,
        source: m.source,
        asOf: m.asOf,
      })),
      ...CATALOG.perTokenPrices.map((p) => ({
        kind: "per-token price",
        id: p.id,
        what: `${p.provider} · ${p.modelId}`,
        figures: perTokenFigures(p),
        source: p.source,
        asOf: p.asOf,
      })),
      ...CATALOG.gpuPrices.map((g) => ({
        kind: "GPU-hour rate",
        id: g.id,
        what: g.gpuType,
        figures: `$${g.usdPerGpuHour}/GPU-hour`,
        source: g.source,
        asOf: g.asOf,
      })),
      ...CATALOG.architectures.map((a) => ({
        kind: "architecture",
        id: a.id,
        what: `${a.layers} layers, ${a.attention.kind.toUpperCase()}${a.moe ? `, MoE ${a.moe.expertsPerToken} of ${a.moe.experts}` : ""}`,
        figures: `${billions(a.paramsTotal)} / ${billions(a.paramsActive)} active params, ${(a.weightBytes / 1e9).toFixed(0)} GB ${a.weightPrecision}, ${a.contextWindowTokens} tokens native`,
        source: a.source,
        asOf: a.asOf,
      })),
      ...CATALOG.gpus.map((g) => ({
        kind: "GPU",
        id: g.id,
        what: g.label,
        figures: `${(g.hbmBytes / 1e9).toFixed(0)} GB HBM at ${(g.hbmBytesPerSecond / 1e12).toFixed(2)} TB/s, ${(g.denseFlopsPerSecond.bf16 / 1e12).toFixed(0)} dense bf16 TFLOP/s`,
        source: g.source,
        asOf: g.asOf,
      })),
      ...CATALOG.presets.map((p) => ({
        kind: "preset",
        id: p.id,
        what: p.label,
        figures: `${p.perTokenPriceIds.length} per-token prices, ${p.gpuPriceIds.length} GPU rates, fallback $${p.fallbackUsdPerGpuHour}/GPU-hour`,
        source: p.workloadDefaults.source,
        asOf: p.workloadDefaults.asOf,
      })),
    ];
    const columns = ["kind", "id", "what", "figures", "source", "asOf"] as const;
    if (format === "csv") {
      context.stdout.write(csvText(columns, rows));
      return;
    }
    const table = tableText(
      ["kind", "id", "what", "figures", "as of"],
      rows.map((r) => [r.kind, r.id, r.what, r.figures, r.asOf]),
    );
    const sources = [...new Set(rows.map((r) => r.source))].map((s) => `  - ${s}`).join("\n");
    context.stdout.write(`${table}\nSources:\n${sources}\n`);
  },
};

function billions(params: number): string {
  return params >= 1e12 ? `${(params / 1e12).toFixed(2)}T` : `${(params / 1e9).toFixed(1)}B`;
}

function perTokenFigures(p: (typeof CATALOG.perTokenPrices)[number]): string {
  const parts = [`$${p.usdPerMillionPrefill} prefill`];
  if (p.usdPerMillionCachedPrefill !== undefined) parts.push(`$${p.usdPerMillionCachedPrefill} cached`);
  parts.push(`$${p.usdPerMillionSample} sample`);
  if (p.usdPerMillionTrain !== undefined) parts.push(`$${p.usdPerMillionTrain} train`);
  const tier = p.contextTierTokens === undefined ? "" : ` (≤ ${p.contextTierTokens} tokens)`;
  return `${parts.join(" / ")} per 1M${tier}`;
}
