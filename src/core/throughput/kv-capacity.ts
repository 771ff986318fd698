import { kvBytesPerToken, slidingWindowBytesPerSequence } from "./kv-bytes.js";
import { kvCopiesPerReplica } from "./kv-copies.js";
import { weightBytesPerGpu as weightBytesPerGpu_ } from "./model-parts.js";
import type { ModelArchitecture, Replica } from "./types.js";

/** A replica's room for KV cache once its weights are loaded. */
export type KvCapacity =
  | {
      ok: true;
      /** HBM × memory utilisation − this GPU's share of the weights. */
      freeBytesPerGpu: number;
      freeBytesPerReplica: number;
      kvCopies: number;
      /** Replica-wide bytes one cached token occupies, copies included. */
      bytesPerCachedToken: number;
      /** Bytes each live sequence holds whatever its length (sliding window, linear state), copies included. */
      fixedBytesPerSequence: number;
      /** Tokens of cache the replica holds, ignoring per-sequence fixed state. */
      maxCachedTokens: number;
    }
  | { ok: false; reason: string };

/**
 * KV capacity of one replica: free HBM after each GPU's weights (a 1/n slice, or under data-parallel attention
 * a whole non-expert copy plus 1/n of the experts) at `memoryUtilizationFraction`, copies per rank counted.
 */
export function kvCapacity(
  model: ModelArchitecture,
  replica: Replica,
  memoryUtilizationFraction: number,
): KvCapacity {
  const usableBytesPerGpu = replica.gpu.hbmBytes * memoryUtilizationFraction;
  const weightBytesPerGpu = weightBytesPerGpu_(model, replica);
  const freeBytesPerGpu = usableBytesPerGpu - weightBytesPerGpu;
  if (freeBytesPerGpu <= 0) {
    const gb = (bytes: number) => (bytes / 1e9).toFixed(1);
    return {
      ok: false,
      reason: `weights need ${gb(weightBytesPerGpu)} GB per GPU but ${replica.gpus} × ${replica.gpu.id} leave ${gb(usableBytesPerGpu)} GB each at ${memoryUtilizationFraction} memory utilisation`,
    };
  }
  const kvCopies = kvCopiesPerReplica(model, replica);
  const bytesPerCachedToken = kvBytesPerToken(model) * kvCopies;
  const freeBytesPerReplica = freeBytesPerGpu * replica.gpus;
  return {
    ok: true,
    freeBytesPerGpu,
    freeBytesPerReplica,
    kvCopies,
    bytesPerCachedToken,
    // Sliding-window KV is copied like the full layers' KV; linear-attention state splits by head.
    fixedBytesPerSequence:
      slidingWindowBytesPerSequence(model) * kvCopies + (model.linearAttention?.stateBytesPerSequence ?? 0),
    maxCachedTokens: Math.floor(freeBytesPerReplica / bytesPerCachedToken),
  };
}
