import { resolveReference } from "../../catalog/resolve-reference.js";
import { estimateReference } from "../../core/estimate.js";
import { LIMITS } from "../../core/limits.js";
import { CliError } from "../cli-error.js";
import type { Command } from "../context.js";
import { numberFlag, parseFlags } from "../flags.js";
import { csvText, jsonText, OUTPUT_FLAGS, outputFormat } from "../output.js";
import { ESTIMATE_CSV_COLUMNS, estimateCsvRows } from "../report/estimate-csv.js";
import { estimateTable } from "../report/estimate-table.js";

export const SCENARIO_FLAGS = {
  preset: { type: "string" },
  model: { type: "string" },
  episodes: { type: "string" },
  turns: { type: "string" },
  "initial-prompt": { type: "string" },
  "added-per-turn": { type: "string" },
  "generated-per-turn": { type: "string" },
  gpus: { type: "string" },
  "prompt-tps": { type: "string" },
  "decode-tps": { type: "string" },
} as const;

const tokens = { integer: true, min: LIMITS.tokens.min, max: LIMITS.tokens.max } as const;

/** The scenario flags as resolver options; each bad value becomes a CliError naming its flag. */
export function scenarioOptions(values: Partial<Record<keyof typeof SCENARIO_FLAGS, string>>) {
  return {
    ...(values.preset !== undefined && { preset: values.preset }),
    ...(values.model !== undefined && { modelId: values.model }),
    ...defined("episodes", numberFlag("episodes", values.episodes, { integer: true, ...LIMITS.episodes })),
    ...defined("turns", numberFlag("turns", values.turns, { integer: true, ...LIMITS.turns })),
    ...defined("initialPromptTokens", numberFlag("initial-prompt", values["initial-prompt"], tokens)),
    ...defined("addedTokensPerTurn", numberFlag("added-per-turn", values["added-per-turn"], tokens)),
    ...defined(
      "generatedTokensPerTurn",
      numberFlag("generated-per-turn", values["generated-per-turn"], tokens),
    ),
    ...defined("gpus", numberFlag("gpus", values.gpus, { integer: true, ...LIMITS.gpus })),
    ...defined(
      "promptTokensPerSecond",
      numberFlag("prompt-tps", values["prompt-tps"], { min: 0, exclusiveMin: true }),
    ),
    ...defined(
      "decodeTokensPerSecond",
      numberFlag("decode-tps", values["decode-tps"], { min: 0, exclusiveMin: true }),
    ),
  };
}

function defined<K extends string>(key: K, value: number | undefined): { [P in K]?: number } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: number };
}

/** Runs the catalog resolver, turning its unknown-id RangeErrors into usage errors naming the flag. */
export function resolveOrExplain(options: ReturnType<typeof scenarioOptions>) {
  try {
    return resolveReference(options);
  } catch (error) {
    if (error instanceof RangeError) {
      const flag = error.message.startsWith("unknown preset") ? "--preset" : "--model";
      throw new CliError(`${flag}: ${error.message}`);
    }
    throw error;
  }
}

export const estimate: Command = {
  summary: "price N episodes on the reference page's two plans: per-token (Tinker) and dedicated GPU-hours",
  help: `Usage: rollout-cost estimate [options]

Prices N multi-turn episodes the way the reference page does: per-token billing
that re-prefills every turn (Tinker) against a dedicated deployment billed by
the GPU-hour whose prefix cache survives between turns (Fireworks Dedicated).

Scenario (defaults: the reference page's)
  --preset <id>              catalog preset (default: reference)
  --model <id>               kimi-k2p6 (default), kimi-k2p5, qwen3p5-397b, gpt-oss-120b
  --episodes <n>             episodes, 1..10,000,000 (default 1000)
  --turns <n>                turns per episode, 1..200 (default 8)
  --initial-prompt <tokens>  first prompt: system + tools + task (default 8000)
  --added-per-turn <tokens>  context added per turn: generation + tool result (default 12000)
  --generated-per-turn <tokens>  tokens generated per turn (default 2000)

Advanced: the dedicated cluster (defaults per model, as on the page)
  --gpus <n>                 GPUs in the deployment
  --prompt-tps <tok/s>       cluster prefill throughput, > 0
  --decode-tps <tok/s>       cluster decode throughput, > 0

Output
  --json                     machine-readable, unrounded
  --csv                      one row per plan
  -h, --help                 this text

Exit codes: 0 ok, 2 bad input (one line on stderr naming the flag).`,
  async run(argv, context) {
    const { values } = parseFlags(argv, { ...SCENARIO_FLAGS, ...OUTPUT_FLAGS });
    const format = outputFormat(values);
    const { input, provenance } = resolveOrExplain(scenarioOptions(values));
    let result: ReturnType<typeof estimateReference>;
    try {
      result = estimateReference(input);
    } catch (error) {
      if (error instanceof RangeError) throw new CliError(error.message);
      throw error;
    }
    if (format === "json") {
      context.stdout.write(
        jsonText({
          preset: provenance.preset.id,
          model: { id: provenance.model.id, label: provenance.model.label },
          workload: input.workload,
          ...result,
          sources: {
            perToken: provenance.perTokenPrice,
            gpuRate: provenance.gpuRate,
            dedicatedDefaults: provenance.dedicatedDefaults,
          },
        }),
      );
    } else if (format === "csv") {
      context.stdout.write(csvText(ESTIMATE_CSV_COLUMNS, estimateCsvRows(input, result)));
    } else {
      context.stdout.write(estimateTable(input, result, provenance));
    }
  },
};
