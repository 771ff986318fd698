import { clusterSecondsFor } from "../cluster-hours.js";
import type { Workload } from "../episode-shape.js";
import { episodeTokens } from "../episode-tokens.js";
import type { ReplicaSimulation } from "./simulate-replica.js";

/** The page's saturated-constant terms for the same GPUs. */
export interface SaturatedTerms {
  promptTokensPerSecond: number;
  decodeTokensPerSecond: number;
}

/** A dedicated plan priced two ways: the page's constants, and the turn-by-turn simulation. */
export interface DerivedVsSaturated {
  saturated: { clusterHours: number; usdTotal: number; prefillHours: number; decodeHours: number };
  simulated: { clusterHours: number; usdTotal: number; prefillHours: number; decodeHours: number };
  /** simulated ÷ saturated cluster-hours. */
  ratio: number;
  /** Why they differ, one sentence a cause, largest first. */
  explanation: string[];
}

const hours = (seconds: number) => seconds / 3600;
const fmt = (n: number, digits = 2) => n.toLocaleString("en-US", { maximumFractionDigits: digits });

/**
 * Sets the simulated cluster-hours and $ beside the page's figure (uncached prompt ÷ prompt tok/s and
 * decode ÷ decode tok/s, the larger of the two), and says which assumption each gap comes from.
 */
export function derivedVsSaturated(
  workload: Workload,
  simulation: ReplicaSimulation,
  saturated: SaturatedTerms,
  billing: { gpus: number; usdPerGpuHour: number },
): DerivedVsSaturated {
  const tokens = episodeTokens(workload.shape);
  const uncached = tokens.uniquePromptPerEpisode * workload.episodes;
  const decode = tokens.decodePerEpisode * workload.episodes;
  const pagePrefill = uncached / saturated.promptTokensPerSecond;
  const pageDecode = decode / saturated.decodeTokensPerSecond;
  const pageSeconds = clusterSecondsFor({
    uncachedPromptTokens: uncached,
    decodeTokens: decode,
    promptTokensPerSecond: saturated.promptTokensPerSecond,
    decodeTokensPerSecond: saturated.decodeTokensPerSecond,
  });
  const usd = (seconds: number) => hours(seconds) * billing.gpus * billing.usdPerGpuHour;
  const rate = (tokens: number, seconds: number) => (seconds > 0 ? tokens / seconds : 0);
  const simPrefillRate = rate(simulation.prefilledTokens, simulation.prefillSeconds);
  const simDecodeRate = rate(decode, simulation.decodeSeconds);
  const explanation = [
    `prefill: the page prefills ${fmt(uncached, 0)} uncached tokens at a constant ${fmt(saturated.promptTokensPerSecond, 0)} tok/s (${fmt(hours(pagePrefill))} h); the simulation prefills ${fmt(simulation.prefilledTokens, 0)} tokens at ${fmt(simPrefillRate, 0)} tok/s on average, each new token attending to its whole cached context, so the rate falls as the episode grows (${fmt(hours(simulation.prefillSeconds))} h)`,
    `decode: the page decodes ${fmt(decode, 0)} tokens at a constant ${fmt(saturated.decodeTokensPerSecond, 0)} tok/s (${fmt(hours(pageDecode))} h); the simulation reaches ${fmt(simDecodeRate, 0)} tok/s with ${fmt(simulation.meanDecodeBatch, 1)} sequences a step on average, each step re-reading the weights and every sequence's KV (${fmt(hours(simulation.decodeSeconds))} h)`,
    `overlap: the page counts only the longer of prefill and decode (max); on one replica they take turns on the same GPUs, so the simulation adds them`,
  ];
  if (simulation.forcedReprefillTokens > 0) {
    explanation.push(
      `eviction: the in-flight episodes' caches do not all fit, so LRU eviction forced ${fmt(simulation.forcedReprefillTokens, 0)} tokens to be prefilled again; effective cache hit ${fmt(simulation.effectiveCacheHitFraction * 100, 1)}% instead of ${fmt(tokens.cacheHitPercent, 1)}%`,
    );
  }
  return {
    saturated: {
      clusterHours: hours(pageSeconds),
      usdTotal: usd(pageSeconds),
      prefillHours: hours(pagePrefill),
      decodeHours: hours(pageDecode),
    },
    simulated: {
      clusterHours: simulation.clusterHours,
      usdTotal: usd(simulation.busySeconds),
      prefillHours: hours(simulation.prefillSeconds),
      decodeHours: hours(simulation.decodeSeconds),
    },
    ratio: pageSeconds > 0 ? simulation.busySeconds / pageSeconds : 1,
    explanation,
  };
}
