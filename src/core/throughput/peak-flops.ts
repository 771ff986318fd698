import type { GpuSpec, ModelArchitecture } from "./types.js";

/** Dense peak FLOP/s of one GPU at the model's compute precision; bf16 where the GPU lacks that precision. */
export function peakFlopsPerSecond(gpu: GpuSpec, model: ModelArchitecture): number {
  return gpu.denseFlopsPerSecond[model.computePrecision] ?? gpu.denseFlopsPerSecond.bf16;
}
