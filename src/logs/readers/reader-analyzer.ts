import { echo } from "../../format/echo.js";
import { CountHistogram } from "../count-histogram.js";
import { EpisodeAggregator } from "../episode-aggregator.js";
import { episodeAnalysis } from "../episode-analysis.js";
import { fieldGetter } from "../field-path.js";
import { jsonError } from "../jsonl-record.js";
import { LineSplitter } from "../line-splitter.js";
import { endsMidRecord, isBlank, textDecoder } from "../line-text.js";
import type { LogAnalysis } from "../log-analysis.js";
import { type AnalyzeOptions, BadLineError } from "../log-analyzer.js";
import { DEFAULT_MAX_LINE_BYTES, lineTooLongError } from "../log-limits.js";
import { PrefixDivergenceTracker } from "../prefix-divergence-summary.js";
import { BadLineLog, type SkipKind } from "../skip-kinds.js";
import { escapingDecode } from "../utf8-escape.js";
import { EfficiencyCollector } from "./efficiency-summary.js";
import type { ReadContext, ReaderFormat, ReaderRequest, RolloutReader } from "./reader.js";
import { TurnChain } from "./turn-chain.js";

const DEFAULT_REORDER_WINDOW_LINES = 1_048_576;

/**
 * Streams a framework's rollout file (one JSON record a line) through its reader: requests into the same
 * episode aggregation as request logs, token ids into the prefix-divergence tracker, training-efficiency
 * points into their series. Pure, like LogAnalyzer: feed `push(chunk)`, then `end()`.
 */
export class ReaderAnalyzer {
  bytes = 0;
  lines = 0;
  private blankLines = 0;
  private readonly splitter: LineSplitter;
  /** Why the input stopped early (a truncated or corrupt gzip stream), when it did. */
  private cutReason: string | null = null;
  private readonly decode;
  private readonly bad: BadLineLog;
  private readonly aggregator: EpisodeAggregator;
  private readonly divergence = new PrefixDivergenceTracker();
  private readonly chain = new TurnChain();
  private readonly efficiency = new EfficiencyCollector();
  private readonly ttft = new CountHistogram();
  private readonly processing = new CountHistogram();
  private readonly groups = new Set<string>();
  private readonly warnings = new Set<string>();
  private readonly context: Omit<ReadContext, "line">;
  private efficiencyLines = 0;
  private withIds = 0;

  /** The format this reader reads. */
  get format(): ReaderFormat {
    return this.reader.format;
  }

  constructor(
    private readonly reader: RolloutReader,
    private readonly options: AnalyzeOptions = {},
  ) {
    this.decode = escapingDecode(options.decode ?? textDecoder());
    // The same bound on a line as request logs have: a line with no end cannot grow without limit.
    const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
    this.splitter = new LineSplitter(
      (bytes, start, end, terminated) => this.onLine(bytes, start, end, terminated),
      {
        maxLineBytes,
        onTooLong: () => {
          throw lineTooLongError(this.lines + 1, maxLineBytes);
        },
      },
    );
    this.bad = new BadLineLog(options.examplesPerKind ?? 5);
    this.aggregator = new EpisodeAggregator({
      duplicateOrders: true,
      reorderWindowLines: options.reorderWindowLines ?? DEFAULT_REORDER_WINDOW_LINES,
    });
    const key = options.episodeKey;
    this.context = {
      episode: key === undefined ? null : fieldGetter(key),
      episodeKey: key ?? "episode_id",
      cachedOptional: options.cachedOptional ?? false,
    };
  }

  push(chunk: Uint8Array): void {
    this.bytes += chunk.length;
    this.splitter.push(chunk);
  }

  /** Open episodes right now, for progress reports. */
  get openEpisodes(): number {
    return this.aggregator.openEpisodes;
  }

  /** The input stopped before its end (a cut gzip stream): the cut counts as one truncatedGzip line. */
  cut(reason: string): void {
    this.cutReason = reason;
  }

