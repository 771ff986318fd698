import type { BlockLru } from "./block-lru.js";
import type { TraceRequest } from "./trace-request.js";

/** How requests are spread over replicas, each with its own cache. */
export type TraceRouting = "session-affinity" | "cache-aware" | "round-robin";

export const TRACE_ROUTINGS: readonly TraceRouting[] = ["session-affinity", "cache-aware", "round-robin"];

/** Blocks of `request`'s prefix that `cache` holds: its leading hash ids, up to the first one absent. */
export function matchedBlocks(cache: BlockLru, request: TraceRequest): number {
  let matched = 0;
  for (const id of request.hashIds) {
    if (!cache.has(id)) break;
    matched++;
  }
  return matched;
}

/**
 * A router over `replicas` caches. Session affinity keys a request by its first block (a conversation's
 * root), giving each new key the next replica in turn; cache-aware picks the longest prefix match, ties to
 * the replica with fewest requests so far, then the lowest index; round-robin takes replicas in turn.
 */
export function traceRouter(
  routing: TraceRouting,
  caches: readonly BlockLru[],
): (request: TraceRequest, index: number) => number {
  const replicas = caches.length;
  if (replicas === 1) return () => 0;
  if (routing === "round-robin") return (_request, index) => index % replicas;
  if (routing === "session-affinity") {
    const home = new Map<number, number>();
    return (request, index) => {
      const key = request.hashIds[0];
      if (key === undefined) return index % replicas;
      let replica = home.get(key);
      if (replica === undefined) {
        replica = home.size % replicas;
        home.set(key, replica);
      }
      return replica;
    };
  }
  const load = new Array<number>(replicas).fill(0);
  return (request) => {
    let best = 0;
    let bestMatched = -1;
    for (let r = 0; r < replicas; r++) {
      const matched = matchedBlocks(caches[r] as BlockLru, request);
      if (matched > bestMatched || (matched === bestMatched && (load[r] ?? 0) < (load[best] ?? 0))) {
        best = r;
        bestMatched = matched;
      }
    }
    load[best] = (load[best] ?? 0) + 1;
    return best;
  };
}
