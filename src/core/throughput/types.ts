// Plain data the throughput model reads. The catalog's entries satisfy these shapes; so does a model read
// from a Hugging Face config.json.

/** Attention layers that keep a cache of every token: grouped-query (GQA/MHA) or MLA's compressed latent. */
export type AttentionGeometry =
  | {
      kind: "gqa";
      /** Layers with full (global) attention: each keeps K and V for every token of the context. */
      layers: number;
      queryHeads: number;
      kvHeads: number;
      headDim: number;
    }
  | {
      kind: "mla";
      layers: number;
      queryHeads: number;
      /** The compressed KV latent cached per token and layer (DeepSeek/Kimi `kv_lora_rank`). */
      kvLoraRank: number;
      /** The decoupled rotary key, cached beside the latent (`qk_rope_head_dim`). */
      qkRopeHeadDim: number;
      /** Per-head query/key width without rotary part (`qk_nope_head_dim`), for prefill FLOPs. */
      qkNopeHeadDim: number;
      vHeadDim: number;
    };

/** What the throughput model needs to know about a model. */
export interface ModelArchitecture {
  id: string;
  /** All decoder layers, whatever their kind (for per-layer launch overhead). */
  layers: number;
  attention: AttentionGeometry;
  /** GQA layers that attend to (and keep) only the last `windowTokens` tokens, same heads as `attention`. */
  slidingWindow?: { layers: number; windowTokens: number } | undefined;
  /** Layers with a fixed-size recurrent state per sequence (linear attention, e.g. Gated DeltaNet). */
  linearAttention?: { layers: number; stateBytesPerSequence: number } | undefined;
  paramsTotal: number;
  /** Parameters one token passes through (all of them for a dense model). */
  paramsActive: number;
  /** The input embedding table when it is not tied to the output head: a look-up, no matrix product. */
  inputEmbeddingParams: number;
  /** Mixture of experts: routed experts and how many each token uses (shared experts count as dense). */
  moe?:
    | {
        experts: number;
        expertsPerToken: number;
        /** Layers whose MLP is routed (the rest are dense); default: all `layers`. */
        layers?: number | undefined;
      }
    | undefined;
  /** Width of the residual stream (hidden_size): the message size of tensor- and expert-parallel collectives. */
  hiddenSize?: number | undefined;
  /** Bytes per parameter and math of the non-expert weights; default: weightBytes ÷ paramsTotal at computePrecision. */
  denseWeights?: WeightFormatSpec | undefined;
  /** Bytes per parameter and math of the routed experts; default: as the dense weights. */
  expertWeights?: WeightFormatSpec | undefined;
  /** Precision attention runs in (the KV cache's: FP8 KV runs FP8 attention); default bf16. */
  attentionMath?: MathPrecision | undefined;
  /** Bytes of all weights as served (quantized where the model ships quantized). */
  weightBytes: number;
  weightPrecision: string;
  /** The precision matrix products run in (W4A16 runs in bf16). */
  computePrecision: "bf16" | "fp8" | "fp4";
  /** Bytes per cached KV element (2 for a bf16 cache). */
  kvBytesPerElement: number;
  contextWindowTokens: number;
}

/** The precision a matrix product runs in on the tensor cores. */
export type MathPrecision = "bf16" | "fp8" | "fp4";

/** How a group of weights is stored and the tensor-core rate its products run at. */
export interface WeightFormatSpec {
  bytesPerParam: number;
  math: MathPrecision;
}

/** The links between a GPU and its peers: NVLink inside a scale-up domain, the network beyond it. */
export interface Interconnect {
  /** One direction, per GPU, inside the NVLink domain. */
  scaleUpBytesPerSecond: number;
  /** GPUs one NVLink domain joins (8 on HGX boards, 72 in an NVL72 rack). */
  scaleUpDomainGpus: number;
  /** One direction, per GPU, over the scale-out network (one NIC per GPU). */
  scaleOutBytesPerSecond: number;
}

/** One GPU's memory and dense (not sparse) peak throughput. */
export interface GpuSpec {
  id: string;
  hbmBytes: number;
  hbmBytesPerSecond: number;
  denseFlopsPerSecond: { bf16: number; fp8: number; fp4?: number | undefined };
  interconnect?: Interconnect | undefined;
}

/** The fractions of the roofline a real engine reaches; each a named, overridable default. */
export interface Efficiencies {
  /** Of dense peak FLOP/s, reached by the weight matrix products. */
  matmulFraction: number;
  /** Of dense peak FLOP/s, reached by attention kernels. */
  attentionFraction: number;
  /** Of HBM bandwidth, reached when streaming weights and KV. */
  bandwidthFraction: number;
  /** Of HBM the engine may use for weights plus cache (vLLM's gpu_memory_utilization). */
  memoryUtilizationFraction: number;
  /** Fixed host-side time per layer per forward pass; 0 for engines that replay CUDA graphs. */
  stepOverheadSecondsPerLayer: number;
  /**
   * Of dense peak FLOP/s, reached by FP8 and FP4 products (a smaller share of a higher peak); absent:
   * `matmulFraction`.
   */
  lowPrecisionMatmulFraction?: { fp8: number; fp4: number } | undefined;
  /**
   * Of the dense kernels' roofline (compute and weight streaming), reached by the routed experts' grouped
   * GEMMs, which run many small products; absent: 1.
   */
  moeGroupedGemmFraction?: number | undefined;
  /** Of the bf16 fraction, reached by weight-only products (4-bit weights dequantized to bf16 in the kernel); absent: 1. */
  weightOnlyGemmFraction?: number | undefined;
  /** The busiest expert-parallel rank's routed tokens ÷ the mean (expert load skew); absent: 1. */
  routingImbalance?: number | undefined;
  /** Time per layer per forward pass that CUDA graphs do not remove (kernel tails, collective latency), added to every step; absent: 0. */
  stepLatencySecondsPerLayer?: number | undefined;
  /** Time per sequence per step the engine spends outside the model (scheduling, sampling, bookkeeping); absent: 0. */
  stepSecondsPerSequence?: number | undefined;
  /** Of the interconnect's bandwidth reached by collectives; absent: 1. */
  interconnectFraction?: number | undefined;
  /** Share of communication hidden behind computation (two-batch overlap); absent: 0. */
  communicationOverlapFraction?: number | undefined;
}

/** A replica: GPUs sharing one copy of the weights (tensor parallel), and how attention is split. */
export interface Replica {
  gpu: GpuSpec;
  gpus: number;
  /**
   * Data-parallel attention: each rank keeps its own sequences' cache instead of a copy of every one, and a
   * whole copy of the non-expert weights.
   */
  dataParallelAttention: boolean;
  /** Expert parallel: each rank holds whole experts (a share of them) instead of a slice of every one. */
  expertParallel?: boolean | undefined;
}
