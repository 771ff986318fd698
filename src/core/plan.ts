import type { Overlap } from "./cluster-hours.js";

/** Per-token rates in $ per 1M tokens; an absent cached rate means cached prompt tokens pay full prefill. */
export interface PerTokenPlanRates {
  usdPerMillionPrefill: number;
  /** Prompt tokens served from the prefix cache; absent = billed at `usdPerMillionPrefill` (no discount). */
  usdPerMillionCachedPrefill?: number;
  usdPerMillionSample: number;
  /** Tokens trained (per pass); absent = the plan does not sell training. */
  usdPerMillionTrain?: number;
}

/** A longer-context price tier: it applies when the episode's final context exceeds the tiers below it. */
export interface ContextTier extends PerTokenPlanRates {
  /** The most context (prompt + generation) the tier serves, tokens. */
  maxContextTokens: number;
  label: string;
}

/** Compute bought by the token. The base rates serve up to `maxContextTokens` (absent = any context). */
export interface PerTokenPlan extends PerTokenPlanRates {
  kind: "per-token";
  id: string;
  label: string;
  provider: string;
  maxContextTokens?: number;
  /** Label of the base tier, e.g. "32K"; shown when tiers exist. */
  tierLabel?: string;
  /** Longer-context tiers, any order; the smallest that holds the episode's final context is used. */
  contextTiers?: ContextTier[];
  source: string;
  asOf?: string;
}

/** Compute bought by the GPU-hour at saturated, constant cluster throughputs (the Fireworks page's model). */
export interface GpuHourPlan {
  kind: "gpu-hour";
  id: string;
  label: string;
  provider: string;
  gpuType: string;
  gpus: number;
  usdPerGpuHour: number;
  rateSource: string;
  rateAsOf?: string;
  /** Cluster-wide prefill throughput, tokens per second. */
  promptTokensPerSecond: number;
  /** Cluster-wide decode throughput, tokens per second. */
  decodeTokensPerSecond: number;
  throughputSource: string;
  overlap: Overlap;
  /** Hours billed at the least, e.g. a reservation; absent = billed for busy time only (the page's). */
  minimumBilledHours?: number;
}

export type Plan = PerTokenPlan | GpuHourPlan;

/** One figure a bill used, named, with where it came from. */
export interface Assumption {
  name: string;
  value: string | number;
  source?: string;
}

/** Training priced with the rollouts: one RL step trains on what it rolled out. */
export interface TrainingEstimate {
  tokensTrained: number;
  passes: number;
  usdTraining: number;
  /** Hours the plan's own GPUs spend training (gpu-hour plans only). */
  clusterHours?: number;
  /** Rollouts plus training for one step. */
  usdStep: number;
  steps: number;
  /** usdStep × steps. */
  usdRun: number;
}

/** One plan's bill for a workload. */
export interface PlanEstimate {
  id: string;
  label: string;
  kind: Plan["kind"];
  provider: string;
  /** $ for the workload's rollouts (all its episodes). */
  usdTotal: number;
  usdPerEpisode: number;
  /** Busy cluster-hours, for gpu-hour plans. */
  clusterHours?: number;
  /** The context tier the bill used, for per-token plans with tiers. */
  tier?: string;
  training?: TrainingEstimate;
  assumptions: Assumption[];
  warnings: string[];
}
