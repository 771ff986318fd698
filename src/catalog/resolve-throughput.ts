import type { Efficiencies, ModelArchitecture, Replica } from "../core/throughput/types.js";
import { architectureById, gpuById } from "./hardware-lookup.js";
import { CATALOG, type Catalog } from "./index.js";

/** What a surface (CLI, page) chooses; everything else is the catalog's default. */
export interface ThroughputOptions {
  modelId: string;
  gpuId: string;
  gpus?: number;
  dataParallelAttention?: boolean;
  /** Overrides of the GPU's default efficiencies, by name. */
  efficiencies?: Partial<Efficiencies>;
}

/** The model, replica and efficiencies for the throughput model, from catalog ids; throws `unknown ...`. */
export function resolveThroughput(
  options: ThroughputOptions,
  catalog: Catalog = CATALOG,
): { model: ModelArchitecture; replica: Replica; efficiencies: Efficiencies } {
  const model = architectureById(options.modelId, catalog);
  const gpu = gpuById(options.gpuId, catalog);
  const { id: _id, note: _note, source: _source, asOf: _asOf, ...defaults } = gpu.efficiencies;
  return {
    model,
    replica: { gpu, gpus: options.gpus ?? 1, dataParallelAttention: options.dataParallelAttention ?? false },
    efficiencies: { ...defaults, ...options.efficiencies },
  };
}
