import type { EfficiencyDefaults } from "./hardware-schema.js";

// The throughput model's efficiency factors. Fitted 2026-11 on the H100 measurements of DATA.md §5
// (PyTorch 2.11 eager + SDPA, bf16, Llama-3.1-8B shape); docs/throughput.md shows the fit.
const fitted = "fitted to DATA.md §5 (one H100 80GB HBM3, PyTorch 2.11 eager + SDPA, bf16), 2026-11";

/**
 * A serving engine that replays CUDA graphs (vLLM, SGLang, TensorRT-LLM): the §5 fit with no host
 * overhead per step. The default for every GPU; on GPUs other than the H100 it is an assumption.
 */
export const SERVING_EFFICIENCIES: EfficiencyDefaults = {
  id: "serving",
  matmulFraction: 0.637,
  attentionFraction: 0.546,
  bandwidthFraction: 0.7,
  memoryUtilizationFraction: 0.9,
  stepOverheadSecondsPerLayer: 0,
  note: "matmul and attention fractions from the §5 prefill fit (630 and 540 TFLOP/s of 989); bandwidth the minimax fit of §5 decode at batch >= 32 (worst error 15%); memory utilisation is vLLM's default gpu_memory_utilization 0.9; no per-step host overhead (CUDA graphs)",
  source: fitted,
  asOf: "2026-11-20",
};

/**
 * The §5 harness itself: eager PyTorch launches every kernel from the host, which sets a floor of about
 * 11 ms per decode step for 32 layers. Use it to reproduce §5's small-batch decode, not to price serving.
 */
export const EAGER_EFFICIENCIES: EfficiencyDefaults = {
  ...SERVING_EFFICIENCIES,
  id: "eager",
  stepOverheadSecondsPerLayer: 0.00035,
  note: "as serving, plus a host floor of 0.35 ms per layer per step (§5's 1 × 2K decode: 11.2 ms a step for 32 layers, about twice the bytes-moved time)",
};

export const EFFICIENCY_PROFILES: EfficiencyDefaults[] = [SERVING_EFFICIENCIES, EAGER_EFFICIENCIES];
