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
  /** Other names people type or logs carry (`kimi-k2.6`, `Qwen/Qwen3.5-397B-A17B`), matched loosely. */
  aliases: v.optional(v.array(v.pipe(v.string(), v.minLength(1)))),
  ...provenance,
});

export const PerTokenPriceSchema = v.strictObject({
  id,
  provider: v.pipe(v.string(), v.minLength(1)),
  modelId: id,
  usdPerMillionPrefill: positive,
  usdPerMillionSample: positive,
  /** Prompt tokens served from the provider's cache; absent = the card bills them at full prefill. */
  usdPerMillionCachedPrefill: v.optional(positive),
  /** Training, per token per pass; absent = the card sells no training. */
  usdPerMillionTrain: v.optional(positive),
  /** The rate card this entry belongs to (entries of one card and model are its context tiers). */
  card: v.optional(id),
  /** The most context this tier serves, tokens; absent = the model's window. */
  contextTierTokens: v.optional(positiveInteger),
  ...provenance,
});

export const GpuPriceSchema = v.strictObject({
  id,
  /** The Fireworks page's GPU type ids: H100_80GB, H200_141GB, B200_180GB, B300_288GB. */
  gpuType: v.pipe(v.string(), v.minLength(1)),
  usdPerGpuHour: positive,
  /** The price list this rate belongs to; lists disagree, so each is kept. */
  card: v.optional(id),
  ...provenance,
});

/** A rate card a preset offers as plans: per-token cards, or GPU-hour lists run at the dedicated defaults. */
export const CardSchema = v.strictObject({
  id,
  kind: v.picklist(["per-token", "gpu-hour"]),
  label: v.pipe(v.string(), v.minLength(1)),
  provider: v.pipe(v.string(), v.minLength(1)),
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

/** A discount a card states as a rule, as a fraction off the full rate. */
export const DiscountSchema = v.strictObject({
  id,
  label: v.pipe(v.string(), v.minLength(1)),
  fractionOff: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
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
  /** Rate cards offered as extra plans (ids of `cards`); absent = only the page's two plans. */
  cardIds: v.optional(v.array(id)),
  /** What happens past the model's window unless the user says: the page's `ignore`, or `stop`. */
  contextPolicy: v.strictObject({
    policy: v.picklist(["ignore", "stop", "drop-oldest", "refuse"]),
    source: v.pipe(v.string(), v.minLength(1)),
  }),
});

export const CatalogSchema = v.strictObject({
  models: v.array(ModelSchema),
  perTokenPrices: v.array(PerTokenPriceSchema),
  gpuPrices: v.array(GpuPriceSchema),
  presets: v.array(PresetSchema),
  cards: v.optional(v.array(CardSchema)),
  /** Rules stated by a rate card rather than a price, e.g. Tinker's 80% cached-prefill discount. */
  discounts: v.optional(v.array(DiscountSchema)),
  architectures: v.array(ArchitectureSchema),
  gpus: v.array(GpuSpecSchema),
});

export type Model = v.InferOutput<typeof ModelSchema>;
export type PerTokenPrice = v.InferOutput<typeof PerTokenPriceSchema>;
export type GpuPrice = v.InferOutput<typeof GpuPriceSchema>;
export type DedicatedDefault = v.InferOutput<typeof DedicatedDefaultSchema>;
export type Preset = v.InferOutput<typeof PresetSchema>;
export type Card = v.InferOutput<typeof CardSchema>;
export type Discount = v.InferOutput<typeof DiscountSchema>;
export type Catalog = v.InferOutput<typeof CatalogSchema>;
