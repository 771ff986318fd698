import type { MathPrecision, ModelArchitecture, Replica, WeightFormatSpec } from "./types.js";

/** A model's weights split into the part every token uses and the routed experts, with their formats. */
export interface ModelParts {
  /** Non-expert parameters a forward pass streams (all but the input look-up table). */
  denseStreamedParams: number;
  /** All routed-expert parameters, every MoE layer. */
  expertParams: number;
  /** One expert's parameters summed over the MoE layers. */
  perExpertParams: number;
  dense: WeightFormatSpec;
  experts: WeightFormatSpec;
  /** Bytes of every weight as loaded (input table included). */
  weightBytes: number;
}

/**
 * The dense / routed split of a model: experts from (total − active) ÷ (E − k) per expert; formats from
 * `denseWeights` / `expertWeights`, else weightBytes ÷ paramsTotal at the model's compute precision.
 */
export function modelParts(model: ModelArchitecture): ModelParts {
  const uniform = { bytesPerParam: model.weightBytes / model.paramsTotal, math: model.computePrecision };
  const dense = model.denseWeights ?? uniform;
  const experts = model.expertWeights ?? dense;
  const moe = model.moe;
  const perExpertParams =
    moe && moe.experts > moe.expertsPerToken
      ? (model.paramsTotal - model.paramsActive) / (moe.experts - moe.expertsPerToken)
      : 0;
  const expertParams = perExpertParams * (moe?.experts ?? 0);
  const weightBytes = model.denseWeights
    ? (model.paramsTotal - expertParams) * dense.bytesPerParam + expertParams * experts.bytesPerParam
    : model.weightBytes;
  return {
    denseStreamedParams: model.paramsTotal - model.inputEmbeddingParams - expertParams,
    expertParams,
    perExpertParams,
    dense,
    experts,
    weightBytes,
  };
}

/**
 * Weight bytes one GPU of the replica holds: a 1/n slice of everything, or under data-parallel attention a
 * whole copy of the non-expert weights plus 1/n of the experts.
 */
export function weightBytesPerGpu(model: ModelArchitecture, replica: Replica): number {
  const parts = modelParts(model);
  if (!replica.dataParallelAttention || replica.gpus === 1) return parts.weightBytes / replica.gpus;
  const expertBytes = parts.expertParams * parts.experts.bytesPerParam;
  return parts.weightBytes - expertBytes + expertBytes / replica.gpus;
}

/** Dense peak FLOP/s of one GPU at `math`; FP4 falls back to FP8 and FP8 to bf16 where the GPU lacks it. */
export function peakAt(replica: Replica, math: MathPrecision): number {
  const rates = replica.gpu.denseFlopsPerSecond;
  if (math === "fp4") return rates.fp4 ?? rates.fp8;
  return math === "fp8" ? rates.fp8 : rates.bf16;
}
