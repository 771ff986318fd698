import type { IntervalFigures } from "./interval-figures.js";

/** The thresholds of the saturation verdict, each with why it is where it is. */
export const SATURATION_THRESHOLDS = {
  kvUsageFraction: {
    value: 0.9,
    why:
      "vLLM preempts (evicts and later recomputes) running requests only when the KV cache has no free " +
      "block, and SGLang retracts them likewise; at 90% a replica has room for about one more long " +
      "multi-turn context, so new work starts to wait on memory rather than compute",
  },
  sustainedScrapes: {
    value: 3,
    why:
      "one scrape with a queue or a full cache is a burst (an RL step's rollouts arrive together); the " +
      "same three scrapes in a row is a backlog the deployment is not clearing",
  },
  idleTokensPerSecond: {
    value: 1,
    why: "under one prompt or generated token a second, the deployment is doing no rollout work at all",
  },
} as const;

export type SaturationVerdict = "saturated" | "headroom" | "idle" | "unknown";

export interface Saturation {
  verdict: SaturationVerdict;
  /** Why, in words: each signal that decided it. */
  reasons: string[];
  /** What to do about it, after the Fireworks page's "Check utilization before scaling". */
  advice: string;
}

const ADVICE: Record<SaturationVerdict, string> = {
  saturated:
    "the deployment is the bottleneck: more rollout concurrency will only queue; add replicas or GPUs to go faster",
  headroom:
    "the deployment can take more work: raise rollout concurrency (e.g. max_concurrent_rollouts) before adding replicas",
  idle: "the deployment is waiting for work: the rollout client is not sending requests",
  unknown: "not enough scrapes yet, or the endpoint exports neither a queue nor KV use",
};

const percent = (x: number) => `${(x * 100).toFixed(0)}%`;

/**
 * The saturation verdict over the most recent intervals (oldest first): saturated when requests waited
 * in every one of the last `sustainedScrapes` intervals, or KV use stayed at or above the threshold
 * in each, or requests were preempted in the latest; idle when almost no tokens moved; headroom when
 * nothing waited and KV use was below the threshold; unknown otherwise.
 */
export function saturationVerdict(recent: readonly IntervalFigures[]): Saturation {
  const { kvUsageFraction, sustainedScrapes, idleTokensPerSecond } = SATURATION_THRESHOLDS;
  const latest = recent[recent.length - 1];
  const verdict = (v: SaturationVerdict, reasons: string[]): Saturation => ({
    verdict: v,
    reasons,
    advice: ADVICE[v],
  });
  if (!latest) return verdict("unknown", ["no interval measured yet"]);
  const window = recent.slice(-sustainedScrapes.value);
  const full = window.length === sustainedScrapes.value;
  const reasons: string[] = [];
  if (full && window.every((f) => f.waiting !== null && f.waiting > 0))
    reasons.push(
      `requests waiting in each of the last ${sustainedScrapes.value} scrapes (now ${latest.waiting})`,
    );
  if (full && window.every((f) => f.kvUsageFraction !== null && f.kvUsageFraction >= kvUsageFraction.value))
    reasons.push(
      `KV cache at or above ${percent(kvUsageFraction.value)} in each of the last ${sustainedScrapes.value} scrapes (now ${percent(latest.kvUsageFraction ?? 0)})`,
    );
  if (latest.preemptions !== null && latest.preemptions > 0)
    reasons.push(`${latest.preemptions} request(s) preempted for lack of KV cache`);
  if (reasons.length > 0) return verdict("saturated", reasons);

  const tokens = (latest.promptTokensPerSecond ?? 0) + (latest.generationTokensPerSecond ?? 0);
  const measured = latest.promptTokensPerSecond !== null || latest.generationTokensPerSecond !== null;
  if (measured && tokens < idleTokensPerSecond.value && (latest.running ?? 0) === 0)
    return verdict("idle", ["no tokens processed and no request running"]);
  if (latest.waiting === null && latest.kvUsageFraction === null)
    return verdict("unknown", ["the endpoint exports neither a queue length nor KV use"]);
  const calm: string[] = [];
  if (latest.waiting !== null)
    calm.push(latest.waiting > 0 ? `${latest.waiting} waiting (a burst so far)` : "nothing waiting");
  if (latest.kvUsageFraction !== null)
    calm.push(
      latest.kvUsageFraction >= kvUsageFraction.value
        ? `KV cache ${percent(latest.kvUsageFraction)} (at or above ${percent(kvUsageFraction.value)}, not yet for ${sustainedScrapes.value} scrapes)`
        : `KV cache ${percent(latest.kvUsageFraction)} (below ${percent(kvUsageFraction.value)})`,
    );
  return verdict("headroom", calm);
}
