import { MOONCAKE_BLOCK_TOKENS, replayTrace } from "../../core/trace-replay/replay-trace.js";
import { TRACE_ROUTINGS, type TraceRouting } from "../../core/trace-replay/trace-routing.js";
import { echo } from "../../format/echo.js";
import { jsonText } from "../../format/machine-text.js";
import { LogLimitError } from "../../logs/log-limits.js";
import { NotAFileError } from "../../logs/node-input.js";
import { readMooncakeFile } from "../../logs/read-mooncake-file.js";
import { planOffer } from "../../scenario/plans.js";
import { priceScenario } from "../../scenario/price.js";
import { resolveScenario } from "../../scenario/resolve.js";
import { CliError } from "../cli-error.js";
import type { Command } from "../context.js";
import { choiceFlag, numberFlag, parseFlags } from "../flags.js";
import { explained } from "../options/scenario-flags.js";
import { OUTPUT_FLAGS, outputFormat } from "../output.js";
import { type ReplayRow, replayCsv, replayTable } from "../report/replay-report.js";

const FLAGS = {
  capacities: { type: "string" },
  "block-tokens": { type: "string" },
  replicas: { type: "string" },
  routing: { type: "string" },
  preset: { type: "string" },
  model: { type: "string" },
  ...OUTPUT_FLAGS,
} as const;

const DEFAULT_CAPACITIES = "1024000,2560000,10240000,unlimited";

/** --capacities: tokens, comma-separated; `unlimited` for no limit. */
function capacitiesFlag(raw: string): number[] {
  const parts = raw.split(",").map((part) => part.trim());
  if (parts.length === 0 || parts.length > 100 || parts.some((p) => p === ""))
    throw new CliError(
      `--capacities must be 1 to 100 comma-separated token counts or 'unlimited', got ${echo(raw)}`,
    );
  return parts.map((part) =>
    part === "unlimited"
      ? Number.POSITIVE_INFINITY
      : (numberFlag("capacities", part, { integer: true, min: 0, max: 1e15 }) as number),
  );
}

