import * as v from "valibot";
import type { ModelArchitecture } from "../core/throughput/types.js";
import { ArchitectureSchema } from "./hardware-schema.js";
import {
  type KvFormatId,
  type PrecisionChoice,
  WEIGHT_FORMATS,
  type WeightFormatId,
} from "./weight-formats.js";

// Reads a Hugging Face config.json into the architecture the throughput model takes. Parameter counts are
// derived from the shapes (gated MLP, no biases), so they land within a few percent of a model card's.
// docs/throughput.md lists every field read and what is assumed when one is absent.

export type HfConfigResult =
  | {
      ok: true;
      architecture: ModelArchitecture;
      /** The weight and KV formats quantization_config names, to resolve per GPU (withPrecision). */
      precision: PrecisionChoice;
      warnings: string[];
    }
  | { ok: false; reason: string };

type Json = Record<string, unknown>;

const NESTED = ["text_config", "llm_config", "language_config", "language_model_config"] as const;
const NON_GATED_MLP = new Set([
  "gpt2",
  "gpt_neox",
  "gpt_bigcode",
  "opt",
  "phi",
  "falcon",
  "bloom",
  "starcoder2",
]);
const MAX_DIMENSION = 10_000_000;

class FieldError extends Error {}

/** The catalog's architecture schema without the provenance a file read by a user does not carry. */
const ImportedArchitectureSchema = v.omit(ArchitectureSchema, ["source", "asOf"]);

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The architecture a config.json describes, or the first field that is missing or wrong. */
export function architectureFromHfConfig(json: unknown, id = "config.json"): HfConfigResult {
  try {
    const read = readConfig(json, id);
    // What the reader built must be an architecture the catalog itself would accept: the same schema.
    const checked = v.safeParse(ImportedArchitectureSchema, read.architecture);
    if (!checked.success) {
      const issue = checked.issues[0];
      return {
        ok: false,
        reason: `config.json gives an architecture the catalog refuses at ${v.getDotPath(issue) ?? "(root)"}: ${issue.message}`,
      };
    }
    return { ok: true, ...read };
  } catch (error) {
    if (error instanceof FieldError) return { ok: false, reason: error.message };
    throw error;
  }
}

