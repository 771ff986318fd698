import { echo } from "../../format/echo.js";
import { csvText, jsonText } from "../../format/machine-text.js";
import { DEFAULT_PORT } from "../../format/page-link.js";
import type { LogAnalysis } from "../../logs/log-analysis.js";
import { BadLineError, UnreadableLogError } from "../../logs/log-analyzer.js";
import { LogLimitError } from "../../logs/log-limits.js";
import {
  defaultThreads,
  planRanges,
  rangeJobOptions,
  readInRanges,
} from "../../logs/node/parallel-analyze.js";
import { NotAFileError, nodeDecode, openLogInput } from "../../logs/node-input.js";
import { fittedWorkload } from "../../logs/observed-workload.js";
import { ALL_FORMATS, type AutoAnalyzeOptions, AutoLogAnalyzer } from "../../logs/readers/auto-analyzer.js";
import { SHAPE_KEYS } from "../../scenario/fields.js";
import { analyzeExtras } from "../../scenario/log-extras.js";
import { priceObservedLog } from "../../scenario/price-log.js";
import { resolveScenario } from "../../scenario/resolve.js";
import { CliError } from "../cli-error.js";
import type { CliContext, Command } from "../context.js";
import { choiceFlag, numberFlag, parseFlags, pathFlag } from "../flags.js";
import { ENGINE_HELP, LOG_ENGINES, readWithDuckdb } from "../options/log-engine.js";
import { importedPlans, PLAN_FLAGS } from "../options/plan-inputs.js";
import { explained, PLAN_FIELD_KEYS, scenarioValuesFromFlags } from "../options/scenario-flags.js";
import {
  besideMetricsPath,
  readMetricsFlag,
  TINKER_METRICS_HELP,
  tinkerMetricsFor,
} from "../options/tinker-metrics-flag.js";
import { OUTPUT_FLAGS, outputFormat } from "../output.js";
import { ANALYZE_CSV_COLUMNS, analyzeCsvRows } from "../report/analyze-csv.js";
import { fittedShapeLinks, openLink } from "../report/analyze-fitted.js";
import { analyzeJson } from "../report/analyze-json.js";
import { startProgress } from "../report/analyze-progress.js";
import { type AnalyzeReport, analyzeTable } from "../report/analyze-table.js";

// The log gives the workload: of the scenario's fields, only those that choose plans and the model apply.
const SHAPE_FLAGS = new Set([
  "episodes",
  "turns",
  "initial-prompt",
  "added-per-turn",
  "generated-per-turn",
  "context-policy",
]);
const PLAN_CHOICE_FLAGS = Object.fromEntries(
  Object.entries(PLAN_FLAGS).filter(([flag]) => !SHAPE_FLAGS.has(flag)),
);
const PLAN_CHOICE_KEYS = PLAN_FIELD_KEYS.filter(
  (key) => !["episodes", ...SHAPE_KEYS, "contextPolicy"].includes(key),
);

const ANALYZE_FLAGS = {
  format: { type: "string" },
  "episode-key": { type: "string" },
  "order-key": { type: "string" },
  "file-order": { type: "boolean" },
  "cached-optional": { type: "boolean" },
  strict: { type: "boolean" },
  "reorder-window": { type: "string" },
  "max-line-bytes": { type: "string" },
  "max-gzip-ratio": { type: "string" },
  threads: { type: "string" },
  engine: { type: "string" },
  "tinker-metrics": { type: "string" },
  episodes: { type: "string" },
  ...(PLAN_CHOICE_FLAGS as Record<string, { type: "string" }>),
  open: { type: "boolean" },
  port: { type: "string" },
  ...OUTPUT_FLAGS,
} as const;

/** The longest line --max-line-bytes may allow: 512 MiB, about the engine's longest string. */
const MAX_LINE_BYTES_CEILING = 512 * 1024 * 1024;

/** The flag that raises each bound, for the message. */
const LIMIT_FLAGS: Record<LogLimitError["limit"], string> = {
  maxLineBytes: "--max-line-bytes",
  maxGzipRatio: "--max-gzip-ratio",
};

