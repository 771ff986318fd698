import type { AttentionGeometry, ModelArchitecture } from "./types.js";

/** Cached elements per token in one attention layer: K and V per KV head, or MLA's latent plus rotary key. */
export function kvElementsPerTokenPerLayer(attention: AttentionGeometry): number {
  return attention.kind === "mla"
    ? attention.kvLoraRank + attention.qkRopeHeadDim
    : 2 * attention.kvHeads * attention.headDim;
}

/** Bytes of KV cache one more token of context costs: the sum over full-attention layers (no copies). */
export function kvBytesPerToken(model: ModelArchitecture): number {
  return model.attention.layers * kvElementsPerTokenPerLayer(model.attention) * model.kvBytesPerElement;
}

/** Bytes of sliding-window KV a sequence holds once its context passes the window (an upper bound). */
export function slidingWindowBytesPerSequence(model: ModelArchitecture): number {
  const window = model.slidingWindow;
  if (!window) return 0;
  return (
    window.layers *
    window.windowTokens *
    kvElementsPerTokenPerLayer(model.attention) *
    model.kvBytesPerElement
  );
}

/** Bytes a live sequence holds whatever its length: sliding-window KV plus linear-attention state. */
export function fixedBytesPerSequence(model: ModelArchitecture): number {
  return slidingWindowBytesPerSequence(model) + (model.linearAttention?.stateBytesPerSequence ?? 0);
}
