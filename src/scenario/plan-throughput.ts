// Dedicated plans on the GPUs the user chose: a plan whose weights do not fit is not priced (listed as
// unavailable with the bytes needed and available); with derived throughput each plan's cluster
// throughput comes from the throughput model, simulated turn by turn on one replica, turned into the
// effective tok/s that make the plan's one GPU-hour bill reproduce the simulated hours; saturated
// figures the catalog holds only for other GPUs are not used.
import { derivedThroughputBand } from "../catalog/throughput-band.js";
import type { GpuHourPlan, Plan } from "../core/plan.js";
import type { DerivedDedicated } from "../core/throughput/derived-dedicated.js";
import { weightBytesPerGpu } from "../core/throughput/model-parts.js";
import type { WorkloadTokens } from "../core/workload-tokens.js";
import type { UnavailablePlan } from "./card-plans.js";
import { deploymentFor, derivedDedicatedForReference } from "./derived-for-reference.js";
import type { Scenario } from "./resolve.js";

/** Weights that do not fit a plan's GPUs: bytes each replica needs and has. */
export interface WeightsDoNotFit {
  neededBytes: number;
  availableBytes: number;
}

/** The ×/÷ band a derived figure carries, and the range it gives the plan's hours and dollars. */
export interface DerivedBand {
  typicalFactor: number;
  worstFactor: number;
  clusterHours: { low: number; high: number };
  usdTotal: { low: number; high: number };
  source: string;
}

/** What the chosen GPUs and throughput did to the offered plans. */
export interface PlanThroughput {
  plans: Plan[];
  unavailable: (UnavailablePlan & { weights?: WeightsDoNotFit })[];
  notes: Record<string, string[]>;
  /** The derived simulation behind each derived plan, by plan id. */
  derived: Record<string, DerivedDedicated>;
}

const GB = (bytes: number) => `${(bytes / 1e9).toFixed(1)} GB`;

