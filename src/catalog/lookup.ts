import {
  CATALOG,
  type Catalog,
  type DedicatedDefault,
  type Model,
  type PerTokenPrice,
  type Preset,
} from "./index.js";

function listIds(items: { id: string }[]): string {
  return items.map((item) => item.id).join(", ");
}

/** The preset with this id; throws `unknown preset: x (known: ...)`. */
export function presetById(id: string, catalog: Catalog = CATALOG): Preset {
  const preset = catalog.presets.find((p) => p.id === id);
  if (!preset) throw new RangeError(`unknown preset: ${id} (known: ${listIds(catalog.presets)})`);
  return preset;
}

/** The model with this id; throws `unknown model: x (known: ...)`. */
export function modelById(id: string, catalog: Catalog = CATALOG): Model {
  const model = catalog.models.find((m) => m.id === id);
  if (!model) throw new RangeError(`unknown model: ${id} (known: ${listIds(catalog.models)})`);
  return model;
}

const loose = (name: string) => name.trim().toLowerCase();

/**
 * The model a person or a log names: its catalog id, or one of its aliases, compared without case, also
 * by the last path segment (`accounts/fireworks/models/kimi-k2p6`). Undefined when none matches.
 */
export function modelByName(name: string, catalog: Catalog = CATALOG): Model | undefined {
  const wanted = loose(name);
  const tail = wanted.slice(wanted.lastIndexOf("/") + 1);
  const names = (m: Model) => [m.id, ...(m.aliases ?? [])].map(loose);
  return (
    catalog.models.find((m) => names(m).includes(wanted)) ??
    catalog.models.find((m) => names(m).some((n) => n === tail || n.endsWith(`/${tail}`)))
  );
}

/** The per-token price the preset bills this model with; throws when the preset has none. */
export function perTokenPriceFor(preset: Preset, modelId: string, catalog: Catalog = CATALOG): PerTokenPrice {
  const price = catalog.perTokenPrices.find(
    (p) => p.modelId === modelId && preset.perTokenPriceIds.includes(p.id),
  );
  if (!price) throw new RangeError(`preset ${preset.id} has no per-token price for model ${modelId}`);
  return price;
}

/** The preset's dedicated defaults for this model; throws when it has none. */
export function dedicatedDefaultFor(preset: Preset, modelId: string): DedicatedDefault {
  const found = preset.dedicatedDefaults.find((d) => d.modelId === modelId);
  if (!found) throw new RangeError(`preset ${preset.id} has no dedicated defaults for model ${modelId}`);
  return found;
}

/** The $/GPU-hour for a GPU type under the preset, with its source; the preset's fallback when unlisted. */
export function gpuRateFor(
  preset: Preset,
  gpuType: string,
  catalog: Catalog = CATALOG,
): { usdPerGpuHour: number; source: string; asOf: string | undefined } {
  const price = catalog.gpuPrices.find((g) => g.gpuType === gpuType && preset.gpuPriceIds.includes(g.id));
  if (price) return { usdPerGpuHour: price.usdPerGpuHour, source: price.source, asOf: price.asOf };
  return { usdPerGpuHour: preset.fallbackUsdPerGpuHour, source: preset.fallbackSource, asOf: undefined };
}
