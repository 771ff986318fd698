// The page's "cache survival" panel joined to the catalog: the same RolloutSimulationInput that
// `rollout-cost simulate` builds from its flags, from the page's model, GPUs and workload.
import { architectureById, gpuById } from "../catalog/hardware-lookup.js";
import { DEPLOYMENT_DEFAULTS, type LayoutId, replicaFor } from "../catalog/layouts.js";
import { CACHE_SURVIVAL_FRACTION, SIMULATION_ENGINE_DEFAULTS } from "../catalog/simulation-defaults.js";
import { withPrecision } from "../catalog/weight-formats.js";
import type { Workload } from "../core/episode-shape.js";
import type { SweepPoint } from "../core/simulation/concurrency-sweep.js";
import { type RlStepSummary, rlStepSummary } from "../core/simulation/rl-step-summary.js";
import type { RolloutSimulationInput, WeightSync } from "../core/simulation/rollout-input.js";
import type { RolloutSimulation } from "../core/simulation/rollout-result.js";
import type { Efficiencies, ModelArchitecture } from "../core/throughput/types.js";
import { type PricedScenario, priceScenario } from "./price.js";
import { resolveScenario, type Scenario } from "./resolve.js";

/** The concurrencies the panel offers and sweeps (episodes in flight across the deployment). */
export const SURVIVAL_CONCURRENCIES = [64, 128, 256, 512, 1024, 2048, 4096] as const;

/** The tool latencies the panel offers, seconds per turn (the 0-30 s range). */
export const SURVIVAL_TOOL_LATENCIES_SECONDS = [0, 1, 2, 5, 10, 20, 30] as const;

/** The panel's first concurrency: `simulate`'s default, as many as one engine runs at once. */
export const SURVIVAL_DEFAULT_CONCURRENCY = SIMULATION_ENGINE_DEFAULTS.maxSequencesPerReplica;

/** What the panel chooses; the rest is `simulate`'s defaults (one replica, session affinity, no sync, seed 1). */
export interface SurvivalChoice {
  modelId: string;
  gpuId: string;
  /** GPUs in the one replica (the page's dedicated GPUs). */
  gpus: number;
  /** The layout (`simulate --layout`); absent = the catalog's deployment for the model, as `simulate` takes it. */
  layout?: LayoutId;
  concurrency: number;
  /** Seconds the tool takes after each turn but the last, the same every turn. */
  toolLatencySeconds: number;
  workload: Workload;
  /** The RL step (`simulate --sync`, `--episodes-per-step`); absent = none, rollouts only. */
  weightSync?: WeightSync;
  /** The trainer's tok/s and passes (`--train-tps`, `--passes`); absent tok/s = training takes no time. */
  training?: { trainTokensPerSecond?: number; passes: number };
}

/**
 * The simulation input `rollout-cost simulate --model M --gpu G --gpus N [--dp-attention] --episodes E
 * --turns T --initial-prompt P --added-per-turn A --generated-per-turn D --tool-latency L --concurrency C`
 * builds; `{ ok: false }` naming the model or GPU the catalog lacks.
 */
export function simulationInputFor(
  choice: SurvivalChoice,
): { ok: true; input: RolloutSimulationInput } | { ok: false; reason: string } {
  let model: ModelArchitecture;
  let gpu: ReturnType<typeof gpuById>;
  const deployment = DEPLOYMENT_DEFAULTS.find((d) => d.modelId === choice.modelId);
  try {
    gpu = gpuById(choice.gpuId);
    model = withPrecision(
      architectureById(choice.modelId),
      gpu,
      deployment ? { dense: deployment.dense, experts: deployment.experts, kv: deployment.kv } : {},
    );
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, reason: error.message };
    throw error;
  }
  const { id: _id, note: _note, source: _source, asOf: _asOf, ...defaults } = gpu.efficiencies;
  const efficiencies: Efficiencies = { ...defaults };
  const { shape, episodes } = choice.workload;
  const { source: _s, asOf: _a, note: _n, ...engine } = SIMULATION_ENGINE_DEFAULTS;
  return {
    ok: true,
    input: {
      model,
      replica: replicaFor(gpu, choice.gpus, choice.layout ?? deployment?.layout ?? "tp"),
      efficiencies,
      replicas: 1,
      engine,
      workload: {
        episodes,
        groupSize: 1,
        turns: { kind: "constant", value: shape.turns },
        initialPromptTokens: shape.initialPromptTokens,
        addedTokensPerTurn: { kind: "constant", value: shape.addedTokensPerTurn },
        generatedTokensPerTurn: { kind: "constant", value: shape.generatedTokensPerTurn },
        toolLatencySeconds: { kind: "constant", value: choice.toolLatencySeconds },
        generatedKvReused: false,
      },
      concurrency: choice.concurrency,
      routing: "session-affinity",
      weightSync: choice.weightSync ?? { mode: "none" },
      ...(choice.training?.trainTokensPerSecond !== undefined && {
        trainTokensPerSecond: choice.training.trainTokensPerSecond,
      }),
      trainPasses: choice.training?.passes ?? 1,
      seed: 1,
    },
  };
}

