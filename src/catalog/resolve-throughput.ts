import type { Efficiencies, ModelArchitecture, Replica } from "../core/throughput/types.js";
import { architectureById, gpuById } from "./hardware-lookup.js";
import { CATALOG, type Catalog } from "./index.js";
import { LAYOUTS, type LayoutId, replicaFor } from "./layouts.js";
import { type PrecisionChoice, withPrecision } from "./weight-formats.js";

/** What a surface (CLI, page) chooses; everything else is the catalog's default. */
export interface ThroughputOptions {
  modelId: string;
  gpuId: string;
  gpus?: number;
  /** tp, ep or dep; overrides `dataParallelAttention` when given. */
  layout?: LayoutId;
  dataParallelAttention?: boolean;
  /** Weight and KV formats as served; unset parts keep the checkpoint's. */
  precision?: PrecisionChoice;
  /** Overrides of the GPU's default efficiencies, by name. */
  efficiencies?: Partial<Efficiencies>;
}

/** The model, replica and efficiencies for the throughput model, from catalog ids; throws `unknown ...`. */
export function resolveThroughput(
  options: ThroughputOptions,
  catalog: Catalog = CATALOG,
): { model: ModelArchitecture; replica: Replica; efficiencies: Efficiencies } {
  const checkpoint = architectureById(options.modelId, catalog);
  const gpu = gpuById(options.gpuId, catalog);
  const { id: _id, note: _note, source: _source, asOf: _asOf, ...defaults } = gpu.efficiencies;
  const gpus = options.gpus ?? 1;
  const replica: Replica = options.layout
    ? replicaFor(gpu, gpus, options.layout)
    : {
        gpu,
        gpus,
        dataParallelAttention: options.dataParallelAttention ?? false,
        expertParallel: options.dataParallelAttention ?? false,
      };
  const model = options.precision ? withPrecision(checkpoint, gpu, options.precision) : checkpoint;
  return { model, replica, efficiencies: { ...defaults, ...options.efficiencies } };
}

export { LAYOUTS };
