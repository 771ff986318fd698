import { LAYOUTS, replicaFor } from "../../catalog/layouts.js";
import { gpuRateFor, presetById } from "../../catalog/lookup.js";
import { derivedThroughputBand } from "../../catalog/throughput-band.js";
import { withPrecision } from "../../catalog/weight-formats.js";
import { LIMITS } from "../../core/limits.js";
import { cacheSurvival } from "../../core/throughput/cache-survival.js";
import { derivedDedicated } from "../../core/throughput/derived-dedicated.js";
import { kvCapacity } from "../../core/throughput/kv-capacity.js";
import { MAX_EPISODES_IN_FLIGHT } from "../../core/throughput/simulate-replica.js";
import { throughputAt } from "../../core/throughput/throughput-at.js";
import { jsonText } from "../../format/machine-text.js";
import { CliError } from "../cli-error.js";
import type { Command } from "../context.js";
import { numberFlag, parseFlags } from "../flags.js";
import { BENCH_FLAGS, benchFromFlags, offlineFor } from "../options/throughput-bench.js";
import {
  deploymentFromFlags,
  efficienciesFromFlags,
  gpuFromFlags,
  HARDWARE_FLAGS,
  modelFromFlags,
} from "../options/throughput-options.js";
import { throughputTable } from "../report/throughput-table.js";

const EPISODE_FLAGS = {
  episodes: { type: "string" },
  turns: { type: "string" },
  "initial-prompt": { type: "string" },
  "added-per-turn": { type: "string" },
  "generated-per-turn": { type: "string" },
  "in-flight": { type: "string" },
  "usd-per-gpu-hour": { type: "string" },
  "prompt-tps": { type: "string" },
  "decode-tps": { type: "string" },
} as const;

const FLAGS = {
  ...HARDWARE_FLAGS,
  ...BENCH_FLAGS,
  context: { type: "string" },
  batch: { type: "string" },
  ...EPISODE_FLAGS,
  json: { type: "boolean" },
} as const;

const tokens = { integer: true, min: LIMITS.tokens.min, max: LIMITS.tokens.max } as const;

