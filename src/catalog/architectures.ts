import type { Architecture } from "./hardware-schema.js";

// Keyed by the model ids of models.ts. KV geometry, layer counts and parameter totals follow the models' public config.json files
// (itself read from each model's config.json and card, 2026-11); derived fields say how they were derived.
const ASOF = "2026-11-20";

const llama =
  "https://github.com/meta-llama/llama-models/blob/main/models/llama3_1/api/sku_list.py and https://huggingface.co/meta-llama/Llama-3.1-8B/blob/main/config.json";
const kimi =
  "MoonshotAI/Kimi-K2 README and config.json (61 layers, MLA kv_lora_rank 512 + qk_rope 64, 384 experts top-8, vocab 163,840 × hidden 7,168 untied), https://github.com/MoonshotAI/Kimi-K2";

/** Kimi K2.5 and K2.6 share K2's architecture; their routed experts ship in INT4 (W4A16). */
function kimiK2(id: string) {
  return {
    id,
    layers: 61,
    attention: {
      kind: "mla" as const,
      layers: 61,
      queryHeads: 64,
      kvLoraRank: 512,
      qkRopeHeadDim: 64,
      qkNopeHeadDim: 128,
      vHeadDim: 128,
    },
    paramsTotal: 1.04e12,
    paramsActive: 32.6e9,
    inputEmbeddingParams: 163_840 * 7_168,
    // first_k_dense_replace 1: 60 of 61 layers route.
    moe: { experts: 384, expertsPerToken: 8, layers: 60 },
    hiddenSize: 7_168,
    // Published sizes are ~595-610 GB; the upper end, so capacity is not overstated.
    weightBytes: 610e9,
    // Split as served: bf16 outside the experts (≈ 11 B params), group-32 INT4 experts: ≈ 601 GB in all.
    denseWeights: { bytesPerParam: 2, math: "bf16" as const },
    expertWeights: { bytesPerParam: 4.5 / 8, math: "bf16" as const },
    weightPrecision: "INT4 routed experts (W4A16), BF16 attention, shared expert and embeddings",
    computePrecision: "bf16" as const,
    kvBytesPerElement: 2,
    contextWindowTokens: 262_144,
    source: kimi,
    asOf: ASOF,
  };
}

const ASOF2 = "2026-12-01";
const llama33 =
  "https://huggingface.co/meta-llama/Llama-3.3-70B-Instruct/blob/main/config.json (the Llama-3.1-70B architecture: 80 layers, hidden 8,192, 64 heads, 8 KV heads, vocab 128,256)";

/** Llama-3.1/3.3-70B: the same architecture. */
function llama70b(id: string): Architecture {
  return {
    id,
    layers: 80,
    attention: { kind: "gqa", layers: 80, queryHeads: 64, kvHeads: 8, headDim: 128 },
    paramsTotal: 70_553_706_496,
    paramsActive: 70_553_706_496,
    inputEmbeddingParams: 128_256 * 8_192,
    hiddenSize: 8_192,
    weightBytes: 2 * 70_553_706_496,
    weightPrecision: "BF16",
    computePrecision: "bf16",
    kvBytesPerElement: 2,
    contextWindowTokens: 131_072,
    source: llama,
    asOf: ASOF,
  };
}