/** Needed vs available weight bytes on `gpus` × `gpuType`; undefined when they fit or the catalog cannot say. */
export function weightsDoNotFit(modelId: string, gpuType: string, gpus: number): WeightsDoNotFit | undefined {
  let deployment: ReturnType<typeof deploymentFor>;
  try {
    deployment = deploymentFor(modelId, gpuType, gpus);
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
  const { model, replica, efficiencies } = deployment;
  const neededBytes = weightBytesPerGpu(model, replica) * replica.gpus;
  const availableBytes = replica.gpu.hbmBytes * efficiencies.memoryUtilizationFraction * replica.gpus;
  return neededBytes < availableBytes ? undefined : { neededBytes, availableBytes };
}

/** Whether the user chose the GPUs (so a plan that cannot run on them must say so). */
function gpusChosen(scenario: Scenario): boolean {
  const v = scenario.values;
  return v.gpuType !== undefined || v.selfHostedGpuType !== undefined || scenario.throughput === "derived";
}

/**
 * The plans with the chosen GPUs and throughput applied: unavailable where the weights do not fit (when
 * the user chose GPUs or derived throughput) or where saturated figures exist only for other GPUs;
 * derived plans bill prefill and decode in turn (`sum`), as the simulation runs them on one replica.
 */
export function applyPlanThroughput(
  scenario: Scenario,
  tokens: WorkloadTokens,
  offered: readonly Plan[],
): PlanThroughput {
  const out: PlanThroughput = { plans: [], unavailable: [], notes: {}, derived: {} };
  const entry = scenario.dedicated?.catalogEntry;
  const userThroughput =
    scenario.values.promptTokensPerSecond !== undefined &&
    scenario.values.decodeTokensPerSecond !== undefined;
  const sims = new Map<string, DerivedDedicated | { ok: false; reason: string }>();
  for (const plan of offered) {
    if (plan.kind !== "gpu-hour") {
      out.plans.push(plan);
      continue;
    }
    const where = `${plan.gpus}× ${plan.gpuType}`;
    const weights = gpusChosen(scenario)
      ? weightsDoNotFit(scenario.model.id, plan.gpuType, plan.gpus)
      : undefined;
    if (weights) {
      out.unavailable.push({
        id: plan.id,
        label: plan.label,
        reason: `${scenario.model.label}'s weights need ${GB(weights.neededBytes)} but ${where} hold ${GB(weights.availableBytes)} (at the GPU's memory utilisation): it cannot run there`,
        weights,
      });
      continue;
    }
    if (scenario.throughput === "saturated") {
      if (!userThroughput && entry && plan.gpuType !== entry.gpuType) {
        out.unavailable.push({
          id: plan.id,
          label: plan.label,
          reason: `the catalog's saturated throughput is for ${entry.gpus}× ${entry.gpuType}, not ${plan.gpuType}: use --throughput derived, or give --prompt-tps and --decode-tps`,
        });
        continue;
      }
      out.plans.push(plan);
      continue;
    }
    const key = `${plan.gpuType}×${plan.gpus}`;
    let sim = sims.get(key);
    if (!sim) {
      sim = derivedOrReason(() =>
        derivedDedicatedForReference(
          {
            workload: scenario.workload,
            perToken: { usdPerMillionPrefill: 0, usdPerMillionSample: 0 },
            dedicated: {
              gpuType: plan.gpuType,
              gpus: plan.gpus,
              usdPerGpuHour: plan.usdPerGpuHour,
              promptTokensPerSecond: plan.promptTokensPerSecond,
              decodeTokensPerSecond: plan.decodeTokensPerSecond,
            },
          },
          scenario.model.id,
        ),
      );
      sims.set(key, sim);
    }
    if (!sim.ok) {
      out.unavailable.push({
        id: plan.id,
        label: plan.label,
        reason: `no derived throughput on ${where}: ${sim.reason}`,
      });
      continue;
    }
    out.plans.push(derivedPlan(plan, sim, tokens));
    out.derived[plan.id] = sim;
    if (sim.warnings.length > 0) out.notes[plan.id] = [...sim.warnings];
  }
  return out;
}

/** The simulation, or the RangeError it threw (a workload past the simulator's limits) as a reason. */
function derivedOrReason(
  run: () => DerivedDedicated | { ok: false; reason: string },
): DerivedDedicated | { ok: false; reason: string } {
  try {
    return run();
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, reason: error.message };
    throw error;
  }
}

/** The plan at the effective tok/s that make its bill (sum overlap) equal the simulated busy hours. */
function derivedPlan(plan: GpuHourPlan, sim: DerivedDedicated, tokens: WorkloadTokens): GpuHourPlan {
  const uncached = tokens.promptTokens - tokens.cachedPromptTokens;
  const { prefillSeconds, decodeSeconds } = sim.reuse;
  // A phase with no tokens or no time keeps the plan's figure: it adds nothing to the bill either way.
  const rate = (n: number, seconds: number, fallback: number) =>
    n > 0 && seconds > 0 ? n / seconds : fallback;
  const band = derivedThroughputBand();
  return {
    ...plan,
    promptTokensPerSecond: rate(uncached, prefillSeconds, plan.promptTokensPerSecond),
    decodeTokensPerSecond: rate(tokens.decodeTokens, decodeSeconds, plan.decodeTokensPerSecond),
    overlap: "sum",
    throughputSource: `derived: the throughput model, simulated turn by turn on one replica of ${plan.gpus}× ${plan.gpuType} with ${sim.episodesInFlight} episodes in flight, prefill and decode in turn (sum); typically within ×/÷${band.typicalFactor}, at worst ×/÷${band.worstFactor} (${band.source})`,
  };
}

/** The band a derived plan's hours and dollars carry: ÷ and × the model's worst factor. */
export function derivedBand(clusterHours: number, usdTotal: number): DerivedBand {
  const band = derivedThroughputBand();
  const w = band.worstFactor;
  return {
    typicalFactor: band.typicalFactor,
    worstFactor: w,
    clusterHours: { low: clusterHours / w, high: clusterHours * w },
    usdTotal: { low: usdTotal / w, high: usdTotal * w },
    source: band.source,
  };
}
