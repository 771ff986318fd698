import { replicaFor } from "../../catalog/layouts.js";
import { gpuRateFor, presetById } from "../../catalog/lookup.js";
import { CACHE_SURVIVAL_FRACTION, SIMULATION_ENGINE_DEFAULTS } from "../../catalog/simulation-defaults.js";
import { withPrecision } from "../../catalog/weight-formats.js";
import { LIMITS } from "../../core/limits.js";
import { sweepConcurrency } from "../../core/simulation/concurrency-sweep.js";
import {
  ROLLOUT_ROUTINGS,
  type RolloutSimulationInput,
  type WeightSync,
} from "../../core/simulation/rollout-input.js";
import { simulateRollout } from "../../core/simulation/simulate-rollout.js";
import { echo, plainText } from "../../format/echo.js";
import { jsonText } from "../../format/machine-text.js";
import { analyzeFile } from "../../logs/analyze-file.js";
import { nodeDecode } from "../../logs/node-input.js";
import { type LogDistributions, logDistributions } from "../../scenario/log-distributions.js";
import { planOffer } from "../../scenario/plans.js";
import { simulatedPricingScenario, simulatedRunPriced } from "../../scenario/simulation-for.js";
import { CliError } from "../cli-error.js";
import type { Command } from "../context.js";
import { choiceFlag, numberFlag, parseFlags } from "../flags.js";
import { distributionFlag } from "../options/distribution-flag.js";
import { explained } from "../options/scenario-flags.js";
import { SIMULATE_HELP } from "../options/simulate-help.js";
import {
  deploymentFromFlags,
  efficienciesFromFlags,
  gpuFromFlags,
  HARDWARE_FLAGS,
  modelFromFlags,
} from "../options/throughput-options.js";
import { OUTPUT_FLAGS, outputFormat } from "../output.js";
import { startSimulationProgress } from "../report/simulate-progress.js";
import { type SimulateReport, simulateCsv, simulateTable } from "../report/simulate-report.js";

const s = { type: "string" } as const;
const FLAGS = {
  ...HARDWARE_FLAGS,
  replicas: s,
  episodes: s,
  "group-size": s,
  turns: s,
  "initial-prompt": s,
  "added-per-turn": s,
  "generated-per-turn": s,
  "tool-latency": s,
  concurrency: s,
  routing: s,
  sync: s,
  "episodes-per-step": s,
  "stale-steps": s,
  "block-tokens": s,
  "token-budget": s,
  "max-seqs": s,
  seed: s,
  "usd-per-gpu-hour": s,
  "train-tps": s,
  passes: s,
  preset: s,
  "sweep-concurrency": s,
  "keep-generated": { type: "boolean" },
  "shape-from-log": s,
  ...OUTPUT_FLAGS,
} as const;

const tokens = { min: 0, max: LIMITS.tokens.max, integer: true } as const;

