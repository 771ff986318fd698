// Which exported metric gives which quantity, per serving engine: the one table `watch` reads.
// Where an engine renamed a metric, the names are listed newest first and the first one present wins.

export const ENGINES = ["vllm", "sglang", "fireworks"] as const;
export type Engine = (typeof ENGINES)[number];

/** The quantities `watch` reads from an endpoint. Token quantities are counts of tokens. */
export type Quantity =
  | "promptTokens"
  | "generationTokens"
  /** Prompt tokens looked up in the prefix cache (vLLM's queries). */
  | "cacheQueryTokens"
  /** Of those, the tokens found (vLLM's hits). */
  | "cacheHitTokens"
  /** Prompt tokens served from the cache (SGLang, Fireworks). */
  | "cachedPromptTokens"
  /** A server-computed hit fraction (0..1), used only where the token counters are absent. */
  | "cacheHitFraction"
  | "preemptions"
  | "requests"
  | "running"
  | "waiting"
  /** KV cache in use, 0..1. */
  | "kvUsageFraction";

/**
 * counter: a running total (its delta between scrapes is the work done; a fall is a restart);
 * rate: the server already gives per-second rates (Fireworks: over 1-minute windows);
 * gauge: a level now. Series of one metric are summed (counters, rates, request counts) or their
 * maximum taken (KV use: the fullest engine saturates first).
 */
export interface MetricSource {
  names: readonly string[];
  kind: "counter" | "rate" | "gauge";
  combine: "sum" | "max";
}

export interface EngineMetrics {
  label: string;
  source: string;
  asOf: string;
  metrics: Partial<Record<Quantity, MetricSource>>;
}

const counter = (...names: string[]): MetricSource => ({ names, kind: "counter", combine: "sum" });
const rate = (...names: string[]): MetricSource => ({ names, kind: "rate", combine: "sum" });
const gauge = (combine: "sum" | "max", ...names: string[]): MetricSource => ({
  names,
  kind: "gauge",
  combine,
});

/** The metric names each engine exports, with where they were read. */
export const ENGINE_METRICS: Record<Engine, EngineMetrics> = {
  vllm: {
    label: "vLLM",
    // vllm/v1/metrics/loggers.py: "Deprecated in 0.9 - Renamed as vllm:kv_cache_usage_perc" (and
    // vllm:gpu_prefix_cache_queries/hits → vllm:prefix_cache_queries/hits); counters get prometheus_client's
    // _total suffix. vllm:gpu_prefix_cache_hit_rate is the V0 engine's gauge (docs/usage/metrics.md lists
    // it as deprecated, "replaced by queries+hits counters in V1").
    source:
      "https://github.com/vllm-project/vllm/blob/main/vllm/v1/metrics/loggers.py; https://docs.vllm.ai/en/stable/usage/metrics/",
    asOf: "2026-12-01",
    metrics: {
      promptTokens: counter("vllm:prompt_tokens_total"),
      generationTokens: counter("vllm:generation_tokens_total"),
      cacheQueryTokens: counter("vllm:prefix_cache_queries_total", "vllm:gpu_prefix_cache_queries_total"),
      cacheHitTokens: counter("vllm:prefix_cache_hits_total", "vllm:gpu_prefix_cache_hits_total"),
      cacheHitFraction: gauge("max", "vllm:gpu_prefix_cache_hit_rate"),
      preemptions: counter("vllm:num_preemptions_total"),
      requests: counter("vllm:request_success_total"),
      running: gauge("sum", "vllm:num_requests_running"),
      waiting: gauge("sum", "vllm:num_requests_waiting"),
      kvUsageFraction: gauge("max", "vllm:kv_cache_usage_perc", "vllm:gpu_cache_usage_perc"),
    },
  },
  sglang: {
    label: "SGLang",
    // cached_tokens_total carries a cache_source label (device, host, storage): its series are summed.
    source: "https://docs.sglang.io/docs/references/production_metrics",
    asOf: "2026-12-01",
    metrics: {
      promptTokens: counter("sglang:prompt_tokens_total"),
      generationTokens: counter("sglang:generation_tokens_total"),
      cachedPromptTokens: counter("sglang:cached_tokens_total"),
      cacheHitFraction: gauge("max", "sglang:cache_hit_rate"),
      requests: counter("sglang:num_requests_total"),
      running: gauge("sum", "sglang:num_running_reqs"),
      waiting: gauge("sum", "sglang:num_queue_reqs"),
      kvUsageFraction: gauge("max", "sglang:token_usage"),
    },
  },
  fireworks: {
    label: "Fireworks deployment",
    // "Rate Metrics (per second) ... calculated using 1-minute windows"; no generated-token rate and no
    // queue length are exported (queueing is only a latency histogram).
    source: "https://docs.fireworks.ai/deployments/exporting-metrics",
    asOf: "2026-12-01",
    metrics: {
      promptTokens: rate("tokens_prompt_total:sum_by_deployment"),
      cachedPromptTokens: rate("tokens_cached_prompt_total:sum_by_deployment"),
      requests: rate("request_counter_total:sum_by_deployment"),
      running: gauge("sum", "requests_coordinator_concurrent_count:avg_by_deployment"),
      kvUsageFraction: gauge("max", "generator_kv_blocks_fraction:avg_by_deployment"),
    },
  },
};
