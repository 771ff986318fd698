import { architectureById, efficiencyProfileById, gpuById } from "../../catalog/hardware-lookup.js";
import type { GpuSpec as CatalogGpu, EfficiencyDefaults } from "../../catalog/hardware-schema.js";
import { architectureFromHfConfig } from "../../catalog/hf-config.js";
import { CATALOG } from "../../catalog/index.js";
import { DEPLOYMENT_DEFAULTS, LAYOUT_IDS, type LayoutId } from "../../catalog/layouts.js";
import { KV_FORMAT_IDS, type PrecisionChoice, WEIGHT_FORMAT_IDS } from "../../catalog/weight-formats.js";
import type { Efficiencies, ModelArchitecture } from "../../core/throughput/types.js";
import { echo } from "../../format/echo.js";
import { CliError } from "../cli-error.js";
import { choiceFlag, numberFlag } from "../flags.js";
import { readSmallFile } from "../read-small-file.js";

/** A Hugging Face config.json is a few kB; 16 MiB is far past any, and bounds what a wrong path costs. */
const MAX_CONFIG_BYTES = 16 * 1024 * 1024;

/** The flags that choose the model, the hardware and the efficiencies of `throughput`. */
export const HARDWARE_FLAGS = {
  model: { type: "string" },
  "model-config": { type: "string" },
  gpu: { type: "string" },
  gpus: { type: "string" },
  "dp-attention": { type: "boolean" },
  profile: { type: "string" },
  "matmul-efficiency": { type: "string" },
  "attention-efficiency": { type: "string" },
  "bandwidth-efficiency": { type: "string" },
  "memory-utilization": { type: "string" },
  "step-overhead-ms": { type: "string" },
  layout: { type: "string" },
  weights: { type: "string" },
  "expert-weights": { type: "string" },
  "kv-cache": { type: "string" },
  "fp8-matmul-efficiency": { type: "string" },
  "fp4-matmul-efficiency": { type: "string" },
  "moe-gemm-efficiency": { type: "string" },
  "weight-only-efficiency": { type: "string" },
  "routing-imbalance": { type: "string" },
  "step-floor-us": { type: "string" },
  "per-sequence-us": { type: "string" },
  "interconnect-efficiency": { type: "string" },
  "comm-overlap": { type: "string" },
} as const;

type Values = Partial<Record<keyof typeof HARDWARE_FLAGS, string | boolean>>;

/** The model's architecture and where it came from, from --model or --model-config. */
export function modelFromFlags(values: Values): {
  model: ModelArchitecture;
  source: string;
  /** The formats a config.json's quantization_config names (empty for a catalog model). */
  precision: PrecisionChoice;
  warnings: string[];
} {
  const id = values.model as string | undefined;
  const path = values["model-config"] as string | undefined;
  if (id !== undefined && path !== undefined)
    throw new CliError("--model and --model-config cannot be used together");
  if (id === undefined && path === undefined) {
    throw new CliError(
      `--model or --model-config is required (known models: ${CATALOG.architectures.map((a) => a.id).join(", ")})`,
    );
  }
  if (id !== undefined) {
    try {
      const found = architectureById(id);
      return { model: found, source: `${found.source} (${found.asOf})`, precision: {}, warnings: [] };
    } catch (error) {
      if (error instanceof RangeError) throw new CliError(`--model: ${error.message}`);
      throw error;
    }
  }
  const file = path as string;
  const text = readSmallFile("model-config", file, MAX_CONFIG_BYTES);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new CliError(`--model-config: ${echo(file, 200)} is not valid JSON`);
  }
  const name = file.replace(/^.*[\\/]/, "").replace(/\.json$/i, "");
  const parsed = architectureFromHfConfig(json, name);
  if (!parsed.ok) throw new CliError(`--model-config: ${parsed.reason}`);
  return {
    model: parsed.architecture,
    source: `Hugging Face config ${file}`,
    precision: parsed.precision,
    warnings: parsed.warnings,
  };
}

/** The GPU spec of --gpu; required, named by the Fireworks page's ids. */
export function gpuFromFlags(values: Values): CatalogGpu {
  const id = values.gpu as string | undefined;
  if (id === undefined)
    throw new CliError(`--gpu is required (known: ${CATALOG.gpus.map((g) => g.id).join(", ")})`);
  try {
    return gpuById(id);
  } catch (error) {
    if (error instanceof RangeError)
      throw new CliError(
        `--gpu must be one of ${CATALOG.gpus.map((g) => g.id).join(", ")}, got ${JSON.stringify(id)}`,
      );
    throw error;
  }
}

type NumericEfficiency = Exclude<keyof Efficiencies, "lowPrecisionMatmulFraction">;

