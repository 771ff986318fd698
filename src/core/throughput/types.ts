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
  moe?: { experts: number; expertsPerToken: number } | undefined;
  /** Bytes of all weights as served (quantized where the model ships quantized). */
  weightBytes: number;
  weightPrecision: string;
  /** The precision matrix products run in (W4A16 runs in bf16). */
  computePrecision: "bf16" | "fp8" | "fp4";
  /** Bytes per cached KV element (2 for a bf16 cache). */
  kvBytesPerElement: number;
  contextWindowTokens: number;
}

/** One GPU's memory and dense (not sparse) peak throughput. */
export interface GpuSpec {
  id: string;
  hbmBytes: number;
  hbmBytesPerSecond: number;
  denseFlopsPerSecond: { bf16: number; fp8: number; fp4?: number | undefined };
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
}

/** A replica: GPUs sharing one copy of the weights (tensor parallel), and how attention is split. */
export interface Replica {
  gpu: GpuSpec;
  gpus: number;
  /** Data-parallel attention: each rank keeps its own sequences' cache instead of a copy of every one. */
  dataParallelAttention: boolean;
}
