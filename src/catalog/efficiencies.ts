import type { EfficiencyDefaults } from "./hardware-schema.js";

// The throughput model's efficiency factors. The fractions were fitted 2026-11 on the H100 measurements of
// the H100 measurements made for this project (docs/throughput.md: PyTorch 2.11 eager + SDPA, bf16, Llama-3.1-8B shape); the serving-engine terms 2026-12 by
// least squares (log space) on the 35 points of the TensorRT-LLM 1.2 performance table. docs/throughput.md shows both fits.
const fitted =
  "fitted to rollout-cost's own H100 measurements (one H100 80GB HBM3, PyTorch 2.11 eager + SDPA, bf16), tabled in docs/throughput.md, 2026-11";
const trtllm =
  "least-squares fit (log space, 7 parameters, 35 points) to the TensorRT-LLM 1.2 performance table, https://github.com/NVIDIA/TensorRT-LLM/blob/03e27c7d5ff0c6e89f8328838c0a8e64f1b34f9d/docs/source/developer-guide/perf-overview.md (kept as test/fixtures/trtllm-perf-overview.json), 2026-12-01";

/**
 * A serving engine that replays CUDA graphs (vLLM, SGLang, TensorRT-LLM): the §5 fractions with no host
 * overhead per step, plus the terms a roofline misses, fitted on TensorRT-LLM's published table. The
 * default for every GPU.
 */
export const SERVING_EFFICIENCIES: EfficiencyDefaults = {
  id: "serving",
  matmulFraction: 0.637,
  attentionFraction: 0.546,
  bandwidthFraction: 0.7,
  memoryUtilizationFraction: 0.9,
  stepOverheadSecondsPerLayer: 0,
  lowPrecisionMatmulFraction: { fp8: 0.48, fp4: 0.36 },
  weightOnlyGemmFraction: 0.58,
  moeGroupedGemmFraction: 0.54,
  routingImbalance: 2.1,
  stepLatencySecondsPerLayer: 30e-6,
  stepSecondsPerSequence: 18.4e-6,
  interconnectFraction: 1,
  communicationOverlapFraction: 0,
  note: `matmul and attention fractions from the §5 prefill fit (630 and 540 TFLOP/s of 989); bandwidth the minimax fit of §5 decode at batch >= 32; memory utilisation is vLLM's default gpu_memory_utilization 0.9; no host overhead (CUDA graphs). FP8/FP4 matmul fractions, weight-only (W4A16) GEMM fraction, MoE grouped-GEMM fraction, routing imbalance, per-layer latency floor and per-sequence step time: ${trtllm}; interconnect at its spec bandwidth and no communication overlap (the table's llm_options enable no two-batch overlap)`,
  source: `${fitted}; ${trtllm}`,
  asOf: "2026-12-01",
};

/**
 * The §5 harness itself: eager PyTorch launches every kernel from the host, which sets a floor of about
 * 11 ms per decode step for 32 layers. Use it to reproduce §5's small-batch decode, not to price serving.
 * The serving engine's fitted terms are off: they describe TensorRT-LLM's executor, not this harness.
 */
export const EAGER_EFFICIENCIES: EfficiencyDefaults = {
  id: "eager",
  matmulFraction: 0.637,
  attentionFraction: 0.546,
  bandwidthFraction: 0.7,
  memoryUtilizationFraction: 0.9,
  stepOverheadSecondsPerLayer: 0.00035,
  note: "the §5 fractions, plus a host floor of 0.35 ms per layer per step (§5's 1 × 2K decode: 11.2 ms a step for 32 layers, about twice the bytes-moved time)",
  source: fitted,
  asOf: "2026-11-20",
};

export const EFFICIENCY_PROFILES: EfficiencyDefaults[] = [SERVING_EFFICIENCIES, EAGER_EFFICIENCIES];

/**
 * TensorRT-LLM's trtllm-bench caps: at most 4,096 sequences in flight and 32,768 tokens an iteration
 * (tensorrt_llm/bench/build/tuning.py finetune_setting, NVIDIA/TensorRT-LLM).
 */
export const ENGINE_LIMITS = {
  maxBatchPerGroup: 4096,
  maxTokensPerStep: 32_768,
  source:
    "https://github.com/NVIDIA/TensorRT-LLM/blob/main/tensorrt_llm/bench/build/tuning.py (finetune_setting: min(kv_cache_max_requests, 4096), min(bs × (1 + ISL/OSL), 32768)), read 2026-12-01",
  asOf: "2026-12-01",
} as const;