/** The GPU's default efficiencies (or --profile's), each overridden by its flag; with their provenance. */
export function efficienciesFromFlags(
  values: Values,
  gpuDefaults: EfficiencyDefaults,
): { efficiencies: Efficiencies; profile: string; source: string; note: string; overridden: string[] } {
  const profileId = choiceFlag("profile", values.profile as string | undefined, ["serving", "eager"]);
  const base = profileId ? efficiencyProfileById(profileId) : gpuDefaults;
  const num = (
    flag: keyof typeof HARDWARE_FLAGS,
    limits: { min: number; max: number; exclusiveMin?: boolean },
  ) => numberFlag(flag, values[flag] as string | undefined, limits);
  // Below 0.001 of a roofline the figures stop meaning anything (and underflow to infinite times).
  const fraction = (flag: keyof typeof HARDWARE_FLAGS) => num(flag, { min: 0.001, max: 1 });
  const micro = (flag: keyof typeof HARDWARE_FLAGS) => scaled(num(flag, { min: 0, max: 10_000 }), 1e-6);
  const overrides: [NumericEfficiency, number | undefined, string][] = [
    ["matmulFraction", fraction("matmul-efficiency"), "--matmul-efficiency"],
    ["attentionFraction", fraction("attention-efficiency"), "--attention-efficiency"],
    ["bandwidthFraction", fraction("bandwidth-efficiency"), "--bandwidth-efficiency"],
    ["memoryUtilizationFraction", fraction("memory-utilization"), "--memory-utilization"],
    [
      "stepOverheadSecondsPerLayer",
      scaled(num("step-overhead-ms", { min: 0, max: 1000 }), 1e-3),
      "--step-overhead-ms",
    ],
    ["moeGroupedGemmFraction", fraction("moe-gemm-efficiency"), "--moe-gemm-efficiency"],
    ["weightOnlyGemmFraction", fraction("weight-only-efficiency"), "--weight-only-efficiency"],
    ["routingImbalance", num("routing-imbalance", { min: 1, max: 16 }), "--routing-imbalance"],
    ["stepLatencySecondsPerLayer", micro("step-floor-us"), "--step-floor-us"],
    ["stepSecondsPerSequence", micro("per-sequence-us"), "--per-sequence-us"],
    ["interconnectFraction", fraction("interconnect-efficiency"), "--interconnect-efficiency"],
    ["communicationOverlapFraction", num("comm-overlap", { min: 0, max: 1 }), "--comm-overlap"],
  ];
  const { id: _id, note: _note, source: _source, asOf: _asOf, ...defaults } = base;
  const efficiencies: Efficiencies = { ...defaults };
  const overridden: string[] = [];
  for (const [key, value, flag] of overrides) {
    if (value === undefined) continue;
    efficiencies[key] = value;
    overridden.push(flag);
  }
  const fp8 = fraction("fp8-matmul-efficiency");
  const fp4 = fraction("fp4-matmul-efficiency");
  if (fp8 !== undefined || fp4 !== undefined) {
    const current = efficiencies.lowPrecisionMatmulFraction ?? {
      fp8: efficiencies.matmulFraction,
      fp4: efficiencies.matmulFraction,
    };
    efficiencies.lowPrecisionMatmulFraction = { fp8: fp8 ?? current.fp8, fp4: fp4 ?? current.fp4 };
    if (fp8 !== undefined) overridden.push("--fp8-matmul-efficiency");
    if (fp4 !== undefined) overridden.push("--fp4-matmul-efficiency");
  }
  return {
    efficiencies,
    profile: base.id,
    source: `${base.source} (${base.asOf})`,
    note: base.note,
    overridden,
  };
}

/** The deployment of --layout / --dp-attention and --weights / --expert-weights / --kv-cache, with the catalog's default for the model. */
export function deploymentFromFlags(
  values: Values,
  modelId: string | undefined,
  checkpoint: PrecisionChoice = {},
): { layout: LayoutId; precision: PrecisionChoice; source: string } {
  const found = DEPLOYMENT_DEFAULTS.find((d) => d.modelId === modelId);
  const layoutFlag = choiceFlag("layout", values.layout as string | undefined, LAYOUT_IDS);
  if (layoutFlag !== undefined && values["dp-attention"] === true && layoutFlag !== "dep")
    throw new CliError(`--dp-attention means --layout dep; it cannot be used with --layout ${layoutFlag}`);
  const layout = layoutFlag ?? (values["dp-attention"] === true ? "dep" : (found?.layout ?? "tp"));
  const dense = choiceFlag("weights", values.weights as string | undefined, WEIGHT_FORMAT_IDS);
  const experts = choiceFlag(
    "expert-weights",
    values["expert-weights"] as string | undefined,
    WEIGHT_FORMAT_IDS,
  );
  const kv = choiceFlag("kv-cache", values["kv-cache"] as string | undefined, KV_FORMAT_IDS);
  const precision: PrecisionChoice = {
    dense: dense ?? found?.dense ?? checkpoint.dense,
    experts: experts ?? (dense !== undefined ? dense : (found?.experts ?? checkpoint.experts)),
    kv: kv ?? found?.kv ?? checkpoint.kv,
  };
  const source = found
    ? `${found.source} (${found.asOf})`
    : "no catalog deployment for this model: tensor parallel, the checkpoint's precision";
  return { layout, precision, source };
}

function scaled(value: number | undefined, factor: number): number | undefined {
  return value === undefined ? undefined : value * factor;
}
