// The page's step-time breakdown joined to the catalog: the deployment, the throughput point with its
// breakdown by phase and the calibration band, as `rollout-cost throughput --json` reports them.
import { architectureById, gpuById } from "../catalog/hardware-lookup.js";
import { DEPLOYMENT_DEFAULTS, LAYOUTS, type LayoutId, replicaFor } from "../catalog/layouts.js";
import { derivedThroughputBand, type ThroughputBand } from "../catalog/throughput-band.js";
import { type PrecisionChoice, type WeightFormatId, withPrecision } from "../catalog/weight-formats.js";
import type { StepBreakdown } from "../core/throughput/step-breakdown.js";
import { type ThroughputPoint, throughputAt } from "../core/throughput/throughput-at.js";
import type { Efficiencies, ModelArchitecture } from "../core/throughput/types.js";

/** The batches the page offers for the breakdown (sequences per prefill pass / decode step). */
export const BREAKDOWN_BATCHES = [1, 8, 32, 128] as const;

/** What the page chooses; unset parts are the model's catalog deployment, as `throughput` defaults them. */
export interface BreakdownChoice {
  modelId: string;
  gpuId: string;
  gpus: number;
  contextTokens: number;
  batch: number;
  layout?: LayoutId;
  expertWeights?: WeightFormatId;
}

/** The deployment line: `throughput --json`'s `deployment` object. */
export interface DeploymentLine {
  layout: LayoutId;
  label: string;
  weights: { dense: ModelArchitecture["denseWeights"]; experts: ModelArchitecture["expertWeights"] };
  kvBytesPerElement: number;
  attentionMath: string;
  /** The formats chosen (unset: the checkpoint's), as `throughput --json`'s `deployment.chosen`. */
  chosen: PrecisionChoice;
  source: string;
}

/**
 * `rollout-cost throughput --model M --gpu G --gpus N --context L --batch B [--layout X]
 * [--expert-weights F] --json`'s deployment, point (with prefill and decode breakdowns) and band;
 * `{ ok: false }` with the catalog's reason for an unknown model or GPU.
 */
export function stepBreakdownFor(
  choice: BreakdownChoice,
):
  | { ok: true; deployment: DeploymentLine; point: ThroughputPoint; band: ThroughputBand }
  | { ok: false; reason: string } {
  try {
    const checkpoint = architectureById(choice.modelId);
    const gpu = gpuById(choice.gpuId);
    const found = DEPLOYMENT_DEFAULTS.find((d) => d.modelId === checkpoint.id);
    const layout = choice.layout ?? found?.layout ?? "tp";
    const precision: PrecisionChoice = {
      dense: found?.dense,
      experts: choice.expertWeights ?? found?.experts,
      kv: found?.kv,
    };
    const model = withPrecision(checkpoint, gpu, precision);
    const replica = replicaFor(gpu, choice.gpus, layout);
    const { id: _id, note: _note, source: _source, asOf: _asOf, ...defaults } = gpu.efficiencies;
    const efficiencies: Efficiencies = { ...defaults };
    const point = throughputAt(model, replica, efficiencies, {
      contextTokens: choice.contextTokens,
      batch: choice.batch,
    });
    return {
      ok: true,
      deployment: {
        layout,
        label: LAYOUTS[layout].label,
        weights: { dense: model.denseWeights, experts: model.expertWeights },
        kvBytesPerElement: model.kvBytesPerElement,
        attentionMath: model.attentionMath ?? "bf16",
        chosen: precision,
        source: found
          ? `${found.source} (${found.asOf})`
          : "no catalog deployment for this model: tensor parallel, the checkpoint's precision",
      },
      point,
      band: derivedThroughputBand(),
    };
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, reason: error.message };
    throw error;
  }
}

/** A derived tokens/s figure with its band: typically within [value ÷ typical, value × typical]. */
export function bandedFigure(
  value: number,
  band: ThroughputBand,
): { value: number; low: number; high: number; worstLow: number; worstHigh: number } {
  return {
    value,
    low: value / band.typicalFactor,
    high: value * band.typicalFactor,
    worstLow: value / band.worstFactor,
    worstHigh: value * band.worstFactor,
  };
}

/** One stacked segment of a step: its part, what bounds it, its seconds and its share of the step. */
export interface StepSegment {
  part: "GEMMs" | "Attention" | "Host overhead" | "Communication" | "Floor";
  detail: string;
  seconds: number;
  share: number;
}

/**
 * A step's time as segments that sum to `breakdown.seconds`: the weight products (their FLOPs or
 * streaming their weights, whichever is longer), attention (FLOPs or reading the KV cache), the host
 * overhead beyond the GPU work it overlaps, exposed communication and the latency floor.
 */
export function stepSegments(breakdown: StepBreakdown): StepSegment[] {
  const b = breakdown;
  const linear = b.denseComputeSeconds + b.expertComputeSeconds;
  const fusedAttention = b.attentionComputeSeconds;
  const gpuWork = b.gemmSeconds + b.attentionSeconds;
  const parts: Omit<StepSegment, "share">[] = [
    {
      part: "GEMMs",
      detail: linear >= b.weightSeconds ? "weight products, compute-bound" : "streaming the weights",
      seconds: b.gemmSeconds,
    },
    {
      part: "Attention",
      detail: fusedAttention >= b.kvSeconds ? "attention FLOPs" : "reading the KV cache",
      seconds: b.attentionSeconds,
    },
    {
      part: "Host overhead",
      detail: "launch time beyond the GPU work",
      seconds: Math.max(0, b.overheadSeconds - gpuWork),
    },
    { part: "Communication", detail: "collectives not hidden", seconds: b.communicationSeconds },
    { part: "Floor", detail: "per-step latency floor", seconds: b.floorSeconds },
  ];
  return parts.map((p) => ({ ...p, share: b.seconds > 0 ? p.seconds / b.seconds : 0 }));
}
