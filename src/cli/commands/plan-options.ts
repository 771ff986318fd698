import { customPerTokenPlan, selfHostedPlan } from "../../catalog/custom-plans.js";
import { planOfferForPreset, type UnavailablePlan } from "../../catalog/plans-for-preset.js";
import { resolveScenario } from "../../catalog/resolve-scenario.js";
import type { Overlap } from "../../core/cluster-hours.js";
import { CONTEXT_POLICIES, type ContextPolicy } from "../../core/context-policy.js";
import type { Plan } from "../../core/plan.js";
import { CliError } from "../cli-error.js";
import { choiceFlag, numberFlag } from "../flags.js";
import { type SCENARIO_FLAGS, scenarioOptions } from "./estimate.js";
import { pricesFromFlag } from "./prices-flag.js";

/** Flags that choose and define plans, shared by compare, breakeven and sweep. */
export const PLAN_FLAGS = {
  plans: { type: "string" },
  overlap: { type: "string" },
  "context-policy": { type: "string" },
  "min-hours": { type: "string" },
  "self-hosted": { type: "string" },
  "self-hosted-gpu": { type: "string" },
  "self-hosted-gpus": { type: "string" },
  "custom-prefill": { type: "string" },
  "custom-cached-prefill": { type: "string" },
  "custom-sample": { type: "string" },
  "custom-train": { type: "string" },
  prices: { type: "string" },
  "prices-key": { type: "string" },
} as const;

/** The help lines for SCENARIO_FLAGS and PLAN_FLAGS. */
export const PLAN_HELP = `Scenario (defaults: the preset's, which are the reference page's)
  --preset <id>              reference (the page's plans and rates, default) or current
                             (every rate card in the catalog, newest figures)
  --model <id>               kimi-k2p6 (default), kimi-k2p5, qwen3p5-397b, gpt-oss-120b,
                             llama-3.1-8b, llama-3.1-70b
  --episodes <n>             episodes, 1..10,000,000 (default 1000)
  --turns <n>                turns per episode, 1..200 (default 8)
  --initial-prompt <tokens>  first prompt (default 8000)
  --added-per-turn <tokens>  context added per turn (default 12000)
  --generated-per-turn <tokens>  tokens generated per turn (default 2000)
  --context-policy <p>       past the model's window: ignore (the page's; default with
                             --preset reference), stop (default with current),
                             drop-oldest (re-prefills the kept context) or refuse

Plans (default: every plan the preset offers for the model)
  --plans <id,id,...>        only these plans (ids as listed in the output)
  --gpus <n>                 GPUs in each dedicated plan
  --prompt-tps <tok/s>       cluster prefill throughput of dedicated plans, > 0
  --decode-tps <tok/s>       cluster decode throughput of dedicated plans, > 0
  --overlap <max|sum>        prefill and decode on dedicated GPUs: max (the page's) or sum
  --min-hours <h>            dedicated plans bill at least this many hours (a reservation)
  --self-hosted <$/GPU-hour> add a self-hosted plan at this rate
  --self-hosted-gpu <type>   its GPU type (default: the preset's for the model)
  --self-hosted-gpus <n>     its GPU count (default: the preset's for the model)
  --custom-prefill <$/1M>    add a per-token plan with your rates; needs --custom-sample
  --custom-cached-prefill <$/1M>  its cached-prefill rate (default: full prefill)
  --custom-sample <$/1M>     its sample (output) rate
  --custom-train <$/1M>      its train rate
  --prices <file.json>       add per-token plans from a LiteLLM-style price map
                             (input_cost_per_token, output_cost_per_token,
                             cache_read_input_token_cost, max_input_tokens)
  --prices-key <name,...>    which entries of that map (needed past 20 entries)`;

const money = { min: 0, max: 1_000_000 } as const;

type Values = Partial<Record<keyof typeof SCENARIO_FLAGS | keyof typeof PLAN_FLAGS, string>>;

/** RangeErrors from the catalog and core become usage errors naming `flag`. */
export function explain<T>(flag: string, body: () => T): T {
  try {
    return body();
  } catch (error) {
    if (error instanceof RangeError) throw new CliError(`${flag}: ${error.message}`);
    throw error;
  }
}

/** The scenario the flags describe: preset, model, workload, context policy and window. */
export function scenarioFromFlags(values: Values) {
  const options = scenarioOptions(values);
  let resolved: ReturnType<typeof resolveScenario>;
  try {
    resolved = resolveScenario(options);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new CliError(
      `${error.message.startsWith("unknown preset") ? "--preset" : "--model"}: ${error.message}`,
    );
  }
  const policy: ContextPolicy =
    choiceFlag("context-policy", values["context-policy"], CONTEXT_POLICIES) ??
    (resolved.preset.id === "reference" ? "ignore" : "stop");
  return { ...resolved, options, policy, windowTokens: resolved.model.contextWindowTokens };
}

