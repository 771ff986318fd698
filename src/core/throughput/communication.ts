import { modelParts } from "./model-parts.js";
import type { Efficiencies, ModelArchitecture, Replica } from "./types.js";

/** Bytes each GPU sends over one forward pass, and the seconds they take before and after overlap. */
export interface CommunicationSeconds {
  bytesPerGpu: number;
  /** At the interconnect's bandwidth × interconnectFraction. */
  seconds: number;
  /** What is left once `communicationOverlapFraction` of it hides behind computation. */
  exposedSeconds: number;
  kind: "none" | "all-reduce" | "all-to-all";
}

const BF16_BYTES = 2;

/**
 * Bytes per GPU of a pass over `tokens` tokens. Tensor-parallel attention: two ring all-reduces of the
 * bf16 hidden state per layer, 2(n−1)/n of the message each. Data-parallel attention with expert
 * parallelism: per MoE layer each rank dispatches its tokens to the k experts' ranks (FP8 activations
 * where the experts run below bf16) and combines them back in bf16, (n−1)/n of them leaving the GPU.
 */
export function communicationBytesPerGpu(
  model: ModelArchitecture,
  replica: Replica,
  tokens: number,
): { bytesPerGpu: number; kind: CommunicationSeconds["kind"] } {
  const n = replica.gpus;
  const hidden = model.hiddenSize;
  if (n === 1 || hidden === undefined) return { bytesPerGpu: 0, kind: "none" };
  const offRank = (n - 1) / n;
  if (!replica.dataParallelAttention) {
    const bytes = 2 * model.layers * 2 * offRank * tokens * hidden * BF16_BYTES;
    return { bytesPerGpu: bytes, kind: "all-reduce" };
  }
  const moe = model.moe;
  if (!moe) return { bytesPerGpu: 0, kind: "none" };
  const moeLayers = moe.layers ?? model.layers;
  if (replica.expertParallel !== true) {
    // Experts sliced over the ranks: gather every rank's tokens, then reduce-scatter the outputs.
    const bytes = moeLayers * 2 * offRank * tokens * hidden * BF16_BYTES;
    return { bytesPerGpu: bytes, kind: "all-reduce" };
  }
  const dispatchBytes = modelParts(model).experts.math === "bf16" ? BF16_BYTES : 1;
  const bytes =
    moeLayers * (tokens / n) * moe.expertsPerToken * hidden * (dispatchBytes + BF16_BYTES) * offRank;
  return { bytesPerGpu: bytes, kind: "all-to-all" };
}

/**
 * Seconds of a pass's collectives: peers inside the NVLink domain at its per-GPU bandwidth, those beyond
 * it over the scale-out network, scaled by `interconnectFraction`; 0 without an interconnect in the spec.
 */
export function communicationSeconds(
  model: ModelArchitecture,
  replica: Replica,
  efficiencies: Efficiencies,
  tokens: number,
): CommunicationSeconds {
  const { bytesPerGpu, kind } = communicationBytesPerGpu(model, replica, tokens);
  const link = replica.gpu.interconnect;
  if (bytesPerGpu === 0 || !link) return { bytesPerGpu, seconds: 0, exposedSeconds: 0, kind };
  const n = replica.gpus;
  const inside = Math.min(n, link.scaleUpDomainGpus);
  const nearShare = (inside - 1) / (n - 1);
  const secondsPerByte =
    nearShare / link.scaleUpBytesPerSecond + (1 - nearShare) / link.scaleOutBytesPerSecond;
  const seconds = (bytesPerGpu * secondsPerByte) / (efficiencies.interconnectFraction ?? 1);
  const exposedSeconds = seconds * (1 - (efficiencies.communicationOverlapFraction ?? 0));
  return { bytesPerGpu, seconds, exposedSeconds, kind };
}
