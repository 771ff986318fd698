import { architectureById, efficiencyProfileById, gpuById } from "../../catalog/hardware-lookup.js";
import type { GpuSpec as CatalogGpu, EfficiencyDefaults } from "../../catalog/hardware-schema.js";
import { architectureFromHfConfig } from "../../catalog/hf-config.js";
import { CATALOG } from "../../catalog/index.js";
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
} as const;

type Values = Partial<Record<keyof typeof HARDWARE_FLAGS, string | boolean>>;

/** The model's architecture and where it came from, from --model or --model-config. */
export function modelFromFlags(values: Values): {
  model: ModelArchitecture;
  source: string;
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
      return { model: found, source: `${found.source} (${found.asOf})`, warnings: [] };
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
  return { model: parsed.architecture, source: `Hugging Face config ${file}`, warnings: parsed.warnings };
}

/** The GPU spec of --gpu; required, named by the reference page's ids. */
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

/** The GPU's default efficiencies (or --profile's), each overridden by its flag; with their provenance. */
export function efficienciesFromFlags(
  values: Values,
  gpuDefaults: EfficiencyDefaults,
): { efficiencies: Efficiencies; profile: string; source: string; note: string; overridden: string[] } {
  const profileId = choiceFlag("profile", values.profile as string | undefined, ["serving", "eager"]);
  const base = profileId ? efficiencyProfileById(profileId) : gpuDefaults;
  const fraction = (flag: keyof typeof HARDWARE_FLAGS) =>
    numberFlag(flag, values[flag] as string | undefined, { min: 0, exclusiveMin: true, max: 1 });
  const overrides: [keyof Efficiencies, number | undefined, string][] = [
    ["matmulFraction", fraction("matmul-efficiency"), "--matmul-efficiency"],
    ["attentionFraction", fraction("attention-efficiency"), "--attention-efficiency"],
    ["bandwidthFraction", fraction("bandwidth-efficiency"), "--bandwidth-efficiency"],
    ["memoryUtilizationFraction", fraction("memory-utilization"), "--memory-utilization"],
    [
      "stepOverheadSecondsPerLayer",
      scaled(
        numberFlag("step-overhead-ms", values["step-overhead-ms"] as string | undefined, {
          min: 0,
          max: 1000,
        }),
        1e-3,
      ),
      "--step-overhead-ms",
    ],
  ];
  const efficiencies: Efficiencies = {
    matmulFraction: base.matmulFraction,
    attentionFraction: base.attentionFraction,
    bandwidthFraction: base.bandwidthFraction,
    memoryUtilizationFraction: base.memoryUtilizationFraction,
    stepOverheadSecondsPerLayer: base.stepOverheadSecondsPerLayer,
  };
  const overridden: string[] = [];
  for (const [key, value, flag] of overrides) {
    if (value === undefined) continue;
    efficiencies[key] = value;
    overridden.push(flag);
  }
  return {
    efficiencies,
    profile: base.id,
    source: `${base.source} (${base.asOf})`,
    note: base.note,
    overridden,
  };
}

function scaled(value: number | undefined, factor: number): number | undefined {
  return value === undefined ? undefined : value * factor;
}