export const analyze: Command = {
  summary:
    "read a rollout request log: measured shape, cache hits vs ideal, and the workload priced on every plan",
  help: `Usage: rollout-cost analyze <log | -> [options]

Reads what an RL run sent and received, one request per line, and reports the
episode shape it really had, the prefix-cache hits it really got against the
hits perfect session affinity would have given, the episodes that outgrew the
model's context window, and the observed workload priced on every plan (from
the real per-request token sums, not an averaged shape). '-' reads stdin;
gzip is decompressed whatever the file's name.

Input
  --format <f>            auto (default), jsonl, csv, tinker, or a framework's file:
                          verifiers, tinker-rollouts, tinker-capture, nemo-rl,
                          fireworks, training-efficiency. auto: a first record of a framework's
                          file picks its reader; a .csv name, or a first line with
                          commas that is not JSON (unless the name ends .jsonl/.json),
                          is CSV; Tinker billing events (event_info) are tinker; else JSONL
  --episode-key <path>    the episode id's field, dotted for nested fields
                          (default episode_id; e.g. metadata.episode_id)
  --order-key <path>      order within an episode by this field (a number, or a
                          date such as created); every request must have it.
                          Default: by 'turn' where a request has one, else file order
  --file-order            ignore any order field: requests count in file order
  --cached-optional       read an absent or null cached_tokens as 0 (servers that do
                          not report cache hits); default: the line is missingField
  --strict                stop at the first line that is not a request (exit 2)
  --reorder-window <n>    lines an episode may stay quiet and still take a request
                          between two of its turns (default 1048576)
  --episodes <n>          episodes for per-episode prices (Tinker billing: sessions)
  --max-line-bytes <n>    the longest line read (default 67108864, 64 MiB); a longer
                          one stops with exit 2 (a file with no line break, /dev/zero)
  --max-gzip-ratio <n>    the most a .gz may expand, decompressed ÷ compressed bytes
                          (default 200, judged past 16 MiB); more stops with exit 2
                          (a gzip bomb). A .gz cut short or corrupt is read up to the
                          cut and counted as one truncatedGzip line, with a warning
  --threads <n>           threads parsing a plain (not gzip) JSONL file, 1-64; the
                          result is the one-thread result exactly. Default: 1 below
                          256 MiB, else 2 (or the CPUs there are, if fewer)
${ENGINE_HELP}
${TINKER_METRICS_HELP}

  JSONL: OpenAI-compatible responses: usage.prompt_tokens, usage.completion_tokens,
  usage.prompt_tokens_details.cached_tokens. CSV: a header
  naming the episode and order columns and prompt_tokens, completion_tokens,
  cached_tokens (or usage.* names). Tinker: billing-usage events, one per line, or
  the {"data": [...]} response: sampling_prefill (cached or not) is prompt,
  sampling_sample is completion, training is trained tokens.

  Frameworks' files, one record a line (the report says what each measured and
  what was derived): verifiers / prime-rl traces.jsonl (id, group.id, traces[]
  with nodes[].token_ids and calls[].usage, prompt_tokens + cached_input_tokens);
  Tinker cookbook train_rollout_summaries.jsonl (group_idx, traj_idx, steps[]
  ob_len / ac_len); Tinker cookbook token capture capture/sample.jsonl (kind
  "sample", scope.group_idx / traj_idx, prompt_tokens, samples[0].tokens: one
  turn a line, in file order); NeMo-RL train_data_step*.jsonl (token_ids, input_lengths,
  token_loss_mask); Fireworks per-request metrics (headers or perf_metrics with
  fireworks-prompt-tokens, -cached-prompt-tokens, -server-time-to-first-token,
  -server-processing-time); Training API metrics (forward / forward_backward
  dicts with .../effective_batch_fill_ratio:last, .../trainer_waiting_for_work:last).

Definitions
  cache hit          Σ cached_tokens ÷ Σ prompt_tokens over every request read.
  ideal cache hit    what perfect session affinity gives the same requests: each
                     request's prompt minus what is new since its episode's
                     previous request, i.e. Σ min(prompt_t, prompt_(t-1)) over
                     every request but an episode's first (the reference page's
                     convention: the previous prompt is cached, the previous
                     generation is not), ÷ Σ prompt_tokens. Prefixes shared across
                     episodes (a system prompt) can make the measured hit higher.
  shape              turns per episode; initial prompt (each episode's first
                     request); tokens added per turn (prompt_t - prompt_(t-1),
                     every request but an episode's first); generated per turn
                     (completion_tokens, every request). mean, p50, p90 (linear
                     interpolation between ranks, as numpy) and max.
  prefix divergence  where token ids exist: each turn's prompt against the previous
                     turn's prompt + completion: common prefix, first diverging
                     token, lost cached tokens (previous-context tokens prefilled
                     again right after the divergence, realigned past one removed,
                     inserted or changed span) and its price on every plan.
  predicted          'estimate' on the fitted uniform shape, same plans; error =
                     (predicted - observed) / observed.
  skipped lines      counted by kind, never dropped silently: malformedJson,
                     malformedRow, truncatedLine (a last line without a line break
                     that cannot be read), missingField, invalidCount (negative,
                     fractional or non-numeric), invalidOrder, cachedExceedsPrompt,
                     duplicateTurn (same episode and turn: the first is kept; only
                     when ordering by turn), lateTurn, unknownEvent (Tinker),
                     truncatedGzip (the .gz stops early: one line for the missing
                     rest). Lines read = requests + skipped + blank (+ a CSV header);
                     a first line "[" or "{" is one JSON document only if the whole
                     input parses as one (up to 64 MiB), else one bad line.

${"Pricing and context window (as in compare)"}
  --preset <id>           reference (default) or current
  --model <id>            the model whose window and prices apply (default: the
                          preset's, kimi-k2p6)
  --plans, --gpu, --gpus, --throughput, --prompt-tps, --decode-tps, --overlap, --min-hours,
  --cache-kept, --self-hosted*, --custom-*, --prices, --prices-key, --baseline, --scenario:
                          as in 'rollout-cost compare --help'

Output
  --json                  machine-readable, unrounded (plans as in compare --json)
  --csv                   one row per episode
  --open                  open the fitted shape in the page (runs $BROWSER with
                          the link; prints the link either way)
  --port <n>              the page's port in the link (default ${DEFAULT_PORT})
  -h, --help              this text

Exit codes: 0 ok, 2 bad input or (with --strict) a bad line, one line on stderr.`,
  async run(argv, context) {
    const { values, positionals } = parseFlags(argv, ANALYZE_FLAGS, true);
    if (positionals.length !== 1)
      throw new CliError(
        `analyze takes one log path or - for stdin, got ${positionals.length === 0 ? "none" : positionals.map((p) => echo(p, 200)).join(" ")}`,
      );
    const source = positionals[0] as string;
    const format = outputFormat(values);
    const logFormat = choiceFlag("format", values.format, ALL_FORMATS) ?? "auto";
    const engine = choiceFlag("engine", values.engine, LOG_ENGINES) ?? "stream";
    for (const flag of ["episode-key", "order-key"] as const) {
      const path = values[flag];
      if (path !== undefined && (path === "" || path.split(".").some((s) => s.trim() === "")))
        throw new CliError(
          `--${flag} must be field names joined by dots (like metadata.episode_id), got ${echo(path)}`,
        );
    }
    if (values["file-order"] && values["order-key"] !== undefined)
      throw new CliError("--file-order and --order-key cannot be used together");
    const reorderWindow = numberFlag("reorder-window", values["reorder-window"], { integer: true, min: 1 });
    const maxLineBytes = numberFlag("max-line-bytes", values["max-line-bytes"], {
      integer: true,
      min: 1024,
      max: MAX_LINE_BYTES_CEILING,
    });
    const maxGzipRatio = numberFlag("max-gzip-ratio", values["max-gzip-ratio"], { min: 1, max: 100_000 });
    const threads = numberFlag("threads", values.threads, { integer: true, min: 1, max: 64 });
    const episodesOverride = numberFlag("episodes", values.episodes, {
      integer: true,
      min: 1,
      max: 10_000_000,
    });
    const planValues = await scenarioValuesFromFlags(values, PLAN_CHOICE_KEYS);
    const port = numberFlag("port", values.port, { integer: true, min: 1, max: 65535 }) ?? DEFAULT_PORT;
    const scenario = explained(() => resolveScenario(planValues));
    const imported = await importedPlans(values);
    const metricsPath = pathFlag("tinker-metrics", values["tinker-metrics"]);
    if (metricsPath !== undefined && format === "csv")
      throw new CliError(
        "--tinker-metrics and --csv cannot be used together (the CSV is one row per episode)",
      );
    // Read before the log: a bad --tinker-metrics stops at once, with nothing written.
    const metricsFromFlag = metricsPath === undefined ? undefined : await readMetricsFlag(metricsPath);
    const withMetrics =
      metricsPath !== undefined || (format !== "csv" && besideMetricsPath(source) !== undefined);
    const options: AutoAnalyzeOptions = {
      format: logFormat,
      fileName: source,
      ...(values["episode-key"] !== undefined && { episodeKey: values["episode-key"] }),
      ...(values["order-key"] !== undefined && { orderKey: values["order-key"] }),
      ...(values["file-order"] && { fileOrder: true }),
      ...(values["cached-optional"] && { cachedOptional: true }),
      ...(values.strict && { strict: true }),
      ...(reorderWindow !== undefined && { reorderWindowLines: reorderWindow }),
      ...(maxLineBytes !== undefined && { maxLineBytes }),
      ...(maxGzipRatio !== undefined && { maxGzipRatio }),
      contextWindowTokens: scenario.windowTokens,
      // The metrics' cross-check sums the summaries' trajectories per iteration.
      perEpisode: format === "csv" || withMetrics,
      decode: nodeDecode,
    };
    const analysis =
      engine === "duckdb"
        ? await readWithDuckdb(source, options, context, threads).catch((error) => {
            throw readError(error, echo(source, 200));
          })
        : await readLog(source, options, context, threads);

    if (format === "csv") {
      context.stdout.write(csvText(ANALYZE_CSV_COLUMNS, analyzeCsvRows(analysis)));
      return;
    }
    const warnings = [...analysis.warnings];
    const tinker = withMetrics
      ? await tinkerMetricsFor({ analysis, source, flagPath: metricsPath, fromFlag: metricsFromFlag })
      : { report: undefined, warnings: [] };
    warnings.push(...tinker.warnings);
    const pricedLog = explained(() =>
      priceObservedLog(analysis, planValues, {
        imported: imported.plans,
        importWarnings: imported.warnings,
        ...(episodesOverride !== undefined && { episodes: episodesOverride }),
      }),
    );
    const priced = pricedLog.ok ? pricedLog.priced : undefined;
    if (pricedLog.ok) warnings.push(...pricedLog.notes, ...pricedLog.priced.warnings);
    else if (!analysis.efficiency) warnings.push(`plans not priced: ${pricedLog.reason}`);
    const plans = priced?.plans ?? [];
    const shown = priced?.scenario ?? scenario;
    const fitted = fittedWorkload(analysis);
    if (fitted.ok) warnings.push(...fitted.warnings);
    const fit = fitted.ok ? fittedShapeLinks(fitted.workload, shown.preset.id, shown.model.id, port) : null;
    const report: AnalyzeReport = {
      source,
      analysis,
      model: {
        id: shown.model.id,
        label: shown.model.label,
        contextWindowTokens: shown.windowTokens,
      },
      preset: shown.preset.id,
      workloadTokens: priced?.tokens ?? null,
      baseline: priced?.baseline ?? null,
      plans,
      unavailable: priced?.unavailable ?? [],
      fitted: fit,
      ...(tinker.report && { tinkerMetrics: tinker.report }),
      warnings,
      extras: explained(() =>
        analyzeExtras({
          analysis,
          tokens: priced?.tokens ?? null,
          fitted: fitted.ok ? fitted.workload : null,
          plans: priced?.chosenPlans ?? [],
          estimates: plans,
        }),
      ),
    };
    if (format === "json") context.stdout.write(jsonText(analyzeJson(report)));
    else context.stdout.write(analyzeTable(report));
    if (values.open) await openLink(fit?.link, context);
  },
};

