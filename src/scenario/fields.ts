// Every input a scenario has, once: its key (the name in scenario files and the library), its CLI flag,
// its URL key (for the inputs a link carries), its words on the page, its unit and what it accepts.
// CLI flags and their help, URL reading and writing, the page's inputs, sweep axes and fitted-shape
// links are all derived from this table.
import type { Overlap } from "../core/cluster-hours.js";
import { CONTEXT_POLICIES, type ContextPolicy } from "../core/context-policy.js";
import { LIMITS } from "../core/limits.js";

/** Where dedicated plans' throughput comes from: the catalog's constants, or the throughput model. */
export type ThroughputSource = "saturated" | "derived";

/** A number input: integer or real, with its range. */
export interface NumberRule {
  integer: boolean;
  min: number;
  max: number;
  /** `min` itself is not allowed. */
  exclusiveMin?: boolean;
}

interface FieldBase<K extends string> {
  key: K;
  flag: string;
  /** The URL query key; absent for inputs a link does not carry. */
  query?: string;
  label: string;
  /** The placeholder the CLI help shows after the flag, e.g. `<tokens>`. */
  metavar: string;
  help: string;
}

export interface NumberField<K extends string = string> extends FieldBase<K> {
  kind: "number";
  unit: string;
  rule: NumberRule;
}

export interface ChoiceField<K extends string = string> extends FieldBase<K> {
  kind: "choice";
  choices: readonly string[];
}

/** Free text checked where it is resolved (catalog ids, GPU names, lists of plan ids). */
export interface TextField<K extends string = string> extends FieldBase<K> {
  kind: "text";
  maxChars: number;
  /** Comma-separated list. */
  list?: boolean;
}

export type Field = NumberField | ChoiceField | TextField;

const tokens: NumberRule = { integer: true, min: LIMITS.tokens.min, max: LIMITS.tokens.max };
// A floor on throughput keeps every bill finite: the largest workload the limits allow (2·10^18 prompt
// tokens) at 0.001 tok/s is 6·10^17 hours, far inside a double.
const throughput: NumberRule = {
  integer: false,
  min: LIMITS.tokensPerSecond.min,
  max: LIMITS.tokensPerSecond.max,
};
const money: NumberRule = { integer: false, min: 0, max: LIMITS.usd.max };

function number<K extends string>(
  key: K,
  flag: string,
  label: string,
  unit: string,
  rule: NumberRule,
  help: string,
  more: { query?: string; metavar?: string } = {},
): NumberField<K> {
  return {
    kind: "number",
    key,
    flag,
    label,
    unit,
    rule,
    help,
    metavar: more.metavar ?? `<${unit}>`,
    ...more,
  };
}

