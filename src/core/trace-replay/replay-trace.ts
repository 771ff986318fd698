import { assertInteger } from "../validate.js";
import { BlockLru } from "./block-lru.js";
import { inTimestampOrder, type TraceRequest } from "./trace-request.js";
import { matchedBlocks, type TraceRouting, traceRouter } from "./trace-routing.js";

/** Mooncake's block: each hash id stands for 512 prompt tokens. */
export const MOONCAKE_BLOCK_TOKENS = 512;

export interface ReplayOptions {
  /** Tokens of cache per replica (Infinity = unlimited); the cache holds ⌊capacity ÷ block⌋ blocks. */
  capacityTokens: number;
  /** Tokens a hash id stands for (default 512, Mooncake's). */
  blockTokens?: number;
  /** Replicas, each with its own cache of `capacityTokens` (default 1: one cache shared by all). */
  replicas?: number;
  routing?: TraceRouting;
}

/** What a replay found: the tokens a prefix cache of that capacity would have served. */
export interface ReplayResult {
  capacityTokens: number;
  replicas: number;
  routing: TraceRouting;
  requests: number;
  inputTokens: number;
  outputTokens: number;
  /** Σ min(matched blocks × block, input tokens). */
  hitTokens: number;
  hitFraction: number;
  evictedBlocks: number;
  /** The longest request: input + output tokens. */
  peakContextTokens: number;
}

/**
 * Replays `requests` (in stable timestamp order) through LRU block caches: a request's hit is its longest
 * prefix of hash ids all held, counted as min(matched × block, input) tokens; after it, all its blocks
 * are held, the least recently used evicted first.
 */
export function replayTrace(requests: readonly TraceRequest[], options: ReplayOptions): ReplayResult {
  const blockTokens = options.blockTokens ?? MOONCAKE_BLOCK_TOKENS;
  const replicas = options.replicas ?? 1;
  const routing = options.routing ?? "session-affinity";
  assertInteger("blockTokens", blockTokens, 1, 1 << 30);
  assertInteger("replicas", replicas, 1, 100_000);
  const { capacityTokens } = options;
  if (
    !(capacityTokens === Number.POSITIVE_INFINITY || (Number.isFinite(capacityTokens) && capacityTokens >= 0))
  )
    throw new RangeError(`capacityTokens must be a number >= 0 or Infinity, got ${capacityTokens}`);
  const capacityBlocks =
    capacityTokens === Number.POSITIVE_INFINITY ? capacityTokens : Math.floor(capacityTokens / blockTokens);
  const caches = Array.from({ length: replicas }, () => new BlockLru(capacityBlocks));
  const route = traceRouter(routing, caches);
  let inputTokens = 0;
  let outputTokens = 0;
  let hitTokens = 0;
  let peak = 0;
  const ordered = inTimestampOrder(requests);
  for (let i = 0; i < ordered.length; i++) {
    const request = ordered[i] as TraceRequest;
    const cache = caches[route(request, i)] as BlockLru;
    hitTokens += Math.min(matchedBlocks(cache, request) * blockTokens, request.inputTokens);
    for (const id of request.hashIds) cache.touch(id);
    inputTokens += request.inputTokens;
    outputTokens += request.outputTokens;
    peak = Math.max(peak, request.inputTokens + request.outputTokens);
  }
  return {
    capacityTokens,
    replicas,
    routing,
    requests: ordered.length,
    inputTokens,
    outputTokens,
    hitTokens,
    hitFraction: inputTokens > 0 ? hitTokens / inputTokens : 0,
    evictedBlocks: caches.reduce((sum, cache) => sum + cache.evicted, 0),
    peakContextTokens: peak,
  };
}

/** replayTrace at each capacity: the hit rate against capacity. */
export function replayCurve(
  requests: readonly TraceRequest[],
  capacitiesTokens: readonly number[],
  options: Omit<ReplayOptions, "capacityTokens"> = {},
): ReplayResult[] {
  return capacitiesTokens.map((capacityTokens) => replayTrace(requests, { ...options, capacityTokens }));
}