async function readLog(
  source: string,
  options: AutoAnalyzeOptions,
  context: CliContext,
  threads: number | undefined,
): Promise<LogAnalysis> {
  const analyzer = new AutoLogAnalyzer(options);
  const name = echo(source, 200);
  let rawBytes = 0;
  let input: ReturnType<typeof openLogInput>;
  try {
    input = openLogInput(
      source,
      context.stdin,
      (n) => {
        rawBytes += n;
      },
      options.maxGzipRatio,
    );
  } catch (error) {
    if (error instanceof NotAFileError)
      throw new CliError(`cannot read ${name}: not a regular file or a pipe (use - for stdin)`);
    throw new CliError(`cannot read ${name}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const progress = context.stderr.isTTY ? await startProgress(context.stderr, input.sizeBytes) : undefined;
  try {
    const cuts = planRanges(source, threads ?? defaultThreads(input.sizeBytes));
    if (cuts) {
      await readInRanges(source, cuts, analyzer, rangeJobOptions(options), (n) => {
        if (context.signal.aborted) throw new CliError("interrupted", 130);
        rawBytes += n;
        progress?.update(rawBytes, analyzer.lines);
      });
      const analysis = analyzer.end();
      progress?.update(rawBytes, analyzer.lines);
      return analysis;
    }
    for await (const chunk of input.chunks) {
      if (context.signal.aborted) throw new CliError("interrupted", 130);
      analyzer.push(chunk);
      progress?.update(rawBytes, analyzer.lines);
    }
    const cut = input.cutReason();
    if (cut !== null) analyzer.cut(cut);
    const analysis = analyzer.end();
    progress?.update(rawBytes, analyzer.lines);
    return analysis;
  } catch (error) {
    throw readError(error, name);
  } finally {
    progress?.stop();
  }
}

/** An error met while reading the log named `name`, as the CLI words it (or as it is, when unknown). */
function readError(error: unknown, name: string): unknown {
  if (error instanceof BadLineError) return new CliError(`--strict: ${error.message}`);
  if (error instanceof UnreadableLogError) return new CliError(`${name}: ${error.message}`);
  if (error instanceof LogLimitError)
    return new CliError(`${name}: ${error.message} (${LIMIT_FLAGS[error.limit]} changes the bound)`);
  if (error instanceof CliError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (typeof code === "string" && code.startsWith("Z_"))
    return new CliError(`${name} is not valid gzip: ${(error as Error).message}`);
  if (typeof code === "string") return new CliError(`cannot read ${name}: ${code}`);
  return error;
}
