import * as v from "valibot";

// Model architectures, GPU specifications and the throughput model's efficiency factors. Each entry keeps
// its source and date; the shapes match src/core/throughput/types.ts so core reads them as they are.
const provenance = {
  source: v.pipe(v.string(), v.minLength(1)),
  asOf: v.pipe(v.string(), v.isoDate()),
};

const count = v.pipe(v.number(), v.integer(), v.minValue(1));
const positive = v.pipe(v.number(), v.finite(), v.gtValue(0));
const fraction = v.pipe(v.number(), v.finite(), v.gtValue(0), v.maxValue(1));

const AttentionSchema = v.variant("kind", [
  v.strictObject({
    kind: v.literal("gqa"),
    layers: count,
    queryHeads: count,
    kvHeads: count,
    headDim: count,
  }),
  v.strictObject({
    kind: v.literal("mla"),
    layers: count,
    queryHeads: count,
    kvLoraRank: count,
    qkRopeHeadDim: count,
    qkNopeHeadDim: count,
    vHeadDim: count,
  }),
]);

const math = v.picklist(["bf16", "fp8", "fp4"]);
const WeightFormatSpecSchema = v.strictObject({ bytesPerParam: positive, math });

/** The throughput model's efficiency factors, each a fraction of a roofline, with where it was fitted. */
export const EfficienciesSchema = v.strictObject({
  id: v.pipe(v.string(), v.minLength(1)),
  matmulFraction: fraction,
  attentionFraction: fraction,
  bandwidthFraction: fraction,
  memoryUtilizationFraction: fraction,
  stepOverheadSecondsPerLayer: v.pipe(v.number(), v.finite(), v.minValue(0)),
  lowPrecisionMatmulFraction: v.optional(v.strictObject({ fp8: fraction, fp4: fraction })),
  weightOnlyGemmFraction: v.optional(fraction),
  moeGroupedGemmFraction: v.optional(fraction),
  routingImbalance: v.optional(v.pipe(v.number(), v.finite(), v.minValue(1), v.maxValue(16))),
  stepLatencySecondsPerLayer: v.optional(v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(0.01))),
  stepSecondsPerSequence: v.optional(v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(0.01))),
  interconnectFraction: v.optional(fraction),
  communicationOverlapFraction: v.optional(v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(1))),
  note: v.pipe(v.string(), v.minLength(1)),
  ...provenance,
});

export const ArchitectureSchema = v.strictObject({
  /** The model id in models.ts this architecture describes. */
  id: v.pipe(v.string(), v.minLength(1)),
  layers: count,
  attention: AttentionSchema,
  slidingWindow: v.optional(v.strictObject({ layers: count, windowTokens: count })),
  linearAttention: v.optional(v.strictObject({ layers: count, stateBytesPerSequence: positive })),
  paramsTotal: positive,
  paramsActive: positive,
  inputEmbeddingParams: v.pipe(v.number(), v.finite(), v.minValue(0)),
  moe: v.optional(v.strictObject({ experts: count, expertsPerToken: count, layers: v.optional(count) })),
  hiddenSize: v.optional(count),
  denseWeights: v.optional(WeightFormatSpecSchema),
  expertWeights: v.optional(WeightFormatSpecSchema),
  attentionMath: v.optional(math),
  weightBytes: positive,
  weightPrecision: v.pipe(v.string(), v.minLength(1)),
  computePrecision: math,
  kvBytesPerElement: positive,
  /** Native context window of the architecture (the price tier's window is on the model entry). */
  contextWindowTokens: count,
  ...provenance,
});

export const GpuSpecSchema = v.strictObject({
  /** The Fireworks page's GPU type id: H100_80GB, H200_141GB, B200_180GB, B300_288GB. */
  id: v.pipe(v.string(), v.minLength(1)),
  label: v.pipe(v.string(), v.minLength(1)),
  hbmBytes: positive,
  hbmBytesPerSecond: positive,
  /** Dense (not 2:4-sparse) peak, FLOP/s, per precision; fp4 absent where the GPU has none. */
  denseFlopsPerSecond: v.strictObject({ bf16: positive, fp8: positive, fp4: v.optional(positive) }),
  /** NVLink inside the scale-up domain and the network beyond it, per GPU, one direction. */
  interconnect: v.optional(
    v.strictObject({
      scaleUpBytesPerSecond: positive,
      scaleUpDomainGpus: count,
      scaleOutBytesPerSecond: positive,
      source: v.pipe(v.string(), v.minLength(1)),
    }),
  ),
  /** The efficiency factors this GPU's roofline is scaled by by default. */
  efficiencies: EfficienciesSchema,
  ...provenance,
});

export type Architecture = v.InferOutput<typeof ArchitectureSchema>;
export type GpuSpec = v.InferOutput<typeof GpuSpecSchema>;
export type EfficiencyDefaults = v.InferOutput<typeof EfficienciesSchema>;