export const replay: Command = {
  summary:
    "replay a serving trace (Mooncake format) through prefix caches: hit rate against capacity, priced",
  help: `Usage: rollout-cost replay <trace.jsonl[.gz] | -> [options]

Replays a trace with prefix-block hashes (Mooncake: timestamp ms, input_length,
output_length, hash_ids of 512-token blocks) through LRU block caches, in timestamp
order: a request's hit is its longest prefix of hash_ids held, min(matched blocks ×
block, input_length) tokens; after it, all its blocks are held, least recently used
evicted first. Then prices the trace's tokens on each plan of the preset (requests
as episodes; cached = hit tokens).

  --capacities <list>        cache tokens per replica, comma-separated, 'unlimited'
                             allowed (default ${DEFAULT_CAPACITIES})
  --block-tokens <n>         tokens per hash id (default ${MOONCAKE_BLOCK_TOKENS})
  --replicas <n>             replicas, each with its own cache (default 1: one shared)
  --routing <kind>           ${TRACE_ROUTINGS.join(" | ")} (default session-affinity:
                             by the request's first block)
  --preset <id>              whose plans price it (default current)
  --model <id>               the model those plans serve (default the preset's)
  --json, --csv              machine-readable output
  -h, --help                 this text

Example: rollout-cost replay examples/traces/mooncake-synthetic-trace.jsonl.gz

Exit codes: 0 ok, 2 bad input (one line on stderr naming the flag or file).`,
  async run(argv, context) {
    const { values, positionals } = parseFlags(argv, FLAGS, true);
    if (positionals.length !== 1)
      throw new CliError(
        `replay takes one trace path or - for stdin, got ${positionals.length === 0 ? "none" : echo(positionals.join(" "))}`,
      );
    const format = outputFormat(values);
    const source = positionals[0] as string;
    const capacities = capacitiesFlag(values.capacities ?? DEFAULT_CAPACITIES);
    const blockTokens =
      numberFlag("block-tokens", values["block-tokens"], { integer: true, min: 1, max: 1 << 20 }) ??
      MOONCAKE_BLOCK_TOKENS;
    const replicas = numberFlag("replicas", values.replicas, { integer: true, min: 1, max: 10_000 }) ?? 1;
    const routing: TraceRouting = choiceFlag("routing", values.routing, TRACE_ROUTINGS) ?? "session-affinity";
    const presetId = values.preset ?? "current";
    const scenario = explained(() =>
      resolveScenario({ preset: presetId, ...(values.model !== undefined && { model: values.model }) }),
    );
    const modelId = scenario.model.id;

    let trace: Awaited<ReturnType<typeof readMooncakeFile>>;
    try {
      trace = await readMooncakeFile(source, context.stdin);
    } catch (error) {
      if (error instanceof NotAFileError)
        throw new CliError(`cannot read ${echo(source)}: not a regular file or a pipe (use - for stdin)`);
      if (error instanceof LogLimitError) throw new CliError(`${echo(source)}: ${error.message}`);
      const code = (error as NodeJS.ErrnoException).code;
      if (typeof code === "string" && code.startsWith("Z_"))
        throw new CliError(`${echo(source)} is not valid gzip`);
      if (typeof code === "string") throw new CliError(`cannot read ${echo(source)}: ${code}`);
      throw error;
    }
    if (trace.requests.length === 0)
      throw new CliError(`${echo(source)}: no request could be read (${trace.lines} lines)`);
    const skipped = Object.entries(trace.skipped).filter(([, n]) => n > 0);
    const warnings = [
      ...(skipped.length > 0
        ? [
            `skipped ${skipped.map(([kind, n]) => `${n} ${kind}`).join(", ")} of ${trace.lines} lines (first at line ${trace.firstSkipped[0]?.line})`,
          ]
        : []),
    ];
    if (trace.cutReason !== null)
      warnings.push(`the gzip stream stops early (${trace.cutReason}): the rest of the trace is missing`);
    warnings.push(...planOffer(scenario).unavailable.map((u) => `${u.id}: ${u.reason}`));
    const rows: ReplayRow[] = capacities.map((capacityTokens) => {
      const result = replayTrace(trace.requests, { capacityTokens, blockTokens, replicas, routing });
      // The replayed tokens priced by the one pipeline, as `analyze` prices a log's.
      const priced = explained(() =>
        priceScenario(scenario, {
          observed: {
            tokens: {
              episodes: result.requests,
              promptTokens: result.inputTokens,
              cachedPromptTokens: result.hitTokens,
              decodeTokens: result.outputTokens,
              peakContextTokens: result.peakContextTokens,
            },
          },
        }),
      );
      return { replay: result, plans: priced.plans };
    });
    if (format === "json") {
      const json = rows.map(({ replay: r, plans }) => ({
        ...r,
        capacityTokens: r.capacityTokens === Number.POSITIVE_INFINITY ? null : r.capacityTokens,
        unlimited: r.capacityTokens === Number.POSITIVE_INFINITY,
        plans,
      }));
      context.stdout.write(
        jsonText({
          source,
          preset: presetId,
          model: modelId,
          lines: trace.lines,
          blankLines: trace.blankLines,
          skipped: trace.skipped,
          blockTokens,
          rows: json,
          warnings,
        }),
      );
      return;
    }
    if (format === "csv") {
      context.stdout.write(replayCsv(rows));
      return;
    }
    const first = rows[0]?.replay;
    const header = `${echo(source)}: ${first?.requests ?? 0} requests, ${first?.inputTokens ?? 0} input tokens; ${replicas} replica(s), ${routing}; plans of preset ${presetId} for ${modelId} (requests as episodes)`;
    context.stdout.write(replayTable(rows, header, warnings));
  },
};
