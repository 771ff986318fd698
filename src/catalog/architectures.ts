import type { Architecture } from "./hardware-schema.js";

// Keyed by the model ids of models.ts. KV geometry, layer counts and parameter totals follow DATA.md §3
// (itself read from each model's config.json and card, 2026-11); derived fields say how they were derived.
const ASOF = "2026-11-20";

const llama = "meta-llama/llama-models models/llama3_1/api/sku_list.py and config.json; DATA.md §3";
const kimi =
  "MoonshotAI/Kimi-K2 README and config.json (61 layers, MLA kv_lora_rank 512 + qk_rope 64, 384 experts top-8, vocab 163,840 × hidden 7,168 untied); DATA.md §3";

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
    moe: { experts: 384, expertsPerToken: 8 },
    // DATA.md gives ~595-610 GB; the upper end, so capacity is not overstated.
    weightBytes: 610e9,
    weightPrecision: "INT4 routed experts (W4A16), BF16 attention, shared expert and embeddings",
    computePrecision: "bf16" as const,
    kvBytesPerElement: 2,
    contextWindowTokens: 262_144,
    source: kimi,
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
    // 3 × (2 × 16 × 128 + 64 × 128) (73,728 B); × 45 layers = 192,061,440 B (DATA.md: ~192 MB).
    linearAttention: {
      layers: 45,
      stateBytesPerSequence: 45 * (64 * 128 * 128 * 4 + 3 * (2 * 16 * 128 + 64 * 128) * 2),
    },
    paramsTotal: 397e9,
    paramsActive: 17e9,
    inputEmbeddingParams: 248_320 * 4_096,
    moe: { experts: 512, expertsPerToken: 10 },
    weightBytes: 794e9,
    weightPrecision: "BF16 (an FP8 release halves this to ~397 GB)",
    computePrecision: "bf16",
    kvBytesPerElement: 2,
    contextWindowTokens: 262_144,
    source:
      "Qwen/Qwen3.5-397B-A17B model card and config.json (60 layers, full_attention_interval 4, 2 KV heads × 256, linear heads 16 key / 64 value × 128, 512 experts top-10, vocab 248,320 untied); DATA.md §3",
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
    moe: { experts: 128, expertsPerToken: 4 },
    weightBytes: 65e9,
    weightPrecision: "MXFP4 experts, BF16 attention and embeddings",
    computePrecision: "bf16",
    kvBytesPerElement: 2,
    contextWindowTokens: 131_072,
    source:
      "OpenAI gpt-oss model card and config.json (36 layers alternating full / 128-token sliding, 64 query heads, 8 KV heads × 64, 128 experts top-4, vocab 201,088 × hidden 2,880); DATA.md §3",
    asOf: ASOF,
  },
  {
    id: "llama-3.1-8b",
    layers: 32,
    attention: { kind: "gqa", layers: 32, queryHeads: 32, kvHeads: 8, headDim: 128 },
    paramsTotal: 8_030_261_248,
    paramsActive: 8_030_261_248,
    inputEmbeddingParams: 128_256 * 4_096,
    weightBytes: 2 * 8_030_261_248,
    weightPrecision: "BF16",
    computePrecision: "bf16",
    kvBytesPerElement: 2,
    contextWindowTokens: 131_072,
    source: llama,
    asOf: ASOF,
  },
  {
    id: "llama-3.1-70b",
    layers: 80,
    attention: { kind: "gqa", layers: 80, queryHeads: 64, kvHeads: 8, headDim: 128 },
    paramsTotal: 70_553_706_496,
    paramsActive: 70_553_706_496,
    inputEmbeddingParams: 128_256 * 8_192,
    weightBytes: 2 * 70_553_706_496,
    weightPrecision: "BF16",
    computePrecision: "bf16",
    kvBytesPerElement: 2,
    contextWindowTokens: 131_072,
    source: llama,
    asOf: ASOF,
  },
];