/** The scenario's inputs, in the order help, links and scenario files list them. */
export const FIELDS = [
  {
    kind: "text",
    key: "preset",
    flag: "preset",
    query: "preset",
    label: "Preset",
    metavar: "<id>",
    maxChars: 40,
    help: "reference (the Fireworks page's plans and rates, default) or current (every rate card, newest figures)",
  },
  {
    kind: "text",
    key: "model",
    flag: "model",
    query: "model",
    label: "Model",
    metavar: "<id>",
    maxChars: 80,
    help: "a catalog model id or a name people type (kimi-k2.6, qwen3.5-397b, gpt-oss-120b); default kimi-k2p6",
  },
  number(
    "episodes",
    "episodes",
    "Episodes",
    "episodes",
    { integer: true, ...LIMITS.episodes },
    "episodes, 1..10,000,000 (default 1000)",
    {
      query: "episodes",
      metavar: "<n>",
    },
  ),
  number(
    "turns",
    "turns",
    "Turns per episode",
    "turns",
    { integer: true, ...LIMITS.turns },
    "turns per episode, 1..200 (default 8)",
    {
      query: "turns",
      metavar: "<n>",
    },
  ),
  number(
    "initialPromptTokens",
    "initial-prompt",
    "Initial prompt (tokens)",
    "tokens",
    tokens,
    "first prompt: system + tools + task (default 8000)",
    {
      query: "initial",
    },
  ),
  number(
    "addedTokensPerTurn",
    "added-per-turn",
    "Tokens added per turn",
    "tokens",
    tokens,
    "context added per turn: generation + tool result (default 12000)",
    {
      query: "added",
    },
  ),
  number(
    "generatedTokensPerTurn",
    "generated-per-turn",
    "Generation tokens per turn",
    "tokens",
    tokens,
    "tokens generated per turn (default 2000)",
    {
      query: "generated",
    },
  ),
  {
    kind: "choice",
    key: "contextPolicy",
    flag: "context-policy",
    query: "policy",
    label: "Past the context window",
    metavar: "<policy>",
    choices: CONTEXT_POLICIES,
    help: "ignore (the Fireworks page's; default with --preset reference), stop (default with current), drop-oldest (re-prefills the kept context) or refuse",
  },
  number(
    "gpus",
    "gpus",
    "Dedicated GPUs",
    "GPUs",
    { integer: true, ...LIMITS.gpus },
    "GPUs in each dedicated plan's replica (a deadline adds replicas: GPUs = replicas × this)",
    { query: "gpus", metavar: "<n>" },
  ),
  {
    kind: "text",
    key: "gpuType",
    flag: "gpu",
    query: "gpu",
    label: "Dedicated GPU type",
    metavar: "<type>",
    maxChars: 40,
    help: "the GPU dedicated and self-hosted plans run on (H100_80GB, H200_141GB, B200_180GB, B300_288GB; default: the preset's for the model); a plan whose weights do not fit is listed as unavailable",
  },
  {
    kind: "choice",
    key: "throughput",
    flag: "throughput",
    query: "throughput",
    label: "Dedicated throughput",
    metavar: "<saturated|derived>",
    choices: ["saturated", "derived"],
    help: "saturated (the catalog's constant figures, default) or derived (the throughput model, simulated turn by turn on the chosen GPUs, with its error band)",
  },
  number(
    "promptTokensPerSecond",
    "prompt-tps",
    "Prompt tokens/sec (cluster)",
    "tok/s",
    throughput,
    "cluster prefill throughput of dedicated plans, at least 0.001",
    {
      query: "ptps",
    },
  ),
  number(
    "decodeTokensPerSecond",
    "decode-tps",
    "Decode tokens/sec (cluster)",
    "tok/s",
    throughput,
    "cluster decode throughput of dedicated plans, at least 0.001",
    {
      query: "dtps",
    },
  ),
  {
    kind: "choice",
    key: "overlap",
    flag: "overlap",
    query: "overlap",
    label: "Prefill and decode on dedicated GPUs",
    metavar: "<max|sum>",
    choices: ["max", "sum"],
    help: "max (the Fireworks page's: they overlap perfectly) or sum (they take turns)",
  },
  number(
    "cacheKeptLowPercent",
    "cache-kept",
    "Prefix cache kept, at worst (% of the ideal)",
    "%",
    { integer: false, min: 0, max: 100 },
    "the least share of the ideal prefix-cache hit dedicated plans keep, 0..100 (default 100: every turn's prefix survives); their figures then carry a range down to it, and the verdict says whether the ranking can flip inside it",
    { query: "kept", metavar: "<percent>" },
  ),
  number(
    "minimumBilledHours",
    "min-hours",
    "Least hours billed",
    "h",
    { integer: false, min: 0, max: LIMITS.hours.max },
    "dedicated plans bill at least this many hours (a reservation)",
  ),
  {
    kind: "text",
    key: "plans",
    flag: "plans",
    label: "Plans",
    metavar: "<id,id,...>",
    maxChars: 2000,
    list: true,
    help: "only these plans (ids as listed in the output)",
  },
  {
    kind: "text",
    key: "baseline",
    flag: "baseline",
    label: "Baseline plan",
    metavar: "<id>",
    maxChars: 200,
    help: 'the plan the "vs" column reads against (default: the first plan listed)',
  },
  number(
    "selfHostedUsdPerGpuHour",
    "self-hosted",
    "Self-hosted $/GPU-hour",
    "$/GPU-hour",
    { ...money, exclusiveMin: true },
    "add a self-hosted plan at this rate",
  ),
  {
    kind: "text",
    key: "selfHostedGpuType",
    flag: "self-hosted-gpu",
    label: "Self-hosted GPU type",
    metavar: "<type>",
    maxChars: 40,
    help: "its GPU type (default: the preset's for the model)",
  },
  number(
    "selfHostedGpus",
    "self-hosted-gpus",
    "Self-hosted GPUs",
    "GPUs",
    { integer: true, min: 1, max: 1_000_000 },
    "its GPU count (default: the preset's for the model)",
    {
      metavar: "<n>",
    },
  ),
  number(
    "customUsdPerMillionPrefill",
    "custom-prefill",
    "Custom prefill $/1M",
    "$/1M",
    money,
    "add a per-token plan with your rates; needs --custom-sample",
  ),
  number(
    "customUsdPerMillionCachedPrefill",
    "custom-cached-prefill",
    "Custom cached prefill $/1M",
    "$/1M",
    money,
    "its cached-prefill rate (default: full prefill)",
  ),
  number(
    "customUsdPerMillionSample",
    "custom-sample",
    "Custom sample $/1M",
    "$/1M",
    money,
    "its sample (output) rate",
  ),
  number("customUsdPerMillionTrain", "custom-train", "Custom train $/1M", "$/1M", money, "its train rate"),
  number(
    "trainPasses",
    "train-passes",
    "Training passes",
    "passes",
    { integer: false, min: 0, max: 1000, exclusiveMin: true },
    "passes over each step's trajectories; turns training on",
    {
      query: "passes",
      metavar: "<n>",
    },
  ),
  number(
    "trainTokensPerSecond",
    "train-tps",
    "Training tok/s",
    "tok/s",
    throughput,
    "training throughput on a dedicated plan's GPUs (required for dedicated plans: the catalog has no training figure)",
    { query: "ttps" },
  ),
  number(
    "steps",
    "steps",
    "RL steps",
    "steps",
    { integer: true, min: 1, max: 1_000_000 },
    "RL steps in the run (default 1)",
    { query: "steps", metavar: "<n>" },
  ),
] as const satisfies readonly Field[];