function readConfig(
  json: unknown,
  id: string,
): { architecture: ModelArchitecture; precision: PrecisionChoice; warnings: string[] } {
  if (!isObject(json)) throw new FieldError("config.json must be a JSON object");
  const nestedKey = NESTED.find((key) => isObject(json[key]));
  const config = nestedKey ? { ...json, ...(json[nestedKey] as Json) } : json;
  const prefix = nestedKey ? `${nestedKey}.` : "";
  const warnings: string[] = [];

  const field = (names: string[]) => names.find((n) => config[n] !== undefined && config[n] !== null);
  const int = (names: string[], fallback?: () => number, min = 1): number => {
    const name = field(names);
    if (name === undefined) {
      if (fallback) return fallback();
      throw new FieldError(`${prefix}${names[0]} is missing from config.json`);
    }
    const value = config[name];
    if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > MAX_DIMENSION) {
      throw new FieldError(
        `${prefix}${name} must be an integer from ${min} to ${MAX_DIMENSION}, got ${JSON.stringify(value)}`,
      );
    }
    return value;
  };

  const modelType = typeof config.model_type === "string" ? config.model_type : "";
  const layers = int(["num_hidden_layers", "n_layer", "num_layers"]);
  const hidden = int(["hidden_size", "n_embd", "d_model"]);
  const heads = int(["num_attention_heads", "n_head"]);
  const kvHeads = int(["num_key_value_heads", "num_kv_heads", "multi_query_group_num"], () => heads);
  const headDim = int(["head_dim"], () => {
    if (hidden % heads !== 0)
      throw new FieldError(
        `${prefix}head_dim is missing and hidden_size ${hidden} is not a multiple of num_attention_heads ${heads}`,
      );
    return hidden / heads;
  });
  const vocab = int(["vocab_size", "padded_vocab_size"]);
  const intermediate = int(["intermediate_size", "ffn_dim", "n_inner"], () => 4 * hidden);
  const context = int(["max_position_embeddings", "n_positions", "seq_length", "max_sequence_length"], () => {
    warnings.push("config.json gives no max_position_embeddings; assuming a 131,072-token window");
    return 131_072;
  });
  const tied = readBoolean(config, "tie_word_embeddings", prefix, true);

  const layerKinds = readLayerTypes(config, prefix, layers);
  const count = (kind: string) => layerKinds.filter((k) => k === kind).length;
  const linearLayers = count("linear_attention");
  const slidingLayers = count("sliding_attention");
  const fullLayers = layers - linearLayers - slidingLayers;
  if (fullLayers < 1) throw new FieldError(`${prefix}layer_types has no full-attention layer`);

  const mla = config.kv_lora_rank !== undefined && config.kv_lora_rank !== null;
  const attention = mla
    ? {
        kind: "mla" as const,
        layers: fullLayers,
        queryHeads: heads,
        kvLoraRank: int(["kv_lora_rank"]),
        qkRopeHeadDim: int(["qk_rope_head_dim"]),
        qkNopeHeadDim: int(["qk_nope_head_dim"]),
        vHeadDim: int(["v_head_dim"]),
      }
    : { kind: "gqa" as const, layers: fullLayers, queryHeads: heads, kvHeads, headDim };
  if (!mla && kvHeads > heads) {
    throw new FieldError(
      `${prefix}num_key_value_heads ${kvHeads} must not exceed num_attention_heads ${heads}`,
    );
  }

  // Parameters of one layer's attention.
  let attentionParams: number;
  if (attention.kind === "mla") {
    const qRank = int(["q_lora_rank"], () => 0, 0);
    const qWidth = heads * (attention.qkNopeHeadDim + attention.qkRopeHeadDim);
    attentionParams =
      (qRank > 0 ? hidden * qRank + qRank * qWidth : hidden * qWidth) +
      hidden * (attention.kvLoraRank + attention.qkRopeHeadDim) +
      attention.kvLoraRank * heads * (attention.qkNopeHeadDim + attention.vHeadDim) +
      heads * attention.vHeadDim * hidden;
  } else {
    attentionParams = hidden * headDim * (2 * heads + 2 * kvHeads);
  }
  let linearState = 0;
  let linearParams = 0;
  if (linearLayers > 0) {
    const keyHeads = int(["linear_num_key_heads"]);
    const valueHeads = int(["linear_num_value_heads"]);
    const keyDim = int(["linear_key_head_dim"]);
    const valueDim = int(["linear_value_head_dim"]);
    const kernel = int(["linear_conv_kernel_dim"], () => 4);
    const convChannels = 2 * keyHeads * keyDim + valueHeads * valueDim;
    // fp32 recurrent state per value head, plus the causal convolution's last kernel − 1 inputs in bf16.
    linearState = linearLayers * (valueHeads * keyDim * valueDim * 4 + (kernel - 1) * convChannels * 2);
    linearParams =
      hidden * (convChannels + valueHeads * valueDim + 2 * valueHeads) + valueHeads * valueDim * hidden;
  }

  const mlpMatrices = NON_GATED_MLP.has(modelType) ? 2 : 3;
  const experts = int(
    ["num_local_experts", "num_experts", "n_routed_experts", "moe_num_experts"],
    () => 0,
    0,
  );
  const perToken =
    experts > 0 ? int(["num_experts_per_tok", "experts_per_token", "moe_top_k", "top_k"], () => 2) : 0;
  if (experts > 0 && perToken > experts) {
    throw new FieldError(`${prefix}num_experts_per_tok ${perToken} must not exceed the ${experts} experts`);
  }
  const expertWidth =
    experts > 0 ? int(["moe_intermediate_size", "expert_intermediate_size"], () => intermediate) : 0;
  const sharedWidth =
    experts > 0
      ? int(["shared_expert_intermediate_size"], () => int(["n_shared_experts"], () => 0, 0) * expertWidth, 0)
      : 0;
  const denseLayers =
    experts > 0
      ? Math.min(
          layers,
          int(["first_k_dense_replace"], () => 0, 0) + readArrayLength(config, "mlp_only_layers"),
        )
      : layers;
  const moeLayers = layers - denseLayers;
  const denseMlp = mlpMatrices * hidden * intermediate;
  const expertParams = mlpMatrices * hidden * expertWidth;
  const sharedParams = mlpMatrices * hidden * sharedWidth + hidden * experts;

  const embedding = vocab * hidden;
  const common =
    embedding * (tied ? 1 : 2) +
    fullLayers * attentionParams +
    slidingLayers * (mla ? attentionParams : hidden * headDim * (2 * heads + 2 * kvHeads)) +
    linearLayers * linearParams +
    denseLayers * denseMlp +
    moeLayers * sharedParams;
  const paramsTotal = common + moeLayers * experts * expertParams;
  const paramsActive = common + moeLayers * perToken * expertParams;

  const { bytesPerParam, computePrecision, weightPrecision, formats } = readPrecision(
    config,
    prefix,
    warnings,
    experts > 0,
  );
  const expertBytes = bytesPerParam.experts * moeLayers * experts * expertParams;
  const otherBytes = bytesPerParam.other * (paramsTotal - moeLayers * experts * expertParams);
  const slidingWindow =
    slidingLayers > 0 ? { layers: slidingLayers, windowTokens: int(["sliding_window"]) } : undefined;

  return {
    architecture: {
      id,
      layers,
      attention,
      slidingWindow,
      linearAttention:
        linearLayers > 0 ? { layers: linearLayers, stateBytesPerSequence: linearState } : undefined,
      paramsTotal,
      paramsActive,
      inputEmbeddingParams: tied ? 0 : embedding,
      moe: experts > 0 ? { experts, expertsPerToken: perToken, layers: moeLayers } : undefined,
      hiddenSize: hidden,
      weightBytes: expertBytes + otherBytes,
      denseWeights: { bytesPerParam: bytesPerParam.other, math: formatMath(formats.dense, computePrecision) },
      expertWeights: {
        bytesPerParam: bytesPerParam.experts,
        math: formatMath(formats.experts, computePrecision),
      },
      weightPrecision,
      computePrecision,
      kvBytesPerElement: bytesPerParam.kv,
      contextWindowTokens: context,
    },
    precision: { dense: formats.dense, experts: formats.experts, kv: formats.kv },
    warnings,
  };
}