  /** Ends the input and returns the analysis. */
  end(): LogAnalysis {
    this.splitter.end();
    if (this.cutReason !== null) {
      const line = ++this.lines;
      this.skip(
        line,
        "truncatedGzip",
        `the gzip stream stops early (${this.cutReason}): the rest of the log is missing`,
      );
      this.warnings.add(`the gzip stream stops early (${this.cutReason}): the rest of the log is missing`);
    }
    const base = episodeAnalysis(this.aggregator, this.reader.format, this.options);
    const efficiencyOnly = this.reader.format === "training-efficiency";
    const warnings = [
      ...base.warnings.filter((w) => !(efficiencyOnly && w.startsWith("no request"))),
      ...this.warnings,
    ];
    if (efficiencyOnly && this.efficiencyLines === 0)
      warnings.push("no training step in the input could be read");
    if (this.chain.dropped > 0)
      warnings.push(
        `${this.chain.dropped} episodes' previous turns were dropped to bound memory: their next turn's prefix ` +
          "divergence was not compared",
      );
    if (!this.reader.cachedMeasured && base.requests > 0)
      warnings.push(
        `${this.reader.label} record no cache hits: the observed bills count every prompt token as uncached ` +
          "(the ideal cache hit is derived from the prompts)",
      );
    return {
      bytes: this.bytes,
      lines: this.lines,
      blankLines: this.blankLines,
      headerLines: 0,
      documentLines: 0,
      skipped: { ...this.bad.counts },
      skippedTotal: this.bad.total,
      badLines: this.bad.firstFew(),
      ...base,
      reader: { label: this.reader.label, measured: this.reader.measured, derived: this.reader.derived },
      ...(this.groups.size > 0 && { groups: this.groups.size }),
      ...(this.withIds > 0 && { prefixDivergence: this.divergence.result() }),
      ...(this.reader.format === "fireworks" && {
        latency: { timeToFirstTokenMs: this.ttft.stats(), serverProcessingMs: this.processing.stats() },
      }),
      ...(efficiencyOnly && { efficiency: this.efficiency.summary() }),
      warnings,
    };
  }

  private onLine(bytes: Uint8Array, start: number, end: number, terminated: boolean): void {
    const line = ++this.lines;
    if (isBlank(bytes, start, end)) {
      this.blankLines++;
      return;
    }
    let text: string;
    let value: unknown;
    try {
      text = this.decode(bytes, start, end);
    } catch {
      this.skip(line, "malformedJson", `a line of ${end - start} bytes is too long to read`);
      return;
    }
    try {
      value = JSON.parse(text);
    } catch (error) {
      const message = jsonError(error);
      if (!terminated) this.skip(line, "truncatedLine", `the last line has no line break and is ${message}`);
      else
        this.skip(line, "malformedJson", endsMidRecord(text) ? `${message} (it stops mid-record)` : message);
      return;
    }
    const result = this.reader.read(value, { ...this.context, line });
    if (!result.ok) {
      this.skip(line, result.kind, result.message);
      return;
    }
    if (result.warning) this.warnings.add(result.warning);
    if (result.efficiency) {
      this.efficiencyLines++;
      this.efficiency.add(result.efficiency);
    }
    this.count(result.requests, line);
  }

  private count(requests: ReaderRequest[], line: number): void {
    const first = requests[0];
    if (first === undefined) return;
    // A line that holds a whole episode (several requests) is counted whole or not at all.
    if (requests.length > 1 && this.aggregator.hasEpisode(first.episodeId)) {
      this.skip(
        line,
        "duplicateTurn",
        `episode ${echo(first.episodeId, 40)} appeared on an earlier line; the first is kept`,
      );
      return;
    }
    const ids: { prompt: ArrayLike<number>; completion: ArrayLike<number> }[] = [];
    for (const request of requests) {
      const rejected = this.aggregator.add(request, line);
      if (rejected) {
        this.skip(line, rejected.kind, rejected.message);
        return;
      }
      if (request.groupId !== undefined) this.groups.add(request.groupId);
      if (request.timeToFirstTokenMs !== undefined) this.ttft.add(request.timeToFirstTokenMs);
      if (request.serverProcessingMs !== undefined) this.processing.add(request.serverProcessingMs);
      if (request.tokenIds) ids.push(request.tokenIds);
    }
    if (this.reader.turnPerLine && requests.length === 1) {
      const ids = first.tokenIds ?? null;
      const pair = this.chain.next(first.episodeId, ids);
      if (ids) this.withIds++;
      if (pair && ids) this.divergence.addTurn(first.episodeId, pair.turn, pair.before, ids.prompt);
    } else if (ids.length === requests.length && ids.length > 0) {
      this.withIds++;
      this.divergence.addEpisode(first.episodeId, ids);
    }
  }

  private skip(line: number, kind: SkipKind, message: string): void {
    if (this.options.strict) throw new BadLineError({ line, kind, message });
    this.bad.record(line, kind, message);
  }
}
