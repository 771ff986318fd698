import { DEPLOYMENT_DEFAULTS, type LayoutId } from "../catalog/layouts.js";
import { resolveThroughput, type ThroughputOptions } from "../catalog/resolve-throughput.js";
import type { PrecisionChoice } from "../catalog/weight-formats.js";
import type { ReferenceInput } from "../core/estimate.js";
import { type DerivedDedicated, derivedDedicated } from "../core/throughput/derived-dedicated.js";
import { type ThroughputPoint, throughputCurve } from "../core/throughput/throughput-at.js";
import type { Efficiencies } from "../core/throughput/types.js";

/** Choices the page's "derived throughput" switch adds to a reference scenario. */
export interface DerivedOptions {
  episodesInFlight?: number;
  /** tp, ep or dep; default: the model's catalog deployment (DEPLOYMENT_DEFAULTS), else tp. */
  layout?: LayoutId;
  /** The same as layout "dep" when true, "tp" when false (kept for callers of issue 5). */
  dataParallelAttention?: boolean;
  /** Weight and KV formats; default: the model's catalog deployment. */
  precision?: PrecisionChoice;
  efficiencies?: Partial<Efficiencies>;
}

/** The layout and precision a reference scenario's plan runs in: the options', else the catalog's default. */
function deploymentOf(
  modelId: string,
  options: Pick<DerivedOptions, "layout" | "dataParallelAttention" | "precision">,
): Pick<ThroughputOptions, "layout" | "precision"> {
  const found = DEPLOYMENT_DEFAULTS.find((d) => d.modelId === modelId);
  const layout =
    options.layout ??
    (options.dataParallelAttention === undefined
      ? (found?.layout ?? "tp")
      : options.dataParallelAttention
        ? "dep"
        : "tp");
  const precision =
    options.precision ?? (found ? { dense: found.dense, experts: found.experts, kv: found.kv } : {});
  return { layout, precision };
}

/** The throughput model's model, replica and efficiencies for `gpus` × `gpuId` in the model's catalog deployment; throws a RangeError for unknown ids. */
export function deploymentFor(
  modelId: string,
  gpuId: string,
  gpus: number,
): ReturnType<typeof resolveThroughput> {
  return resolveThroughput({ modelId, gpuId, gpus, ...deploymentOf(modelId, {}) });
}

/**
 * The reference scenario's dedicated plan on derived throughput: the same GPUs, rate and workload, in the
 * model's catalog deployment unless told otherwise, simulated turn by turn, beside the scenario's own
 * saturated constants. `{ ok: false }` with a reason
 * when the catalog has no architecture or GPU spec for it, or the model cannot run there.
 */
export function derivedDedicatedForReference(
  input: ReferenceInput,
  modelId: string,
  options: DerivedOptions = {},
): DerivedDedicated | { ok: false; reason: string } {
  let resolved: ReturnType<typeof resolveThroughput>;
  try {
    resolved = resolveThroughput({
      modelId,
      gpuId: input.dedicated.gpuType,
      gpus: input.dedicated.gpus,
      ...deploymentOf(modelId, options),
      ...(options.efficiencies && { efficiencies: options.efficiencies }),
    });
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, reason: error.message };
    throw error;
  }
  return derivedDedicated({
    ...resolved,
    workload: input.workload,
    episodesInFlight: options.episodesInFlight,
    saturated: {
      promptTokensPerSecond: input.dedicated.promptTokensPerSecond,
      decodeTokensPerSecond: input.dedicated.decodeTokensPerSecond,
    },
    usdPerGpuHour: input.dedicated.usdPerGpuHour,
  });
}

/** Contexts for a chart of tokens/s against context: 1K to 128K, doubling, plus 96K, as measured in docs/throughput.md. */
export const CHART_CONTEXTS = [1024, 2048, 4096, 8192, 16384, 32768, 65536, 98304, 131072] as const;

/** Prefill and decode tokens/s of the scenario's dedicated cluster over `contexts`, for a chart. */
export function throughputCurveForReference(
  input: ReferenceInput,
  modelId: string,
  options: {
    batch?: number;
    contexts?: readonly number[];
    layout?: LayoutId;
    dataParallelAttention?: boolean;
    precision?: PrecisionChoice;
  } = {},
): ThroughputPoint[] | { ok: false; reason: string } {
  try {
    const { model, replica, efficiencies } = resolveThroughput({
      modelId,
      gpuId: input.dedicated.gpuType,
      gpus: input.dedicated.gpus,
      ...deploymentOf(modelId, options),
    });
    return throughputCurve(model, replica, efficiencies, {
      contexts: options.contexts ?? CHART_CONTEXTS,
      batch: options.batch ?? 1,
    });
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, reason: error.message };
    throw error;
  }
}