// Where the GPU is not known yet, a format's math on FP4-capable GPUs; withPrecision re-resolves it per GPU.
function formatMath(format: WeightFormatId | undefined, fallback: "bf16" | "fp8" | "fp4") {
  return format ? WEIGHT_FORMATS[format].mathWithFp4 : fallback;
}

function readBoolean(config: Json, name: string, prefix: string, fallback: boolean): boolean {
  const value = config[name];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== "boolean")
    throw new FieldError(`${prefix}${name} must be true or false, got ${JSON.stringify(value)}`);
  return value;
}

function readArrayLength(config: Json, name: string): number {
  const value = config[name];
  return Array.isArray(value) ? value.length : 0;
}

/** Each layer's kind: `layer_types` when given, else from full_attention_interval or sliding_window_pattern. */
function readLayerTypes(config: Json, prefix: string, layers: number): string[] {
  const listed = config.layer_types;
  if (listed !== undefined && listed !== null) {
    if (!Array.isArray(listed) || listed.length !== layers || !listed.every((k) => typeof k === "string")) {
      throw new FieldError(`${prefix}layer_types must be a list of ${layers} strings (one per layer)`);
    }
    return listed.map((kind: string) =>
      kind.includes("linear")
        ? "linear_attention"
        : kind.includes("sliding") || kind.includes("local")
          ? "sliding_attention"
          : "full_attention",
    );
  }
  const interval = config.full_attention_interval;
  if (typeof interval === "number" && Number.isInteger(interval) && interval >= 1) {
    return Array.from({ length: layers }, (_, i) =>
      (i + 1) % interval === 0 ? "full_attention" : "linear_attention",
    );
  }
  // Gemma 2 alternates local (sliding) and global layers, starting with a local one, without saying so.
  if (config.model_type === "gemma2" && typeof config.sliding_window === "number") {
    return Array.from({ length: layers }, (_, i) => (i % 2 === 0 ? "sliding_attention" : "full_attention"));
  }
  const pattern = config.sliding_window_pattern;
  if (typeof pattern === "number" && Number.isInteger(pattern) && pattern >= 1 && config.sliding_window) {
    return Array.from({ length: layers }, (_, i) =>
      (i + 1) % pattern === 0 ? "full_attention" : "sliding_attention",
    );
  }
  return Array.from({ length: layers }, () => "full_attention");
}

