import type { Efficiencies, ModelArchitecture, Replica } from "../throughput/types.js";
import type { Distribution } from "./distribution.js";

/** How requests find a replica: the episode's home replica, the longest cached prefix, or in turn. */
export type RolloutRouting = "session-affinity" | "cache-aware" | "round-robin";
export const ROLLOUT_ROUTINGS: readonly RolloutRouting[] = ["session-affinity", "cache-aware", "round-robin"];

/**
 * When the policy's weights change, which invalidates every cached KV: never; after each RL step of
 * `episodesPerStep` episodes, the next step waiting for training (sync RL); or generation running up to
 * `staleSteps` steps ahead of training (async RL).
 */
export type WeightSync =
  | { mode: "none" }
  | { mode: "sync"; episodesPerStep: number }
  | { mode: "async"; episodesPerStep: number; staleSteps: number };

/** The episodes: GRPO groups sharing their first prompt, turns and per-turn tokens drawn per episode. */
export interface RolloutWorkload {
  episodes: number;
  /** Episodes per GRPO group; a group's episodes share their initial prompt (default 1). */
  groupSize: number;
  turns: Distribution;
  initialPromptTokens: number;
  /** Tokens the prompt grows by each turn after the first (the last generation plus the tool's result). */
  addedTokensPerTurn: Distribution;
  generatedTokensPerTurn: Distribution;
  /** Seconds the tool or environment takes after each turn but the last. */
  toolLatencySeconds: Distribution;
  /** Keep the generated tokens' KV for the next turn (default false: the page counts them as new prompt). */
  generatedKvReused?: boolean;
}

/** The engine each replica runs. */
export interface EngineSettings {
  /** Tokens per prefix-cache block (vLLM's block_size). */
  blockTokens: number;
  /** Tokens one step may process: decodes first, then prefill chunks (vLLM's max_num_batched_tokens). */
  tokenBudgetPerStep: number;
  /** Sequences one step may run (vLLM's max_num_seqs). */
  maxSequencesPerReplica: number;
}

/** Everything one simulated rollout needs; every number a parameter. */
export interface RolloutSimulationInput {
  model: ModelArchitecture;
  replica: Replica;
  efficiencies: Efficiencies;
  replicas: number;
  engine: EngineSettings;
  workload: RolloutWorkload;
  /** Episodes in flight at once across the deployment (max_concurrent_rollouts). */
  concurrency: number;
  routing: RolloutRouting;
  weightSync: WeightSync;
  /** Trainer throughput, tokens per second; training then takes tokens × passes ÷ this per step (absent: no time). */
  trainTokensPerSecond?: number;
  /** Passes over each step's tokens (default 1). */
  trainPasses?: number;
  seed: number;
  /** Called now and then with episodes finished, for a progress bar. */
  onProgress?: (episodesDone: number) => void;
}