/** One concurrency of the sweep as `simulate --json` reports it (`sweep.points[]`). */
export interface SurvivalSweepPoint {
  concurrency: number;
  survivalFraction: number;
  ok: boolean;
  cacheHitFraction: number;
  idealCacheHitFraction: number;
  usdDedicated: number;
}

/** The panel's dollars and sweep: gpuHours × $/GPU-hour, as `simulate --json`'s dedicatedUsd and usdDedicated. */
export function survivalFigures(
  simulation: RolloutSimulation,
  sweep: { points: readonly SweepPoint[]; firstBrokenConcurrency: number | null },
  usdPerGpuHour: number,
): {
  dedicatedUsd: number;
  threshold: number;
  thresholdSource: string;
  firstBrokenConcurrency: number | null;
  points: SurvivalSweepPoint[];
} {
  return {
    dedicatedUsd: simulation.gpuHours * usdPerGpuHour,
    threshold: CACHE_SURVIVAL_FRACTION.value,
    thresholdSource: CACHE_SURVIVAL_FRACTION.source,
    firstBrokenConcurrency: sweep.firstBrokenConcurrency,
    points: sweep.points.flatMap((p) =>
      p.result.ok
        ? [
            {
              concurrency: p.concurrency,
              survivalFraction: p.survivalFraction,
              ok: true,
              cacheHitFraction: p.result.cacheHitFraction,
              idealCacheHitFraction: p.result.idealCacheHitFraction,
              usdDedicated: p.result.gpuHours * usdPerGpuHour,
            },
          ]
        : [],
    ),
  };
}

/** The survival threshold the sweep uses (hit ÷ ideal below it: the cache no longer survives). */
export const SURVIVAL_THRESHOLD = CACHE_SURVIVAL_FRACTION.value;

/** What `simulate` prices a simulated run with: the preset, the model and the trainer. */
export interface SimulatedPricing {
  preset: string;
  modelId: string;
  passes: number;
  trainTokensPerSecond?: number;
}

/** The scenario a simulated run is priced on; a ScenarioError naming the field it refuses. */
export function simulatedPricingScenario(pricing: SimulatedPricing): Scenario {
  return resolveScenario({
    preset: pricing.preset,
    model: pricing.modelId,
    trainPasses: pricing.passes,
    ...(pricing.trainTokensPerSecond !== undefined && {
      trainTokensPerSecond: pricing.trainTokensPerSecond,
    }),
  });
}

/**
 * A simulated run's tokens priced on every plan of the preset (rollouts, and training on the tokens its
 * RL steps trained), with the RL steps in figures: `rollout-cost simulate`'s plan table and the page's.
 */
export function simulatedRunPriced(
  simulation: RolloutSimulation,
  pricing: SimulatedPricing,
): { scenario: Scenario; rlSteps: RlStepSummary; priced: PricedScenario } {
  const scenario = simulatedPricingScenario(pricing);
  const rlSteps = rlStepSummary(simulation);
  const priced = priceScenario(scenario, {
    observed: { tokens: simulation.tokens, tokensTrained: rlSteps.tokensTrained },
  });
  return { scenario, rlSteps, priced };
}