/** A field's key. */
export type FieldKey = (typeof FIELDS)[number]["key"];

type ValueOf<F> = F extends NumberField
  ? number
  : F extends { key: "contextPolicy" }
    ? ContextPolicy
    : F extends { key: "overlap" }
      ? Overlap
      : F extends { key: "throughput" }
        ? ThroughputSource
        : F extends { list: true }
          ? string[]
          : string;

/** What a user chose: any subset of the fields, each already read and range-checked. */
export type ScenarioValues = { [F in (typeof FIELDS)[number] as F["key"]]?: ValueOf<F> };

const BY_KEY = new Map<string, Field>(FIELDS.map((f) => [f.key, f]));

/** The field with this key. */
export function fieldByKey(key: FieldKey): Field {
  return BY_KEY.get(key) as Field;
}

/** The fields of the workload's shape, as the fitted shape of a log fills them. */
export const SHAPE_KEYS = [
  "turns",
  "initialPromptTokens",
  "addedTokensPerTurn",
  "generatedTokensPerTurn",
] as const satisfies readonly FieldKey[];

/** The fields a page link carries, in order. */
export const LINK_FIELDS: readonly Field[] = FIELDS.filter((f) => "query" in f && f.query !== undefined);

/**
 * The deadline a solver meets (`breakeven --deadline-hours`, the page's deadline panel): an input of a
 * question asked of a scenario, not of the scenario itself, so scenario files do not carry it.
 */
export const DEADLINE_FIELD: NumberField<"deadlineHours"> = number(
  "deadlineHours",
  "deadline-hours",
  "Hours to finish",
  "h",
  { integer: false, min: 0, max: 1_000_000, exclusiveMin: true },
  "solve GPUs for this deadline instead, > 0",
  { query: "deadline", metavar: "<h>" },
);