/** Weight bytes per parameter (experts and the rest), KV element bytes and the precision products run in. */
function readPrecision(config: Json, prefix: string, warnings: string[], isMoe: boolean) {
  const dtypeField = config.torch_dtype ?? config.dtype ?? "bfloat16";
  if (typeof dtypeField !== "string")
    throw new FieldError(`${prefix}torch_dtype must be a string, got ${JSON.stringify(dtypeField)}`);
  const dtype = dtypeField.toLowerCase();
  const base = dtype.includes("32") ? 4 : dtype.includes("8") ? 1 : 2;
  if (!/(bfloat16|float16|bf16|fp16|half|float32|fp32|float|float8|fp8)/.test(dtype)) {
    warnings.push(`torch_dtype ${JSON.stringify(dtypeField)} not recognised; assuming 2 bytes per weight`);
  }
  if (base === 4) warnings.push("float32 weights: matrix products are modelled at the bf16 peak");
  const quant = config.quantization_config;
  const kv = base === 4 ? 4 : 2;
  const dtypeFormat: WeightFormatId | undefined = base === 2 ? "bf16" : base === 1 ? "fp8" : undefined;
  if (!isObject(quant)) {
    return {
      bytesPerParam: { experts: base, other: base, kv },
      computePrecision: "bf16" as const,
      weightPrecision: dtypeField,
      formats: { dense: dtypeFormat, experts: dtypeFormat },
    };
  }
  const kvFormat: KvFormatId | undefined =
    typeof quant.kv_cache_quant_algo === "string" && quant.kv_cache_quant_algo.toLowerCase().includes("fp8")
      ? "fp8"
      : undefined;
  const algo = typeof quant.quant_algo === "string" ? quant.quant_algo.toLowerCase() : "";
  const method = typeof quant.quant_method === "string" ? quant.quant_method.toLowerCase() : "unknown";
  const bits = [quant.bits, quant.num_bits, quant.weight_bits, groupBits(quant)].find(
    (b): b is number => typeof b === "number" && b > 0 && b <= 32,
  );
  if (method === "fp8" || algo.startsWith("fp8")) {
    return {
      bytesPerParam: { experts: 1, other: 1, kv },
      computePrecision: "fp8" as const,
      weightPrecision: "FP8",
      formats: { dense: "fp8" as const, experts: "fp8" as const, kv: kvFormat },
    };
  }
  if (algo === "nvfp4") {
    // ModelOpt's NVFP4 checkpoints (nvidia/*-FP4): every linear layer in NVFP4.
    const nvfp4 = WEIGHT_FORMATS.nvfp4.bytesPerParam;
    return {
      bytesPerParam: { experts: nvfp4, other: nvfp4, kv },
      computePrecision: "fp4" as const,
      weightPrecision: "NVFP4",
      formats: { dense: "nvfp4" as const, experts: "nvfp4" as const, kv: kvFormat },
    };
  }
  if (method === "mxfp4") {
    // MXFP4: 4-bit values plus one 8-bit scale per 32, on the experts; the rest stays bf16.
    return {
      bytesPerParam: { experts: 4.25 / 8, other: 2, kv },
      computePrecision: "bf16" as const,
      weightPrecision: "MXFP4 experts",
      formats: { dense: "bf16" as const, experts: "mxfp4" as const, kv: kvFormat },
    };
  }
  const weightBits = bits ?? 4;
  if (bits === undefined)
    warnings.push(`quantization_config (${method}) gives no bit width; assuming 4-bit weights`);
  // Quantized mixtures of experts (Kimi K2.5/K2.6) usually quantize only the routed experts.
  const int4: WeightFormatId | undefined = weightBits === 4 ? "int4" : undefined;
  return {
    bytesPerParam: { experts: weightBits / 8, other: isMoe ? 2 : weightBits / 8, kv },
    computePrecision: "bf16" as const,
    weightPrecision: `${method} ${weightBits}-bit`,
    formats: { dense: isMoe ? ("bf16" as const) : int4, experts: int4, kv: kvFormat },
  };
}

// compressed-tensors keeps the bit width in config_groups.<group>.weights.num_bits.
function groupBits(quant: Json): unknown {
  const groups = quant.config_groups;
  if (!isObject(groups)) return undefined;
  for (const group of Object.values(groups)) {
    if (isObject(group) && isObject(group.weights)) return group.weights.num_bits;
  }
  return undefined;
}
