import type { Workload } from "../episode-shape.js";
import { assertInteger } from "../validate.js";
import { validateWorkload } from "../validate-workload.js";
import { decodeSpanSeconds } from "./decode-span.js";
import { kvCapacity } from "./kv-capacity.js";
import { LruTokenCache } from "./lru-token-cache.js";
import { prefillSeconds } from "./prefill-time.js";
import type { Efficiencies, ModelArchitecture, Replica } from "./types.js";

/** More sequences than any engine runs at once on one replica; bounds the simulation's work. */
export const MAX_EPISODES_IN_FLIGHT = 100_000;

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
 * Simulates a replica turn by turn: episodes run in waves of `episodesInFlight` (identical waves are
 * simulated once and repeated); each turn every episode
 * prefills what the cache lacks at its current context, then the episodes decode their generated tokens
 * as one batch at growing context, in groups as large as the KV capacity lets run at once. Caches persist
 * between turns under LRU; what was evicted is prefilled again. GPU time is the roofline of each step.
 */
export function simulateReplica(
  input: ReplicaSimulationInput,
): ReplicaSimulation | { ok: false; reason: string } {
  validateWorkload(input.workload);
  assertInteger(
    "episodesInFlight",
    input.episodesInFlight,
    1,
    Math.min(input.workload.episodes, MAX_EPISODES_IN_FLIGHT),
  );
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
  type Totals = Record<
    "prefill" | "decode" | "prompt" | "prefilled" | "hit" | "forced" | "batchTokens",
    number
  >;

  // One wave of `wave` episodes from an empty cache (the last wave's caches share no prefix with the next).
  const simulateWave = (
    wave: number,
  ): { totals: Totals; minRunning: number } | { ok: false; reason: string } => {
    const totals: Totals = {
      prefill: 0,
      decode: 0,
      prompt: 0,
      prefilled: 0,
      hit: 0,
      forced: 0,
      batchTokens: 0,
    };
    let minRunning = wave;
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
      minRunning = Math.min(minRunning, group);
      const ideallyNew = turn === 1 ? p1 : added - (keepGenerated ? g : 0);
      for (let first = 0; first < wave; first += group) {
        const size = Math.min(group, wave - first);
        const sideBySide = replica.dataParallelAttention ? Math.min(replica.gpus, size) : 1;
        for (let episode = first; episode < first + size; episode++) {
          const hit = input.cache === "reuse" ? Math.min(cache.cached(episode), prompt) : 0;
          cache.hold(episode, prompt + g);
          // Under data-parallel attention the group's prompts prefill side by side, one per rank.
          totals.prefill +=
            prefillSeconds(model, replica, efficiencies, {
              newTokens: prompt - hit,
              cachedTokens: hit,
              sequences: sideBySide,
            }).seconds / sideBySide;
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
        for (let episode = first; episode < first + size; episode++) {
          cache.hold(episode, prompt + (keepGenerated ? g : 0));
        }
      }
    }
    return { totals, minRunning };
  };

  // Every full wave runs the same way, so one is simulated and counted as many times as it repeats.
  const fullWaves = Math.floor(workload.episodes / input.episodesInFlight);
  const lastWave = workload.episodes - fullWaves * input.episodesInFlight;
  const totals: Totals = {
    prefill: 0,
    decode: 0,
    prompt: 0,
    prefilled: 0,
    hit: 0,
    forced: 0,
    batchTokens: 0,
  };
  let minRunning = input.episodesInFlight;
  for (const [size, repeats] of [
    [input.episodesInFlight, fullWaves],
    [lastWave, 1],
  ] as const) {
    if (size === 0 || repeats === 0) continue;
    const result = simulateWave(size);
    if ("ok" in result) return result;
    for (const key of Object.keys(totals) as (keyof Totals)[]) totals[key] += result.totals[key] * repeats;
    minRunning = Math.min(minRunning, result.minRunning);
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
    minRunningEpisodes: minRunning,
  };
}