export const throughput: Command = {
  summary: "derive prefill/decode tok/s, KV capacity and cache survival from the model and GPU",
  help: `Usage: rollout-cost throughput (--model <id> | --model-config <file>) --gpu <id> [options]

Derives throughput from first principles: a roofline (FLOPs and bytes moved) scaled
by named efficiency factors, plus communication and the step terms a roofline misses,
fitted on measured H100 runs and TensorRT-LLM's published table (docs/throughput.md).

Model and hardware
  --model <id>               catalog model: kimi-k2p6, kimi-k2p5, qwen3p5-397b, gpt-oss-120b,
                             llama-3.1-8b, llama-3.1-70b, llama-3.3-70b, llama-3.1-405b,
                             deepseek-r1, qwen3-235b-a22b
  --model-config <file>      a Hugging Face config.json instead (text_config is followed)
  --gpu <id>                 H100_80GB, H200_141GB, B200_180GB, B300_288GB, GB200_186GB,
                             GB300_279GB
  --gpus <n>                 GPUs in one replica (default 1)
  --layout <tp|ep|dep>       tp: everything sliced; ep: TP attention, whole experts per GPU;
                             dep: attention data-parallel + expert parallel (default: the
                             model's catalog deployment, else tp)
  --dp-attention             the same as --layout dep
  --weights <format>         non-expert weights: bf16, fp8, nvfp4, mxfp4, int4 (default: the
                             model's catalog deployment, else the checkpoint's)
  --expert-weights <format>  routed experts, same formats (default: as --weights)
  --kv-cache <bf16|fp8>      KV-cache format; fp8 halves KV bytes and runs attention in FP8
  --context <tokens>         context L (default: the initial prompt with episode flags)
  --batch <n>                sequences per prefill pass / decode step (default 1)

Efficiencies (defaults: the GPU's catalog profile, 'serving')
  --profile <id>             serving (CUDA graphs) or eager (the measured PyTorch harness)
  --matmul-efficiency <f>    fraction of dense peak in weight matrix products, 0..1
  --attention-efficiency <f> fraction of dense peak in attention, 0..1
  --bandwidth-efficiency <f> fraction of HBM bandwidth, 0..1
  --memory-utilization <f>   fraction of HBM for weights + cache (vLLM's 0.9), 0..1
  --step-overhead-ms <ms>    host time per layer per forward pass (0 with CUDA graphs)
  --fp8-matmul-efficiency <f>, --fp4-matmul-efficiency <f>
                             fraction of the FP8 / FP4 dense peak reached by weight products
  --moe-gemm-efficiency <f>  routed experts' grouped GEMMs, fraction of the dense kernels' roofline
  --weight-only-efficiency <f>  weight-only (W4A16: INT4, MXFP4 on Hopper) products, fraction of bf16's
  --routing-imbalance <x>    busiest expert-parallel rank's tokens ÷ the mean, 1..16
  --step-floor-us <us>       latency floor per layer per step that CUDA graphs do not remove
  --per-sequence-us <us>     engine time per sequence per step (scheduling, sampling)
  --interconnect-efficiency <f>  fraction of NVLink / network bandwidth collectives reach
  --comm-overlap <f>         share of communication hidden behind compute (two-batch overlap)

Serving benchmark (offline, maximum load, as trtllm-bench throughput)
  --isl <tokens> --osl <tokens>   input and output length of every request
  --spec-draft <n> --spec-accept <x>  speculative decoding / MTP: n drafted tokens a step,
                             x accepted on average (1..n+1)
  --prefill-gpus <n> --decode-gpus <n>  prefill/decode disaggregation: two pools of the layout

Episodes (any of these adds a turn-by-turn simulation of one replica)
  --episodes <n> --turns <n> --initial-prompt <tokens> --added-per-turn <tokens>
  --generated-per-turn <tokens>   (defaults: the Fireworks page's 1000, 8, 8000, 12000, 2000)
  --in-flight <n>            episodes run at once (default: as many as their caches fit)
  --usd-per-gpu-hour <usd>   default: the Fireworks page's rate for the GPU
  --prompt-tps, --decode-tps the page's saturated constants to compare with (default: the
                             reference preset's for the model and GPU, else derived at turn 1)

Output
  --json                     machine-readable, unrounded
  -h, --help                 this text

Exit codes: 0 ok, 2 bad input (one line on stderr naming the flag).`,
  async run(argv, context) {
    const { values } = parseFlags(argv, FLAGS);
    const {
      model: checkpoint,
      source: modelSource,
      precision: checkpointPrecision,
      warnings: modelWarnings,
    } = modelFromFlags(values);
    const gpu = gpuFromFlags(values);
    const eff = efficienciesFromFlags(values, gpu.efficiencies);
    const gpus = numberFlag("gpus", values.gpus, { integer: true, min: 1, max: 1_000_000 }) ?? 1;
    // Catalog deployment defaults belong to catalog models, not to a config.json that shares a name.
    const catalogId = values.model === undefined ? undefined : checkpoint.id;
    const deployment = deploymentFromFlags(values, catalogId, checkpointPrecision);
    const model = withPrecision(checkpoint, gpu, deployment.precision);
    const replica = replicaFor(gpu, gpus, deployment.layout);
    const bench = benchFromFlags(values);
    const episodeMode = Object.keys(EPISODE_FLAGS).some(
      (flag) => values[flag as keyof typeof values] !== undefined,
    );
    const defaults = presetById("reference").workloadDefaults;
    const shape = {
      turns: numberFlag("turns", values.turns, { integer: true, ...LIMITS.turns }) ?? defaults.turns,
      initialPromptTokens:
        numberFlag("initial-prompt", values["initial-prompt"], tokens) ?? defaults.initialPromptTokens,
      addedTokensPerTurn:
        numberFlag("added-per-turn", values["added-per-turn"], tokens) ?? defaults.addedTokensPerTurn,
      generatedTokensPerTurn:
        numberFlag("generated-per-turn", values["generated-per-turn"], tokens) ??
        defaults.generatedTokensPerTurn,
    };
    const episodes =
      numberFlag("episodes", values.episodes, { integer: true, ...LIMITS.episodes }) ?? defaults.episodes;
    const contextTokens =
      numberFlag("context", values.context, { integer: true, min: 1, max: LIMITS.tokens.max }) ??
      (episodeMode ? Math.max(1, shape.initialPromptTokens) : bench?.inputTokens);
    if (contextTokens === undefined)
      throw new CliError(
        "--context is required: the context length L in tokens, e.g. --context 32768 (or --isl and --osl)",
      );
    const batch = numberFlag("batch", values.batch, { integer: true, min: 1, max: 1_000_000 }) ?? 1;
    const inFlight = numberFlag("in-flight", values["in-flight"], {
      integer: true,
      min: 1,
      max: Math.min(episodes, MAX_EPISODES_IN_FLIGHT),
    });
    const rateFlag = numberFlag("usd-per-gpu-hour", values["usd-per-gpu-hour"], {
      min: 0,
      exclusiveMin: true,
      max: 1_000_000,
    });
    const promptTps = numberFlag("prompt-tps", values["prompt-tps"], { min: 0.001, max: 1e12 });
    const decodeTps = numberFlag("decode-tps", values["decode-tps"], { min: 0.001, max: 1e12 });

    const point = throughputAt(model, replica, eff.efficiencies, { contextTokens, batch });
    const offline = bench ? offlineFor(bench, model, replica, eff.efficiencies) : undefined;
    const report = {
      model: { id: model.id, source: modelSource, architecture: model },
      gpu: {
        id: gpu.id,
        gpus,
        dataParallelAttention: replica.dataParallelAttention,
        source: `${gpu.source} (${gpu.asOf})`,
      },
      deployment: {
        layout: deployment.layout,
        label: LAYOUTS[deployment.layout].label,
        expertParallel: replica.expertParallel === true,
        weights: { dense: model.denseWeights, experts: model.expertWeights },
        kvBytesPerElement: model.kvBytesPerElement,
        attentionMath: model.attentionMath ?? "bf16",
        chosen: deployment.precision,
        source: deployment.source,
      },
      ...point,
      ...(offline && { offline }),
      band: derivedThroughputBand(),
      efficiencies: {
        ...eff.efficiencies,
        profile: eff.profile,
        overridden: eff.overridden,
        source: eff.source,
        note: eff.note,
      },
      warnings: [...modelWarnings, ...point.warnings],
    };
    if (offline && !offline.ok)
      throw new CliError(`--isl ${bench?.inputTokens} --osl ${bench?.outputTokens}: ${offline.reason}`);
    if (!episodeMode) {
      context.stdout.write(values.json ? jsonText(report) : throughputTable(report, undefined));
      return;
    }

    const preset = presetById("reference");
    const pageDefaults = preset.dedicatedDefaults.find((d) => d.modelId === model.id && d.gpuType === gpu.id);
    const rate = rateFlag === undefined ? gpuRateFor(preset, gpu.id) : undefined;
    const workload = { episodes, shape };
    // Held constant the way the page holds its figures: the first turn's context, the batch in flight.
    const capacity = kvCapacity(model, replica, eff.efficiencies.memoryUtilizationFraction);
    const fitting = capacity.ok ? cacheSurvival(capacity, shape, 1).episodesWhoseCachesFit : 1;
    const derivedAtTurnOne = throughputAt(model, replica, eff.efficiencies, {
      contextTokens: Math.max(1, shape.initialPromptTokens),
      batch: inFlight ?? Math.min(episodes, Math.max(1, fitting)),
    });
    const saturated = {
      promptTokensPerSecond:
        promptTps ?? pageDefaults?.promptTokensPerSecond ?? derivedAtTurnOne.prefillTokensPerSecond,
      decodeTokensPerSecond:
        decodeTps ?? pageDefaults?.decodeTokensPerSecond ?? derivedAtTurnOne.decodeTokensPerSecond,
    };
    const saturatedSource =
      promptTps !== undefined || decodeTps !== undefined
        ? "--prompt-tps / --decode-tps (the rest as below)"
        : pageDefaults
          ? `${pageDefaults.source}${pageDefaults.source.includes(pageDefaults.asOf) ? "" : ` (${pageDefaults.asOf})`}: the page's constants for ${model.id} on ${pageDefaults.gpus} × ${gpu.id}`
          : "no page constants for this model and GPU: this model's derived throughput at the first turn's context, held constant";
    const usdPerGpuHour = rateFlag ?? rate?.usdPerGpuHour ?? 0;
    const rateSource =
      rateFlag !== undefined ? "--usd-per-gpu-hour" : `${rate?.source} (${rate?.asOf ?? "no date"})`;
    let derived: ReturnType<typeof derivedDedicated>;
    try {
      derived = derivedDedicated({
        model,
        replica,
        efficiencies: eff.efficiencies,
        workload,
        episodesInFlight: inFlight,
        saturated,
        usdPerGpuHour,
      });
    } catch (error) {
      if (error instanceof RangeError) throw new CliError(error.message);
      throw error;
    }
    if (!derived.ok) {
      const hint = derived.reason.startsWith("weights")
        ? `--gpus ${gpus}: ${derived.reason}; give the replica more GPUs`
        : `--turns ${shape.turns}: ${derived.reason}; use fewer --turns, a shorter --initial-prompt, --added-per-turn or --generated-per-turn, or more --gpus`;
      throw new CliError(hint);
    }
    const { ok: _ok, ...simulated } = derived;
    const episodesReport = {
      workload,
      usdPerGpuHour,
      usdPerGpuHourSource: rateSource,
      saturated: { ...saturated, source: saturatedSource },
      ...simulated,
    };
    const full = { ...report, episodes: episodesReport, warnings: [...report.warnings, ...derived.warnings] };
    context.stdout.write(values.json ? jsonText(full) : throughputTable(full, episodesReport));
  },
};
