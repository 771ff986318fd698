import { modelParts } from "./model-parts.js";
import type { ModelArchitecture, Replica } from "./types.js";

/** Weight bytes of one forward pass, split into the non-expert part and the routed experts. */
export interface WeightBytesSplit {
  denseBytes: number;
  expertBytes: number;
}

/**
 * Weight bytes one forward pass over `tokens` tokens reads from HBM, replica-wide: the non-expert weights
 * (once per rank under data-parallel attention, since each rank holds its own copy); of a mixture of
 * experts, the expected share of experts at least one token routes to, 1 − (1 − k/E)^tokens under uniform
 * routing. Input embeddings are looked up, not streamed.
 */
export function weightBytesSplit(
  model: ModelArchitecture,
  tokens: number,
  replica?: Replica,
): WeightBytesSplit {
  const parts = modelParts(model);
  const copies = replica?.dataParallelAttention ? replica.gpus : 1;
  const denseBytes = parts.denseStreamedParams * parts.dense.bytesPerParam * copies;
  const moe = model.moe;
  if (!moe || parts.expertParams === 0) return { denseBytes, expertBytes: 0 };
  const touched = 1 - (1 - moe.expertsPerToken / moe.experts) ** Math.max(1, tokens);
  return { denseBytes, expertBytes: parts.expertParams * parts.experts.bytesPerParam * touched };
}

/** weightBytesSplit's total: the weight bytes a forward pass over `tokens` tokens reads. */
export function weightBytesRead(model: ModelArchitecture, tokens: number, replica?: Replica): number {
  const split = weightBytesSplit(model, tokens, replica);
  return split.denseBytes + split.expertBytes;
}
