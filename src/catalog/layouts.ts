import type { GpuSpec, Replica } from "../core/throughput/types.js";
import type { KvFormatId, WeightFormatId } from "./weight-formats.js";

/** Deployment layouts of one replica's n GPUs. */
export const LAYOUT_IDS = ["tp", "ep", "dep"] as const;
export type LayoutId = (typeof LAYOUT_IDS)[number];

/** What each layout splits: attention by heads (TP) or by sequences (DP), experts sliced (TP) or whole (EP). */
export const LAYOUTS: Record<
  LayoutId,
  { dataParallelAttention: boolean; expertParallel: boolean; label: string }
> = {
  tp: {
    dataParallelAttention: false,
    expertParallel: false,
    label: "tensor parallel: every weight sliced over the GPUs",
  },
  ep: {
    dataParallelAttention: false,
    expertParallel: true,
    label: "tensor-parallel attention, whole experts split over the GPUs (expert parallel)",
  },
  dep: {
    dataParallelAttention: true,
    expertParallel: true,
    label:
      "attention data-parallel (each GPU its own sequences) with experts split over the same GPUs (DEPn)",
  },
};

/** A replica of `gpus` GPUs in a layout. */
export function replicaFor(gpu: GpuSpec, gpus: number, layout: LayoutId): Replica {
  const { dataParallelAttention, expertParallel } = LAYOUTS[layout];
  return { gpu, gpus, dataParallelAttention, expertParallel };
}

/** A model's usual deployment: layout, GPUs and precision, with where that practice is published. */
export interface DeploymentDefault {
  modelId: string;
  layout: LayoutId;
  dense: WeightFormatId;
  experts: WeightFormatId;
  kv: KvFormatId;
  source: string;
  asOf: string;
}

const trtllm =
  "https://github.com/NVIDIA/TensorRT-LLM/blob/03e27c7d5ff0c6e89f8328838c0a8e64f1b34f9d/docs/source/developer-guide/perf-overview.md";

/** Per-model defaults: the layouts and precisions TensorRT-LLM's performance table serves them in. */
export const DEPLOYMENT_DEFAULTS: DeploymentDefault[] = [
  {
    modelId: "deepseek-r1",
    layout: "dep",
    dense: "fp8",
    experts: "fp8",
    kv: "fp8",
    source: `${trtllm} (DEP8 FP8 on H200; DEP4 NVFP4 on B200)`,
    asOf: "2026-12-01",
  },
  {
    modelId: "qwen3-235b-a22b",
    layout: "dep",
    dense: "fp8",
    experts: "fp8",
    kv: "bf16",
    source: `${trtllm} (DEP4/DEP8 FP8 on Hopper)`,
    asOf: "2026-12-01",
  },
  {
    modelId: "gpt-oss-120b",
    layout: "dep",
    dense: "bf16",
    experts: "mxfp4",
    kv: "fp8",
    source: `${trtllm} (DEP2 on B200, enable_attention_dp, kv dtype fp8)`,
    asOf: "2026-12-01",
  },
  {
    modelId: "llama-3.3-70b",
    layout: "tp",
    dense: "fp8",
    experts: "fp8",
    kv: "bf16",
    source: `${trtllm} (TP2 FP8 on Hopper)`,
    asOf: "2026-12-01",
  },
  {
    modelId: "llama-3.1-70b",
    layout: "tp",
    dense: "bf16",
    experts: "bf16",
    kv: "bf16",
    source: "as released (BF16)",
    asOf: "2026-12-01",
  },
  {
    modelId: "llama-3.1-8b",
    layout: "tp",
    dense: "bf16",
    experts: "bf16",
    kv: "bf16",
    source: "as released (BF16)",
    asOf: "2026-12-01",
  },
  {
    modelId: "llama-3.1-405b",
    layout: "tp",
    dense: "fp8",
    experts: "fp8",
    kv: "bf16",
    source: "https://huggingface.co/meta-llama/Llama-3.1-405B-Instruct-FP8 (Meta's FP8 release, served TP8)",
    asOf: "2026-12-01",
  },
  {
    modelId: "kimi-k2p6",
    layout: "dep",
    dense: "bf16",
    experts: "int4",
    kv: "bf16",
    source:
      "MoonshotAI/Kimi-K2 deployment guidance (data-parallel attention with expert parallelism; INT4 experts as released)",
    asOf: "2026-12-01",
  },
  {
    modelId: "kimi-k2p5",
    layout: "dep",
    dense: "bf16",
    experts: "int4",
    kv: "bf16",
    source:
      "MoonshotAI/Kimi-K2 deployment guidance (data-parallel attention with expert parallelism; INT4 experts as released)",
    asOf: "2026-12-01",
  },
  {
    modelId: "qwen3p5-397b",
    layout: "dep",
    dense: "bf16",
    experts: "bf16",
    kv: "bf16",
    source: "as released (BF16), https://huggingface.co/Qwen/Qwen3.5-397B-A17B",
    asOf: "2026-12-01",
  },
];