/** Every plan the flags ask for, the preset's offers first, and the ones the preset cannot offer. */
export async function plansFromFlags(
  values: Values,
  scenario: ReturnType<typeof scenarioFromFlags>,
): Promise<{
  plans: Plan[];
  unavailable: UnavailablePlan[];
  skipped: string[];
  notes: Record<string, string[]>;
}> {
  const { options, preset, model } = scenario;
  const overlap: Overlap = choiceFlag("overlap", values.overlap, ["max", "sum"] as const) ?? "max";
  const minimumBilledHours = numberFlag("min-hours", values["min-hours"], { min: 0, max: 1_000_000 });
  const offer = planOfferForPreset(preset.id, model.id, {
    overlap,
    ...(options.gpus !== undefined && { gpus: options.gpus }),
    ...(options.promptTokensPerSecond !== undefined && {
      promptTokensPerSecond: options.promptTokensPerSecond,
    }),
    ...(options.decodeTokensPerSecond !== undefined && {
      decodeTokensPerSecond: options.decodeTokensPerSecond,
    }),
    ...(minimumBilledHours !== undefined && { minimumBilledHours }),
  });
  const plans = [...offer.plans];
  const skipped: string[] = [];
  const notes: Record<string, string[]> = {};

  const selfRate = numberFlag("self-hosted", values["self-hosted"], { ...money, exclusiveMin: true });
  if (
    selfRate === undefined &&
    (values["self-hosted-gpu"] !== undefined || values["self-hosted-gpus"] !== undefined)
  ) {
    throw new CliError("--self-hosted-gpu/--self-hosted-gpus need --self-hosted <$/GPU-hour>");
  }
  if (selfRate !== undefined) {
    const defaults = preset.dedicatedDefaults.find((d) => d.modelId === model.id);
    const gpuType = gpuTypeFlag(values["self-hosted-gpu"]) ?? defaults?.gpuType;
    const gpus = numberFlag("self-hosted-gpus", values["self-hosted-gpus"], {
      integer: true,
      min: 1,
      max: 1_000_000,
    });
    const prompt = options.promptTokensPerSecond ?? defaults?.promptTokensPerSecond;
    const decode = options.decodeTokensPerSecond ?? defaults?.decodeTokensPerSecond;
    if (gpuType === undefined || prompt === undefined || decode === undefined) {
      throw new CliError(
        `--self-hosted: the catalog has no GPU type or throughput for ${model.id}; give --self-hosted-gpu, --prompt-tps and --decode-tps`,
      );
    }
    const userThroughput =
      options.promptTokensPerSecond !== undefined && options.decodeTokensPerSecond !== undefined;
    plans.push(
      selfHostedPlan({
        gpuType,
        gpus: gpus ?? options.gpus ?? defaults?.gpus ?? 1,
        usdPerGpuHour: selfRate,
        promptTokensPerSecond: prompt,
        decodeTokensPerSecond: decode,
        throughputSource: userThroughput
          ? "user input"
          : `${defaults?.source} (as of ${defaults?.asOf}), given for ${defaults?.gpus}× ${defaults?.gpuType}`,
        overlap,
        ...(minimumBilledHours !== undefined && { minimumBilledHours }),
      }),
    );
    if (
      !userThroughput &&
      defaults &&
      (gpuType !== defaults.gpuType || (gpus ?? defaults.gpus) !== defaults.gpus)
    ) {
      notes["self-hosted"] = [
        `throughputs are the catalog's for ${defaults.gpus}× ${defaults.gpuType}, not ${gpus ?? defaults.gpus}× ${gpuType}; set --prompt-tps and --decode-tps`,
      ];
    }
  }

  const prefill = numberFlag("custom-prefill", values["custom-prefill"], money);
  const sample = numberFlag("custom-sample", values["custom-sample"], money);
  const cached = numberFlag("custom-cached-prefill", values["custom-cached-prefill"], money);
  const train = numberFlag("custom-train", values["custom-train"], money);
  if (
    (prefill === undefined) !== (sample === undefined) ||
    ((cached ?? train) !== undefined && prefill === undefined)
  ) {
    throw new CliError(
      "--custom-prefill and --custom-sample must be given together (with optional --custom-cached-prefill, --custom-train)",
    );
  }
  if (prefill !== undefined && sample !== undefined) {
    plans.push(
      customPerTokenPlan({
        usdPerMillionPrefill: prefill,
        usdPerMillionSample: sample,
        ...(cached !== undefined && { usdPerMillionCachedPrefill: cached }),
        ...(train !== undefined && { usdPerMillionTrain: train }),
      }),
    );
  }

  if (values["prices-key"] !== undefined && values.prices === undefined) {
    throw new CliError("--prices-key needs --prices <file.json>");
  }
  if (values.prices !== undefined) {
    const imported = await pricesFromFlag(values.prices, values["prices-key"]);
    plans.push(...imported.plans);
    skipped.push(...imported.skipped);
  }

  return {
    plans: selectPlans(values.plans, plans, offer.unavailable),
    unavailable: offer.unavailable,
    skipped,
    notes,
  };
}

const GPU_NAME = /^[A-Za-z][A-Za-z0-9_.-]{0,39}$/;

// Any GPU name is allowed, but it is printed in labels: keep it to plain characters, and keep words
// that read as broken figures (NaN, Infinity, undefined) out of the output.
function gpuTypeFlag(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (GPU_NAME.test(raw) && !/^(nan|infinity|undefined|null)$/i.test(raw)) return raw;
  throw new CliError(
    `--self-hosted-gpu must be a GPU name like H100_80GB (a letter, then letters, digits, _ . -; at most 40), got ${JSON.stringify(raw)}`,
  );
}

function selectPlans(raw: string | undefined, plans: Plan[], unavailable: UnavailablePlan[]): Plan[] {
  if (raw === undefined) return plans;
  const ids = raw
    .split(",")
    .map((id) => id.trim())
    .filter((id) => id.length > 0);
  if (ids.length === 0) throw new CliError(`--plans must list plan ids, got ${JSON.stringify(raw)}`);
  return ids.map((id) => {
    const plan = plans.find((p) => p.id === id);
    if (plan) return plan;
    const missing = unavailable.find((u) => u.id === id);
    if (missing) throw new CliError(`--plans: ${id} is not available here: ${missing.reason}`);
    throw new CliError(
      `--plans: unknown plan ${JSON.stringify(id)} (offered: ${plans.map((p) => p.id).join(", ")})`,
    );
  });
}