export const simulate: Command = {
  summary: "simulate rollouts event by event: cache hits, re-prefill by cause, GPU-hours, $, the RL step",
  help: SIMULATE_HELP,
  async run(argv, context) {
    const { values } = parseFlags(argv, FLAGS);
    const format = outputFormat(values);
    const { model: checkpoint, precision: checkpointPrecision } = modelFromFlags(values);
    const gpu = gpuFromFlags(values);
    // The deployment as `throughput` takes it: --layout / --weights / --kv-cache, else the catalog's for the model.
    const deployment = deploymentFromFlags(
      values,
      values.model === undefined ? undefined : checkpoint.id,
      checkpointPrecision,
    );
    const model = withPrecision(checkpoint, gpu, deployment.precision);
    const eff = efficienciesFromFlags(values, gpu.efficiencies);
    const int = (name: keyof typeof values, min: number, max: number) =>
      numberFlag(name, values[name] as string | undefined, { integer: true, min, max });
    const defaults = presetById("reference").workloadDefaults;
    const fromLog = await logShape(values["shape-from-log"]);
    const episodes = int("episodes", 1, 10_000_000) ?? fromLog?.episodes ?? defaults.episodes;
    const syncMode = choiceFlag("sync", values.sync, ["none", "sync", "async"] as const) ?? "none";
    const perStep = int("episodes-per-step", 1, 10_000_000) ?? episodes;
    const weightSync: WeightSync =
      syncMode === "none"
        ? { mode: "none" }
        : syncMode === "sync"
          ? { mode: "sync", episodesPerStep: perStep }
          : { mode: "async", episodesPerStep: perStep, staleSteps: int("stale-steps", 0, 1000) ?? 1 };
    const trainTps = numberFlag("train-tps", values["train-tps"], { min: 0.001, max: 1e12 });
    const passes = numberFlag("passes", values.passes, { min: 0, exclusiveMin: true, max: 1000 }) ?? 1;
    const input: RolloutSimulationInput = {
      model,
      replica: replicaFor(gpu, int("gpus", 1, 1_000_000) ?? 1, deployment.layout),
      efficiencies: eff.efficiencies,
      replicas: int("replicas", 1, 10_000) ?? 1,
      engine: {
        blockTokens: int("block-tokens", 1, 65_536) ?? SIMULATION_ENGINE_DEFAULTS.blockTokens,
        tokenBudgetPerStep:
          int("token-budget", 2, 100_000_000) ?? SIMULATION_ENGINE_DEFAULTS.tokenBudgetPerStep,
        maxSequencesPerReplica:
          int("max-seqs", 1, 1_000_000) ?? SIMULATION_ENGINE_DEFAULTS.maxSequencesPerReplica,
      },
      workload: {
        episodes,
        groupSize: int("group-size", 1, 100_000) ?? 1,
        turns: distributionFlag("turns", values.turns, { ...LIMITS.turns, integer: true }) ??
          fromLog?.turns ?? { kind: "constant", value: defaults.turns },
        initialPromptTokens:
          int("initial-prompt", 0, LIMITS.tokens.max) ??
          fromLog?.initialPromptTokens ??
          defaults.initialPromptTokens,
        addedTokensPerTurn: distributionFlag("added-per-turn", values["added-per-turn"], tokens) ??
          fromLog?.addedTokensPerTurn ?? { kind: "constant", value: defaults.addedTokensPerTurn },
        generatedTokensPerTurn: distributionFlag("generated-per-turn", values["generated-per-turn"], {
          ...tokens,
          min: 1,
        }) ??
          fromLog?.generatedTokensPerTurn ?? { kind: "constant", value: defaults.generatedTokensPerTurn },
        toolLatencySeconds: distributionFlag("tool-latency", values["tool-latency"], {
          min: 0,
          max: 86_400,
        }) ?? { kind: "constant", value: 0 },
        generatedKvReused: values["keep-generated"] === true,
      },
      concurrency: 0,
      routing: choiceFlag("routing", values.routing, ROLLOUT_ROUTINGS) ?? "session-affinity",
      weightSync,
      ...(trainTps !== undefined && { trainTokensPerSecond: trainTps }),
      trainPasses: passes,
      seed: int("seed", 0, 0xffffffff) ?? 1,
    };
    // Default: as many in flight as the engines run at once.
    input.concurrency =
      int("concurrency", 1, 10_000_000) ??
      Math.min(episodes, input.engine.maxSequencesPerReplica * input.replicas);
    if (input.engine.tokenBudgetPerStep <= input.engine.maxSequencesPerReplica)
      throw new CliError(
        `--token-budget must be greater than --max-seqs (${input.engine.maxSequencesPerReplica}), got ${input.engine.tokenBudgetPerStep}`,
      );
    const sweepLevels = values["sweep-concurrency"]
      ?.split(",")
      .map(
        (part) => numberFlag("sweep-concurrency", part, { integer: true, min: 1, max: 10_000_000 }) as number,
      );
    const rateFlag = numberFlag("usd-per-gpu-hour", values["usd-per-gpu-hour"], {
      min: 0,
      exclusiveMin: true,
      max: 1_000_000,
    });
    const preset = presetById("reference");
    const rate = rateFlag === undefined ? gpuRateFor(preset, gpu.id) : undefined;
    const usdPerGpuHour = rateFlag ?? rate?.usdPerGpuHour ?? 0;
    const rateSource =
      rateFlag !== undefined
        ? "--usd-per-gpu-hour"
        : `${rate?.source ?? "none"} (${rate?.asOf ?? "no date"})`;
    const pricing = {
      preset: values.preset ?? "current",
      modelId: model.id,
      passes,
      ...(trainTps !== undefined && { trainTokensPerSecond: trainTps }),
    };
    // The plans, their prices and the training are the scenario layer's, as for every other command;
    // a bad preset is refused before the simulation runs.
    const offer = explained(() => planOffer(simulatedPricingScenario(pricing)));

    const progress =
      context.stderr.isTTY && episodes * (sweepLevels?.length ?? 1) >= 20_000
        ? await startSimulationProgress(context.stderr, episodes * (sweepLevels?.length ?? 1))
        : undefined;
    let done = 0;
    const tracked = { ...input, onProgress: (n: number) => progress?.update(done + n) };
    const checked = <T>(run: () => T): T => {
      try {
        return run();
      } catch (error) {
        if (error instanceof RangeError) throw new CliError(error.message);
        throw error;
      }
    };
    try {
      const main = checked(() => simulateRollout(tracked));
      if (!main.ok) throw new CliError(`--turns/--initial-prompt/--gpus: ${main.reason}`);
      const run = explained(() => simulatedRunPriced(main, pricing));
      done += episodes;
      const sweep = sweepLevels
        ? sweepConcurrency(tracked, sweepLevels, CACHE_SURVIVAL_FRACTION.value)
        : undefined;
      const report: SimulateReport = {
        input: { ...input, model: model.id, gpu: gpu.id },
        usdPerGpuHour,
        usdPerGpuHourSource: rateSource,
        engineSource: `${SIMULATION_ENGINE_DEFAULTS.source} (${SIMULATION_ENGINE_DEFAULTS.asOf}): ${SIMULATION_ENGINE_DEFAULTS.note}`,
        simulation: main,
        dedicatedUsd: main.gpuHours * usdPerGpuHour,
        rlSteps: run.rlSteps,
        plans: run.priced.plans,
        sweep: sweep && {
          threshold: CACHE_SURVIVAL_FRACTION.value,
          thresholdSource: CACHE_SURVIVAL_FRACTION.source,
          firstBrokenConcurrency: sweep.firstBrokenConcurrency,
          points: sweep.points.map((p) => ({
            concurrency: p.concurrency,
            survivalFraction: p.survivalFraction,
            ...(p.result.ok
              ? {
                  ok: true as const,
                  wallClockSeconds: p.result.wallClockSeconds,
                  gpuHours: p.result.gpuHours,
                  usdDedicated: p.result.gpuHours * usdPerGpuHour,
                  cacheHitFraction: p.result.cacheHitFraction,
                  idealCacheHitFraction: p.result.idealCacheHitFraction,
                  reprefilledTokens: p.result.reprefilledTokens,
                  utilisationFraction: p.result.utilisationFraction,
                  preemptions: p.result.preemptions,
                }
              : { ok: false as const, reason: p.result.reason }),
          })),
        },
        warnings: offer.unavailable.map((u) => `${u.id}: ${u.reason}`),
      };
      progress?.stop();
      context.stdout.write(
        format === "json" ? jsonText(report) : format === "csv" ? simulateCsv(report) : simulateTable(report),
      );
    } finally {
      progress?.stop();
    }
  },
};

/** `--shape-from-log`: the log's episodes as distributions; a CliError naming the flag when it cannot be read. */
async function logShape(path: string | undefined): Promise<LogDistributions | undefined> {
  if (path === undefined) return undefined;
  if (path === "-")
    throw new CliError("--shape-from-log takes a log file's path (simulate reads no standard input)");
  let analysis: Awaited<ReturnType<typeof analyzeFile>>;
  try {
    analysis = await analyzeFile(path, { perEpisode: true, decode: nodeDecode });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = typeof code === "string" ? code : error instanceof Error ? error.message : String(error);
    throw new CliError(`--shape-from-log: cannot read ${echo(path)} (${plainText(why, 200)})`);
  }
  const read = logDistributions(analysis);
  if (!read.ok) throw new CliError(`--shape-from-log: ${echo(path)}: ${read.reason}`);
  return read.value;
}
