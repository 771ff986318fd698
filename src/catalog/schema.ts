import * as v from "valibot";
import { ArchitectureSchema, GpuSpecSchema } from "./hardware-schema.js";

/** Where a figure came from and when it was read: every catalog entry carries both. */
const provenance = {
  source: v.pipe(v.string(), v.minLength(1)),
  asOf: v.pipe(v.string(), v.isoDate()),
};

const id = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9._-]*$/i));
const positive = v.pipe(v.number(), v.finite(), v.gtValue(0));
const positiveInteger = v.pipe(v.number(), v.integer(), v.minValue(1));

export const ModelSchema = v.strictObject({
  id,
  label: v.pipe(v.string(), v.minLength(1)),
  /** The window at the price tier the entry describes, in tokens. */
  contextWindowTokens: positiveInteger,
  ...provenance,
});

export const PerTokenPriceSchema = v.strictObject({
  id,
  provider: v.pipe(v.string(), v.minLength(1)),
  modelId: id,
  usdPerMillionPrefill: positive,
  usdPerMillionSample: positive,
  ...provenance,
});

export const GpuPriceSchema = v.strictObject({
  id,
  /** The reference page's GPU type ids: H100_80GB, H200_141GB, B200_180GB, B300_288GB. */
  gpuType: v.pipe(v.string(), v.minLength(1)),
  usdPerGpuHour: positive,
  ...provenance,
});

export const DedicatedDefaultSchema = v.strictObject({
  modelId: id,
  gpuType: v.pipe(v.string(), v.minLength(1)),
  gpus: positiveInteger,
  promptTokensPerSecond: positive,
  decodeTokensPerSecond: positive,
  ...provenance,
});

export const WorkloadDefaultSchema = v.strictObject({
  modelId: id,
  episodes: positiveInteger,
  turns: positiveInteger,
  initialPromptTokens: v.pipe(v.number(), v.integer(), v.minValue(0)),
  addedTokensPerTurn: v.pipe(v.number(), v.integer(), v.minValue(0)),
  generatedTokensPerTurn: v.pipe(v.number(), v.integer(), v.minValue(0)),
  ...provenance,
});

export const PresetSchema = v.strictObject({
  id,
  label: v.pipe(v.string(), v.minLength(1)),
  /** Per-token price ids, one per model, that the preset bills with. */
  perTokenPriceIds: v.array(id),
  /** The GPU price list (by `source` group id) and its fallback for unknown GPU types. */
  gpuPriceIds: v.array(id),
  fallbackUsdPerGpuHour: positive,
  fallbackSource: v.pipe(v.string(), v.minLength(1)),
  workloadDefaults: WorkloadDefaultSchema,
  dedicatedDefaults: v.array(DedicatedDefaultSchema),
});

export const CatalogSchema = v.strictObject({
  models: v.array(ModelSchema),
  perTokenPrices: v.array(PerTokenPriceSchema),
  gpuPrices: v.array(GpuPriceSchema),
  presets: v.array(PresetSchema),
  architectures: v.array(ArchitectureSchema),
  gpus: v.array(GpuSpecSchema),
});

export type Model = v.InferOutput<typeof ModelSchema>;
export type PerTokenPrice = v.InferOutput<typeof PerTokenPriceSchema>;
export type GpuPrice = v.InferOutput<typeof GpuPriceSchema>;
export type DedicatedDefault = v.InferOutput<typeof DedicatedDefaultSchema>;
export type Preset = v.InferOutput<typeof PresetSchema>;
export type Catalog = v.InferOutput<typeof CatalogSchema>;
