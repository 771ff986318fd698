import type { Workload } from "../episode-shape.js";
import { assertInteger } from "../validate.js";
import { validateWorkload } from "../validate-workload.js";
import { decodeSpanSeconds } from "./decode-span.js";
import { kvCapacity } from "./kv-capacity.js";
import { LruTokenCache } from "./lru-token-cache.js";
import { prefillSeconds } from "./prefill-time.js";
import type { Efficiencies, ModelArchitecture, Replica } from "./types.js";

export interface ReplicaSimulationInput {
  model: ModelArchitecture;
  replica: Replica;
  efficiencies: Efficiencies;
  /** The episodes this replica serves, all of one shape. */
  workload: Workload;
  /** Episodes the replica runs at once: they take their turns together and decode as one batch. */
  episodesInFlight: number;
  /** `reuse`: the prefix cache is kept between turns (LRU); `reprefill`: every turn prefills its whole prompt. */
  cache: "reuse" | "reprefill";
  /** Keep the generated tokens' KV for the next turn; false counts them as new prompt tokens, as the page does. */
  generatedKvReused?: boolean;
}

/** The simulated GPU time and cache ledger of one replica. */
export interface ReplicaSimulation {
  ok: true;
  prefillSeconds: number;
  decodeSeconds: number;
  /** prefill + decode: on one replica they take turns on the same GPUs. */
  busySeconds: number;
  clusterHours: number;
  promptTokens: number;
  prefilledTokens: number;
  cacheHitTokens: number;
  /** Prefilled tokens that a cache large enough would have held: the price of eviction. */
  forcedReprefillTokens: number;
  effectiveCacheHitFraction: number;
  /** The sequences decoded together, averaged over generated tokens. */
  meanDecodeBatch: number;
  /** Fewest episodes that ran together at any turn: below the in-flight count when the cache could not hold them all, or in a last, partial wave. */
  minRunningEpisodes: number;
}

/**
 * Simulates a replica turn by turn: episodes run in waves of `episodesInFlight`; each turn every episode
 * prefills what the cache lacks at its current context, then the episodes decode their generated tokens
 * as one batch at growing context, in groups as large as the KV capacity lets run at once. Caches persist
 * between turns under LRU; what was evicted is prefilled again. GPU time is the roofline of each step.
 */
export function simulateReplica(
  input: ReplicaSimulationInput,
): ReplicaSimulation | { ok: false; reason: string } {
  validateWorkload(input.workload);
  assertInteger("episodesInFlight", input.episodesInFlight, 1, input.workload.episodes);
  const { model, replica, efficiencies, workload } = input;
  const {
    turns,
    initialPromptTokens: p1,
    addedTokensPerTurn: added,
    generatedTokensPerTurn: g,
  } = workload.shape;
  const capacity = kvCapacity(model, replica, efficiencies.memoryUtilizationFraction);
  if (!capacity.ok) return capacity;
  const cache = new LruTokenCache(
    capacity.freeBytesPerReplica,
    capacity.bytesPerCachedToken,
    capacity.fixedBytesPerSequence,
  );
  const keepGenerated = input.generatedKvReused === true;
  const totals = {
    prefill: 0,
    decode: 0,
    prompt: 0,
    prefilled: 0,
    hit: 0,
    forced: 0,
    batchTokens: 0,
    minRunning: Infinity,
  };

  for (let waveStart = 0; waveStart < workload.episodes; waveStart += input.episodesInFlight) {
    const wave = Math.min(input.episodesInFlight, workload.episodes - waveStart);
    cache.clear();
    for (let turn = 1; turn <= turns; turn++) {
      const prompt = p1 + (turn - 1) * added;
      const running = Math.floor(
        capacity.freeBytesPerReplica / (cache.bytesPerToken * (prompt + g) + cache.fixedBytesPerEpisode),
      );
      if (running < 1) {
        return {
          ok: false,
          reason: `one episode's context at turn ${turn} (${prompt + g} tokens) does not fit in the replica's KV cache (${capacity.maxCachedTokens} tokens)`,
        };
      }
      const group = Math.min(wave, running);
      totals.minRunning = Math.min(totals.minRunning, group);
      const ideallyNew = turn === 1 ? p1 : added - (keepGenerated ? g : 0);
      for (let first = 0; first < wave; first += group) {
        const size = Math.min(group, wave - first);
        for (let i = first; i < first + size; i++) {
          const episode = waveStart + i;
          const hit = input.cache === "reuse" ? Math.min(cache.cached(episode), prompt) : 0;
          cache.hold(episode, prompt + g);
          totals.prefill += prefillSeconds(model, replica, efficiencies, {
            newTokens: prompt - hit,
            cachedTokens: hit,
          }).seconds;
          totals.prompt += prompt;
          totals.prefilled += prompt - hit;
          totals.hit += hit;
          if (input.cache === "reuse") totals.forced += Math.max(0, prompt - hit - ideallyNew);
        }
        totals.decode += decodeSpanSeconds(model, replica, efficiencies, {
          sequences: size,
          startContextTokens: prompt,
          tokens: g,
        });
        totals.batchTokens += size * size * g;
        for (let i = first; i < first + size; i++)
          cache.hold(waveStart + i, prompt + (keepGenerated ? g : 0));
      }
    }
  }
  const busySeconds = totals.prefill + totals.decode;
  const decodeTokens = workload.episodes * turns * g;
  return {
    ok: true,
    prefillSeconds: totals.prefill,
    decodeSeconds: totals.decode,
    busySeconds,
    clusterHours: busySeconds / 3600,
    promptTokens: totals.prompt,
    prefilledTokens: totals.prefilled,
    cacheHitTokens: totals.hit,
    forcedReprefillTokens: totals.forced,
    effectiveCacheHitFraction: totals.prompt > 0 ? totals.hit / totals.prompt : 0,
    meanDecodeBatch: decodeTokens > 0 ? totals.batchTokens / decodeTokens : 0,
    minRunningEpisodes: totals.minRunning,
  };
}