export const ARCHITECTURES: Architecture[] = [
  kimiK2("kimi-k2p6"),
  kimiK2("kimi-k2p5"),
  {
    id: "qwen3p5-397b",
    layers: 60,
    // full_attention_interval 4: 15 of 60 layers keep a KV cache, the other 45 are Gated DeltaNet.
    attention: { kind: "gqa", layers: 15, queryHeads: 32, kvHeads: 2, headDim: 256 },
    // Per DeltaNet layer: fp32 state 64 value heads × 128 × 128 (4,194,304 B) plus a bf16 conv state of
    // 3 × (2 × 16 × 128 + 64 × 128) (73,728 B); × 45 layers = 192,061,440 B (~192 MB).
    linearAttention: {
      layers: 45,
      stateBytesPerSequence: 45 * (64 * 128 * 128 * 4 + 3 * (2 * 16 * 128 + 64 * 128) * 2),
    },
    paramsTotal: 397e9,
    paramsActive: 17e9,
    inputEmbeddingParams: 248_320 * 4_096,
    moe: { experts: 512, expertsPerToken: 10, layers: 60 },
    hiddenSize: 4_096,
    weightBytes: 794e9,
    weightPrecision: "BF16 (an FP8 release halves this to ~397 GB)",
    computePrecision: "bf16",
    kvBytesPerElement: 2,
    contextWindowTokens: 262_144,
    source:
      "Qwen/Qwen3.5-397B-A17B model card and config.json (60 layers, full_attention_interval 4, 2 KV heads × 256, linear heads 16 key / 64 value × 128, 512 experts top-10, vocab 248,320 untied), https://huggingface.co/Qwen/Qwen3.5-397B-A17B",
    asOf: ASOF,
  },
  {
    id: "gpt-oss-120b",
    layers: 36,
    // Alternating layers: 18 full attention, 18 with a 128-token sliding window; 64 query heads.
    attention: { kind: "gqa", layers: 18, queryHeads: 64, kvHeads: 8, headDim: 64 },
    slidingWindow: { layers: 18, windowTokens: 128 },
    paramsTotal: 116.8e9,
    paramsActive: 5.1e9,
    inputEmbeddingParams: 201_088 * 2_880,
    moe: { experts: 128, expertsPerToken: 4, layers: 36 },
    hiddenSize: 2_880,
    weightBytes: 65e9,
    denseWeights: { bytesPerParam: 2, math: "bf16" },
    expertWeights: { bytesPerParam: 4.25 / 8, math: "bf16" },
    weightPrecision: "MXFP4 experts, BF16 attention and embeddings",
    computePrecision: "bf16",
    kvBytesPerElement: 2,
    contextWindowTokens: 131_072,
    source:
      "OpenAI gpt-oss model card and config.json (36 layers alternating full / 128-token sliding, 64 query heads, 8 KV heads × 64, 128 experts top-4, vocab 201,088 × hidden 2,880), https://huggingface.co/openai/gpt-oss-120b",
    asOf: ASOF,
  },
  {
    id: "llama-3.1-8b",
    layers: 32,
    attention: { kind: "gqa", layers: 32, queryHeads: 32, kvHeads: 8, headDim: 128 },
    paramsTotal: 8_030_261_248,
    paramsActive: 8_030_261_248,
    inputEmbeddingParams: 128_256 * 4_096,
    hiddenSize: 4_096,
    weightBytes: 2 * 8_030_261_248,
    weightPrecision: "BF16",
    computePrecision: "bf16",
    kvBytesPerElement: 2,
    contextWindowTokens: 131_072,
    source: llama,
    asOf: ASOF,
  },
  llama70b("llama-3.1-70b"),
  { ...llama70b("llama-3.3-70b"), source: llama33 },
  {
    id: "llama-3.1-405b",
    layers: 126,
    // 126 × (attention 16,384 × 128 × (128 + 8 + 8) + 128 × 128 × 16,384 = 570.4M, MLP 3 × 16,384 × 53,248)
    // + 2 × 128,256 × 16,384 embeddings = 405,853,388,800.
    attention: { kind: "gqa", layers: 126, queryHeads: 128, kvHeads: 8, headDim: 128 },
    paramsTotal: 405_853_388_800,
    paramsActive: 405_853_388_800,
    inputEmbeddingParams: 128_256 * 16_384,
    hiddenSize: 16_384,
    weightBytes: 2 * 405_853_388_800,
    weightPrecision: "BF16 (Meta also publishes an FP8 release)",
    computePrecision: "bf16",
    kvBytesPerElement: 2,
    contextWindowTokens: 131_072,
    source:
      "https://huggingface.co/meta-llama/Llama-3.1-405B/blob/main/config.json (126 layers, hidden 16,384, 128 heads, 8 KV heads, intermediate 53,248, vocab 128,256); meta-llama/llama-models sku_list.py",
    asOf: ASOF2,
  },
  {
    id: "deepseek-r1",
    layers: 61,
    attention: {
      kind: "mla",
      layers: 61,
      queryHeads: 128,
      kvLoraRank: 512,
      qkRopeHeadDim: 64,
      qkNopeHeadDim: 128,
      vHeadDim: 128,
    },
    // From config.json's shapes: 58 MoE layers × 256 experts × 3 × 7,168 × 2,048 = 653.9B routed; attention
    // (q_lora 1,536, kv_lora 512) 187.1M a layer; 3 dense MLPs of 18,432; one shared expert a MoE layer;
    // untied 129,280-token embeddings. Total 670.6B (the card: 671B), active 37.6B (card: 37B). MTP layer left out.
    paramsTotal: 670.6e9,
    paramsActive: 37.6e9,
    inputEmbeddingParams: 129_280 * 7_168,
    moe: { experts: 256, expertsPerToken: 8, layers: 58 },
    hiddenSize: 7_168,
    weightBytes: 670.6e9,
    denseWeights: { bytesPerParam: 1, math: "fp8" },
    expertWeights: { bytesPerParam: 1, math: "fp8" },
    weightPrecision: "FP8 (block-scaled, 128 × 128), as released",
    computePrecision: "fp8",
    kvBytesPerElement: 2,
    contextWindowTokens: 163_840,
    source:
      "https://huggingface.co/deepseek-ai/DeepSeek-R1-0528/blob/main/config.json (DeepSeek-V3 architecture: 61 layers, first_k_dense_replace 3, 256 routed experts top-8 + 1 shared, moe_intermediate 2,048, hidden 7,168, 128 heads, MLA kv_lora_rank 512, qk_rope 64, qk_nope 128, v_head 128, vocab 129,280, max_position 163,840, quantization_config fp8)",
    asOf: ASOF2,
  },
  {
    id: "qwen3-235b-a22b",
    layers: 94,
    attention: { kind: "gqa", layers: 94, queryHeads: 64, kvHeads: 4, headDim: 128 },
    // 94 × (128 experts × 3 × 4,096 × 1,536 + attention 71.3M + router) + 2 × 151,936 × 4,096 = 235.1B;
    // active: 8 experts a layer, 22.2B.
    paramsTotal: 235.1e9,
    paramsActive: 22.2e9,
    inputEmbeddingParams: 151_936 * 4_096,
    moe: { experts: 128, expertsPerToken: 8, layers: 94 },
    hiddenSize: 4_096,
    weightBytes: 2 * 235.1e9,
    weightPrecision: "BF16 (FP8 and FP4 releases exist)",
    computePrecision: "bf16",
    kvBytesPerElement: 2,
    contextWindowTokens: 32_768,
    source:
      "https://huggingface.co/Qwen/Qwen3-235B-A22B/blob/main/config.json (94 layers, hidden 4,096, 64 query / 4 KV heads × 128, 128 experts top-8, moe_intermediate 1,536, vocab 151,936 untied; 32,768 native context)",
    asOf: ASOF2,
  },
];
