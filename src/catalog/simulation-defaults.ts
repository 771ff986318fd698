import type { EngineSettings } from "../core/simulation/rollout-input.js";

/**
 * The serving engine the rollout simulation assumes unless told otherwise: vLLM's settings. Every figure
 * can be overridden on the command line (--block-tokens, --token-budget, --max-seqs).
 */
export const SIMULATION_ENGINE_DEFAULTS: EngineSettings & { source: string; asOf: string; note: string } = {
  blockTokens: 16,
  tokenBudgetPerStep: 8192,
  maxSequencesPerReplica: 256,
  source: "https://docs.vllm.ai/en/latest/configuration/engine_args.html",
  asOf: "2026-12-01",
  note:
    "block_size 16 is vLLM's CUDA default; max_num_seqs 256 and max_num_batched_tokens 8192 are the values vLLM's engine " +
    "picks for large GPUs in common configurations (it varies them by GPU and usage context), so treat them as typical settings",
};

/** Hit below this share of the ideal hit (an unlimited cache, no syncs) counts as the cache no longer surviving. */
export const CACHE_SURVIVAL_FRACTION = {
  value: 0.95,
  source: "rollout-cost's own threshold (a choice, not a measurement): 5% of the reusable prefix lost",
  asOf: "2026-12-01",
} as const;
