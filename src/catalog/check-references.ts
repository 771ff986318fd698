import type { Catalog } from "./schema.js";

/**
 * Throws unless ids are unique (models, prices, presets, cards, discounts, GPUs, architectures) and every
 * id a preset or price names exists in the catalog (models, prices, cards, GPU types).
 */
export function checkReferences(catalog: Catalog): void {
  const unique = (kind: string, ids: string[]) => {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) throw new Error(`invalid catalog: duplicate ${kind} id ${id}`);
      seen.add(id);
    }
    return seen;
  };
  const models = unique(
    "model",
    catalog.models.map((m) => m.id),
  );
  const prices = unique(
    "per-token price",
    catalog.perTokenPrices.map((p) => p.id),
  );
  const gpuPrices = unique(
    "GPU price",
    catalog.gpuPrices.map((g) => g.id),
  );
  unique(
    "preset",
    catalog.presets.map((p) => p.id),
  );
  const cards = unique(
    "card",
    (catalog.cards ?? []).map((c) => c.id),
  );
  unique(
    "discount",
    (catalog.discounts ?? []).map((d) => d.id),
  );
  const gpus = unique(
    "GPU",
    catalog.gpus.map((g) => g.id),
  );
  unique(
    "architecture",
    catalog.architectures.map((a) => a.id),
  );
  const need = (kind: string, id: string, known: Set<string>, where: string) => {
    if (!known.has(id)) throw new Error(`invalid catalog: ${where} names unknown ${kind} ${id}`);
  };
  for (const price of catalog.perTokenPrices)
    need("model", price.modelId, models, `per-token price ${price.id}`);
  for (const entry of [...catalog.perTokenPrices, ...catalog.gpuPrices])
    if (entry.card !== undefined) need("card", entry.card, cards, `price ${entry.id}`);
  for (const price of catalog.gpuPrices) need("GPU", price.gpuType, gpus, `GPU price ${price.id}`);
  for (const preset of catalog.presets) {
    const where = `preset ${preset.id}`;
    for (const id of preset.perTokenPriceIds) need("per-token price", id, prices, where);
    for (const id of preset.gpuPriceIds) need("GPU price", id, gpuPrices, where);
    need("model", preset.workloadDefaults.modelId, models, where);
    for (const d of preset.dedicatedDefaults) {
      need("model", d.modelId, models, where);
      need("GPU", d.gpuType, gpus, where);
    }
    for (const id of preset.cardIds ?? []) need("card", id, cards, where);
  }
}
