import type { WorkloadTokens } from "../workload-tokens.js";
import type { ReprefillCause, TimelineBucket } from "./rollout-ledger.js";

/** One RL step: its rollouts (the slowest episode holds a sync trainer), then its training. */
export interface RlStepRecord {
  step: number;
  episodes: number;
  startSeconds: number;
  rolloutEndSeconds: number;
  trainStartSeconds: number;
  trainSeconds: number;
  endSeconds: number;
  slowestEpisodeSeconds: number;
  medianEpisodeSeconds: number;
  /** Tokens trained: each episode's whole trajectory (final prompt + generation). */
  tokensTrained: number;
}

/** What a simulated rollout took and what its caches kept. */
export interface RolloutSimulation {
  ok: true;
  /** From the first request to the last episode's end (or the last training, with weight sync). */
  wallClockSeconds: number;
  /** Σ over replicas of their busy step time. */
  busySeconds: number;
  busySecondsPerReplica: number[];
  /** busy ÷ (wall-clock × replicas). */
  utilisationFraction: number;
  /** Wall-clock × replicas × GPUs per replica ÷ 3600: what a dedicated deployment bills. */
  gpuHours: number;
  busyGpuHours: number;
  /** The prompt, cached and decode tokens, for pricing on every plan. */
  tokens: WorkloadTokens;
  prefilledTokens: number;
  cacheHitFraction: number;
  /** The hit an unlimited cache with no weight sync and perfect affinity would give. */
  idealCacheHitFraction: number;
  hitByTurn: { turn: number; promptTokens: number; hitTokens: number; cacheHitFraction: number }[];
  reprefilledTokens: Record<ReprefillCause, number>;
  preemptions: number;
  /** Sequences decoded together, averaged over decode steps. */
  meanDecodeBatch: number;
  timeline: TimelineBucket[];
  steps: RlStepRecord[];
  /** Σ of every turn's tool latency (episode-seconds spent waiting on the environment). */
  environmentSeconds: number;
  episodeSeconds: { mean: number; p50: number; max: number };
  kvCapacityTokensPerReplica: number;
}
