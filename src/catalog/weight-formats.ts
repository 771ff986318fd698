import type { GpuSpec, MathPrecision, ModelArchitecture } from "../core/throughput/types.js";

/** Weight formats a deployment can serve in. */
export const WEIGHT_FORMAT_IDS = ["bf16", "fp8", "nvfp4", "mxfp4", "int4"] as const;
export type WeightFormatId = (typeof WEIGHT_FORMAT_IDS)[number];

/** KV-cache formats: FP8 halves the bytes (capacity and bandwidth) and runs attention in FP8. */
export const KV_FORMAT_IDS = ["bf16", "fp8"] as const;
export type KvFormatId = (typeof KV_FORMAT_IDS)[number];

interface WeightFormat {
  /** Stored bytes per parameter, block scales included. */
  bytesPerParam: number;
  /** The tensor-core precision the products run at on a GPU with FP4 tensor cores (Blackwell), and without (Hopper). */
  mathWithFp4: MathPrecision;
  mathWithoutFp4: MathPrecision;
  source: string;
}

/** Bytes and tensor-core math of each weight format, with sources. */
export const WEIGHT_FORMATS: Record<WeightFormatId, WeightFormat> = {
  bf16: { bytesPerParam: 2, mathWithFp4: "bf16", mathWithoutFp4: "bf16", source: "2 bytes a weight" },
  fp8: {
    bytesPerParam: 1,
    mathWithFp4: "fp8",
    mathWithoutFp4: "fp8",
    source:
      "FP8 E4M3 with per-block scales (DeepSeek-V3 config.json weight_block_size 128 × 128: < 0.01% extra)",
  },
  nvfp4: {
    // 4-bit E2M1 values plus one FP8 scale per 16: 4 + 8/16 = 4.5 bits.
    bytesPerParam: 4.5 / 8,
    mathWithFp4: "fp4",
    mathWithoutFp4: "fp8",
    source:
      "NVIDIA NVFP4: E2M1 values, one E4M3 scale per 16 (https://developer.nvidia.com/blog/introducing-nvfp4-for-efficient-and-accurate-low-precision-inference/); Hopper has no FP4 tensor cores, so its products run W4A8 through FP8",
  },
  mxfp4: {
    // 4-bit values plus one 8-bit E8M0 scale per 32: 4.25 bits.
    bytesPerParam: 4.25 / 8,
    mathWithFp4: "fp4",
    mathWithoutFp4: "bf16",
    source:
      "OCP Microscaling MXFP4: E2M1 values, one E8M0 scale per 32 (gpt-oss model card); on Hopper TensorRT-LLM's Triton MoE backend dequantizes to bf16 (perf-overview.md llm_options: 'Hopper: use TRITON')",
  },
  int4: {
    // Weight-only INT4 with one bf16 scale per 32 (Kimi K2 Thinking / K2.5 compressed-tensors group size 32).
    bytesPerParam: 4.5 / 8,
    mathWithFp4: "bf16",
    mathWithoutFp4: "bf16",
    source:
      "W4A16 group-32 INT4 (MoonshotAI/Kimi-K2 quantization_config: compressed-tensors, num_bits 4, group_size 32): products dequantize to bf16",
  },
};

/** A deployment's precision: formats of the non-expert weights, the routed experts, and the KV cache. */
export interface PrecisionChoice {
  dense?: WeightFormatId | undefined;
  experts?: WeightFormatId | undefined;
  kv?: KvFormatId | undefined;
}

/**
 * The model as served in `choice` on `gpu`: weight bytes and tensor-core math per part (FP4 math only
 * where the GPU has FP4 tensor cores), KV element bytes and attention math. Unset parts keep the model's.
 */
export function withPrecision(
  model: ModelArchitecture,
  gpu: GpuSpec,
  choice: PrecisionChoice,
): ModelArchitecture {
  const hasFp4 = gpu.denseFlopsPerSecond.fp4 !== undefined;
  const spec = (id: WeightFormatId) => {
    const format = WEIGHT_FORMATS[id];
    return { bytesPerParam: format.bytesPerParam, math: hasFp4 ? format.mathWithFp4 : format.mathWithoutFp4 };
  };
  const uniform = { bytesPerParam: model.weightBytes / model.paramsTotal, math: model.computePrecision };
  const dense = choice.dense ? spec(choice.dense) : (model.denseWeights ?? uniform);
  const experts = choice.experts
    ? spec(choice.experts)
    : choice.dense && !model.expertWeights
      ? dense
      : (model.expertWeights ?? dense);
  const served: ModelArchitecture = { ...model, denseWeights: dense, expertWeights: experts };
  if (choice.kv) {
    served.kvBytesPerElement = choice.kv === "fp8" ? 1 : 2;
    served.attentionMath = choice.kv === "fp8" ? "fp8" : "bf16";
  }
  return served;
}
