import type { ModelArchitecture, Replica } from "./types.js";

/**
 * How many copies of each token's KV a replica keeps. Tensor parallelism splits KV heads across ranks, so
 * with fewer KV heads than ranks each head is copied (ranks ÷ KV heads); MLA's one latent head is copied on
 * every rank. Data-parallel attention gives each rank its own sequences instead: one copy.
 */
export function kvCopiesPerReplica(model: ModelArchitecture, replica: Replica): number {
  if (replica.dataParallelAttention || replica.gpus === 1) return 1;
  const heads = model.attention.kind === "mla" ? 1 : model.attention.kvHeads;
  return replica.gpus / Math.min(replica.gpus, heads);
}
