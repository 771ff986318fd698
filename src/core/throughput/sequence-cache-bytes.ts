import { kvBytesPerToken, slidingWindowBytesPerSequence } from "./kv-bytes.js";
import { kvCopiesPerReplica } from "./kv-copies.js";
import type { ModelArchitecture, Replica } from "./types.js";

/**
 * Replica-wide bytes of cache one sequence at `contextTokens` holds (and a decode step reads): its full-layer
 * KV and its sliding-window KV, each times the copies the replica keeps, plus linear-attention state.
 */
export function sequenceCacheBytes(
  model: ModelArchitecture,
  replica: Replica,
  contextTokens: number,
): number {
  const copies = kvCopiesPerReplica(model, replica);
  const windowTokens = model.slidingWindow?.windowTokens ?? 0;
  const sliding =
    windowTokens > 0
      ? (slidingWindowBytesPerSequence(model) * Math.min(contextTokens, windowTokens)) / windowTokens
      : 0;
  const linear = model.linearAttention?.stateBytesPerSequence ?? 0;
  return (kvBytesPerToken(model) * contextTokens + sliding) * copies + linear;
}
