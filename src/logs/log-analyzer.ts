import { type CsvColumns, csvCells, csvColumns, recordFromCsv } from "./csv-record.js";
import { DEFAULT_MAX_DOCUMENT_BYTES, DocumentBuffer } from "./document-buffer.js";
import { EpisodeAggregator } from "./episode-aggregator.js";
import { episodeAnalysis } from "./episode-analysis.js";
import { FastRecordReader } from "./fast-record.js";
import { fieldGetter } from "./field-path.js";
import { type JsonFields, jsonError, recordFromJson } from "./jsonl-record.js";
import { targetPaths } from "./line-shape.js";
import { LineSplitter } from "./line-splitter.js";
import { endsMidRecord, isBlank, textDecoder } from "./line-text.js";
import { checkAccounting } from "./log-accounting.js";
import type { LogAnalysis, LogFormat } from "./log-analysis.js";
import { DEFAULT_MAX_LINE_BYTES, lineTooLongError } from "./log-limits.js";
import type { LogRecord, RecordNames, RecordResult } from "./log-record.js";
import { ShapeCache } from "./shape-cache.js";
import { type BadLine, BadLineLog, type SkipKind } from "./skip-kinds.js";
import { TinkerTotals } from "./tinker-totals.js";
import { escapingDecode } from "./utf8-escape.js";

/** Turns bytes[start, end) into text (TextDecoder by default; Node passes Buffer#toString, which is faster). */
export type Decode = (bytes: Uint8Array, start: number, end: number) => string;

export interface AnalyzeOptions {
  /**
   * Default "auto": a `.csv` name, or a first line with commas that is not JSON (in a file not named
   * .jsonl/.json), is CSV; Tinker billing events are Tinker; anything else is JSONL.
   */
  format?: LogFormat | "auto";
  /** The input's name, for format detection by extension (".csv", ".csv.gz"). */
  fileName?: string;
  /** Dotted path of the episode id (default `episode_id`). */
  episodeKey?: string;
  /** Dotted path of the order within an episode (default `turn`, optional per record; a named key is required). */
  orderKey?: string;
  /** Read an absent or null cached_tokens as 0 rather than skipping the line as missingField. */
  cachedOptional?: boolean;
  /** Ignore any order field: requests are in file order. */
  fileOrder?: boolean;
  /** Throw a BadLineError at the first skipped line. */
  strict?: boolean;
  examplesPerKind?: number;
  /** Lines an episode may stay quiet before its per-request lists are freed (default 1,048,576). */
  reorderWindowLines?: number;
  /** Count episodes whose peak context exceeds this many tokens. */
  contextWindowTokens?: number;
  /** Keep one row per episode in the result. */
  perEpisode?: boolean;
  decode?: Decode;
  /** Read well-formed JSON lines by byte scanning where possible (default true; false = JSON.parse only). */
  fastPath?: boolean;
  /** The longest line in bytes (default 64 MiB); a longer one stops the analysis with a LogLimitError. */
  maxLineBytes?: number;
  /** The most bytes held to try the input as one JSON document (default 64 MiB); past it, lines are read one by one. */
  maxDocumentBytes?: number;
  /** For the stream readers (analyzeBlob, analyzeFile): the most a .gz may expand (default 200×, judged past 16 MiB). */
  maxGzipRatio?: number;
  /**
   * Reads one byte range of a JSONL file after its first (a worker's share, see node/parallel-analyze.ts):
   * no byte-order mark, no JSON document, and every outcome goes to the sink in line order instead of
   * being counted here; `endRange()` ends it.
   */
  rangeSink?: RangeSink;
}

/** Receives a range's outcomes in line order (lines numbered from 1 within the range). */
export interface RangeSink {
  /** `record` stays the caller's (it may be refilled for the next line): read it now, keep none of it. */
  record(record: LogRecord, line: number): void;
  skip(line: number, kind: SkipKind, message: string): void;
}

/** What a range read counted besides its outcomes; `held` is a last malformed line that stops mid-record. */
export interface RangeCounts {
  bytes: number;
  lines: number;
  blankLines: number;
  recordLines: number;
  held: { line: number; kind: SkipKind; message: string } | null;
}

/** Thrown in strict mode at the first line that is not a request. */
export class BadLineError extends Error {
  constructor(readonly badLine: BadLine) {
    super(`line ${badLine.line}: ${badLine.kind}: ${badLine.message}`);
    this.name = "BadLineError";
  }
}

/** Thrown when the input cannot be read at all (a CSV header without the needed columns). */
export class UnreadableLogError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnreadableLogError";
  }
}

const DEFAULT_REORDER_WINDOW_LINES = 1_048_576;

/** The episode and order fields `options` name (defaults episode_id and turn), and how absent values read. */
export function recordNames(options: AnalyzeOptions): RecordNames {
  return {
    episode: options.episodeKey ?? "episode_id",
    order: options.orderKey ?? "turn",
    orderRequired: options.orderKey !== undefined && !options.fileOrder,
    cachedOptional: options.cachedOptional ?? false,
  };
}

/**
 * Streams a request log (JSONL, CSV or Tinker billing events) chunk by chunk and measures it. Pure: no
 * Node APIs, so the CLI and the page's Web Worker share it. Feed `push(chunk)` then call `end()`.
 */
export class LogAnalyzer {
  bytes = 0;
  lines = 0;
  private blankLines = 0;
  private headerLines = 0;
  /** Lines read as one JSON document (0 when the input was read line by line). */
  private documentLines = 0;
  /** Outcomes owed: each record line or document element is one request or one skipped line. */
  private owed = 0;
  /** Lines read as records, each owing at least one outcome. */
  private recordLines = 0;
  private format: LogFormat | undefined;
  /** What may be one JSON document (starts with a lone "{" or "["): held, parsed at the end if it fits. */
  private document: DocumentBuffer | null = null;
  /** Blank lines inside the held document (read as blank if it proves not to be one). */
  private documentBlankLines = 0;
  /** A held document was given up on: its first line is an ordinary line now. */
  private documentTried = false;
  private documentLine = 0;
  private columns: CsvColumns | undefined;
  private readonly warnings: string[] = [];
  /** Why the input stopped early (a truncated or corrupt gzip stream), when it did. */
  private cutReason: string | null = null;
  private readonly splitter: LineSplitter;
  private readonly decode: Decode;
  private readonly bad: BadLineLog;
  private readonly aggregator: EpisodeAggregator;
  private readonly tinker = new TinkerTotals();
  private readonly json: JsonFields;
  private readonly names: RecordNames;
  private readonly fast: FastRecordReader | null;
  /** The layouts of lines the scanner read, for reading later lines of the same layout in one match each. */
  private readonly shapes: ShapeCache | null;
  private readonly maxLineBytes: number;
  /** The latest malformed line if it stops mid-record: truncated if it proves to be the last. */
  private cutShort: { line: number; kind: SkipKind; message: string } | null = null;

  constructor(private readonly options: AnalyzeOptions = {}) {
    this.decode = escapingDecode(options.decode ?? textDecoder());
    const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
    this.maxLineBytes = maxLineBytes;
    this.splitter = new LineSplitter(
      (bytes, start, end, terminated) => this.onLine(bytes, start, end, terminated),
      {
        maxLineBytes,
        bom: options.rangeSink === undefined,
        onBlankLines: (count) => this.onBlankLines(count),
        readRun: (chunk, pos) => this.readRun(chunk, pos),
        onTooLong: () => {
          throw lineTooLongError(this.lines + 1, maxLineBytes);
        },
      },
    );
    this.bad = new BadLineLog(options.examplesPerKind ?? 5);
    const orderKey = options.orderKey ?? "turn";
    this.names = recordNames(options);
    this.json = {
      episode: fieldGetter(this.names.episode),
      order: options.fileOrder ? null : fieldGetter(orderKey),
      names: this.names,
    };
    this.fast =
      options.fastPath === false
        ? null
        : new FastRecordReader(
            this.names.episode,
            options.fileOrder ? null : orderKey,
            this.names,
            this.decode,
          );
    this.shapes =
      options.fastPath === false
        ? null
        : new ShapeCache(targetPaths(this.names.episode, options.fileOrder ? null : orderKey), this.names);
    this.aggregator = new EpisodeAggregator({
      duplicateOrders: !options.fileOrder && orderKey === "turn",
      reorderWindowLines: options.reorderWindowLines ?? DEFAULT_REORDER_WINDOW_LINES,
    });
    if (options.rangeSink) {
      this.format = "jsonl";
      this.documentTried = true;
      this.documentLine = -1;
    } else if (options.format !== undefined && options.format !== "auto") this.format = options.format;
    else if (/\.csv(\.gz)?$/i.test(options.fileName ?? "")) this.format = "csv";
  }

  push(chunk: Uint8Array): void {
    this.bytes += chunk.length;
    // A caller may refill the same buffer: the fast path's searches start afresh on every chunk.
    this.fast?.forget();
    this.shapes?.forget();
    this.splitter.push(chunk);
  }

  /**
   * The input stopped before its end (a truncated or corrupt gzip stream): call before `end()`. What was
   * read counts; the cut itself is one more line, of kind truncatedGzip, and a warning.
   */
  cut(reason: string): void {
    this.cutReason = reason;
  }

  /** Ends the input and returns the analysis. */
  end(): LogAnalysis {
    this.splitter.end();
    if (this.document) this.finishDocument();
    this.flushCutShort();
    if (this.cutReason !== null) {
      const line = ++this.lines;
      this.owed++;
      this.recordLines++;
      this.skipLine(
        line,
        "truncatedGzip",
        `the gzip stream stops early (${this.cutReason}): the rest of the log is missing`,
      );
      this.warnings.push(
        `the gzip stream is truncated or corrupt (${this.cutReason}): only the ${this.lines - 1} lines before the cut are counted`,
      );
    }
    return this.result();
  }

  /** Ends a range read (see `rangeSink`): its counts; a held last line is the next range's to judge. */
  endRange(): RangeCounts {
    this.splitter.end();
    return {
      bytes: this.bytes,
      lines: this.lines,
      blankLines: this.blankLines,
      recordLines: this.recordLines,
      held: this.cutShort,
    };
  }

  /** The format decided so far (undefined before the first line, or while a JSON document is held). */
  get detectedFormat(): LogFormat | undefined {
    return this.document === null ? this.format : undefined;
  }

  /** The input so far is JSONL read line by line (the only kind whose next ranges can be read elsewhere). */
  get readsJsonlLines(): boolean {
    return this.format === "jsonl" && this.document === null && this.documentLines === 0;
  }

  /**
   * Takes the outcomes of the next byte range, read elsewhere with `rangeSink`, as if its lines had been
   * read here: `each` replays them in line order (lines within the range), then `counts` are added.
   */
  absorbRange(counts: RangeCounts, each: (sink: RangeSink) => void): void {
    const offset = this.lines;
    if (counts.recordLines > 0) this.notLastAfterAll();
    each({
      record: (record, line) => this.count(record, line + offset),
      skip: (line, kind, message) => this.skipLine(line + offset, kind, message),
    });
    this.bytes += counts.bytes;
    this.lines += counts.lines;
    this.blankLines += counts.blankLines;
    this.recordLines += counts.recordLines;
    this.owed += counts.recordLines;
    if (counts.held) this.cutShort = { ...counts.held, line: counts.held.line + offset };
  }

  /** A record line follows: a held line that ended mid-record was not the last, so it is malformed, not truncated. */
  private notLastAfterAll(): void {
    if (!this.cutShort) return;
    const held = this.cutShort;
    this.cutShort = null;
    this.skipLine(held.line, held.kind, held.message);
  }

  private flushCutShort(): void {
    if (!this.cutShort) return;
    const held = this.cutShort;
    this.cutShort = null;
    this.skipLine(held.line, "truncatedLine", `the last line stops mid-record: ${held.message}`);
  }

  /** Open episodes right now, for progress reports. */
  get openEpisodes(): number {
    return this.aggregator.openEpisodes;
  }

  private onBlankLines(count: number): void {
    this.lines += count;
    if (this.document) this.documentBlankLines += count;
    else this.blankLines += count;
  }

  private onLine(bytes: Uint8Array, start: number, end: number, terminated: boolean): void {
    const line = ++this.lines;
    if (this.document) {
      if (!this.document.add(bytes, start, end, line, terminated)) {
        this.warnings.push(
          `the input starts like a JSON document (line ${this.documentLine}) but is longer than ` +
            `${this.options.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES} bytes: read line by line (for a JSON array, jq -c '.[]' makes JSONL)`,
        );
        this.replayDocument();
      }
      return;
    }
    this.readLine(bytes, start, end, terminated, line);
  }

  /** Lines of JSONL in a layout seen before, read from `chunk` at `pos` without the scanner: where they stop. */
  private readRun(chunk: Uint8Array, pos: number): number {
    const shapes = this.shapes;
    if (shapes === null || shapes.size === 0 || this.document !== null || this.format !== "jsonl") return pos;
    return shapes.read(chunk, pos, this.maxLineBytes, this.onShapeLine);
  }

  /** One line read by a layout: counted as readLine counts a record line. */
  private readonly onShapeLine = (result: RecordResult): void => {
    const line = ++this.lines;
    this.owed++;
    this.recordLines++;
    this.notLastAfterAll();
    this.count(result, line);
  };

  /** Reads one line in line mode (JSONL, CSV or Tinker events). */
  private readLine(bytes: Uint8Array, start: number, end: number, terminated: boolean, line: number): void {
    if (isBlank(bytes, start, end)) {
      this.blankLines++;
      return;
    }
    if (this.format === "csv" && this.columns === undefined) this.headerLines++;
    else {
      this.owed++;
      this.recordLines++;
    }
    this.notLastAfterAll();
    if (this.format === "jsonl" && this.documentLine !== 0 && this.fast) {
      const record = this.fast.read(bytes, start, end);
      if (record) {
        this.shapes?.offer(bytes, start, end, record);
        this.count(record, line);
        return;
      }
    }
    let text: string;
    try {
      text = this.decode(bytes, start, end);
    } catch {
      // Past the engine's longest string (about 512 MiB): no record is that long.
      this.skipLine(line, "malformedJson", `a line of ${end - start} bytes is too long to be a request`);
      return;
    }
    if (this.format === undefined || (this.format !== "csv" && this.documentLine === 0)) {
      if (this.detect(text, line, bytes.subarray(start, end), terminated)) return;
      // The first line proved to be a CSV header.
      if ((this.format as LogFormat | undefined) === "csv" && this.columns === undefined) {
        this.owed--;
        this.recordLines--;
        this.headerLines++;
      }
    }
    if (this.format === "csv") {
      if (this.columns === undefined) {
        this.readHeader(text);
        return;
      }
      const result = recordFromCsv(text, this.columns, this.names);
      if (!result.ok && result.kind === "malformedRow") {
        const cells = csvCells(text);
        const short = cells === null || cells.length < this.columns.count;
        this.malformed(line, "malformedRow", result.message, terminated, short);
      } else this.count(result, line);
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      this.malformed(line, "malformedJson", jsonError(error), terminated, endsMidRecord(text));
      return;
    }
    if (this.format === "tinker") this.countTinker(value, line);
    else this.count(recordFromJson(value, this.json), line);
  }

  /**
   * A line that cannot be read. The last line is `truncatedLine` when it has no line break, or when it
   * stops mid-record (an open string, bracket or quoted cell): a log cut off while being written.
   */
  private malformed(
    line: number,
    kind: SkipKind,
    message: string,
    terminated: boolean,
    short: boolean,
  ): void {
    if (!terminated)
      this.skipLine(line, "truncatedLine", `the last line has no line break and is ${message}`);
    else if (short) this.cutShort = { line, kind, message };
    else this.skipLine(line, kind, message);
  }

  /** Decides the format from the first non-blank line; true if the line was consumed. */
  private detect(text: string, line: number, bytes: Uint8Array, terminated: boolean): boolean {
    this.documentLine = line;
    const trimmed = text.trim();
    // A pretty-printed document ("{" alone) or a JSON array, on one line or many: held, read whole at the end.
    if (!this.documentTried && (trimmed === "{" || trimmed.startsWith("["))) {
      this.owed--;
      this.recordLines--;
      this.document = new DocumentBuffer(this.options.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES);
      this.document.add(bytes, 0, bytes.length, line, terminated);
      return true;
    }
    if (this.format !== undefined) return false;
    if (trimmed.startsWith("[")) {
      // A "[" line that was not the start of a whole document: JSONL with a bad first line.
      this.format = "jsonl";
      return false;
    }
    if (!trimmed.startsWith("{")) {
      // A header names several columns; a stray first line in a .jsonl file is just a bad line.
      const jsonName = /\.jsonl?(\.gz)?$/i.test(this.options.fileName ?? "");
      this.format = trimmed.includes(",") && !jsonName ? "csv" : "jsonl";
      return false;
    }
    this.format = "jsonl";
    try {
      const value = JSON.parse(trimmed) as Record<string, unknown>;
      if (value && typeof value === "object" && ("event_info" in value || Array.isArray(value.data)))
        this.format = "tinker";
    } catch {
      // Not JSON: read as JSONL, and this line is counted as malformed.
    }
    return false;
  }

  private readHeader(text: string): void {
    const found = csvColumns(text, this.names);
    if (!found.ok) throw new UnreadableLogError(found.reason);
    this.columns = this.options.fileOrder ? { ...found.columns, order: -1 } : found.columns;
  }

  /**
   * The held input at its end: one JSON document (an array of request objects, or Tinker's
   * `{ data: [events] }` response) if the whole of it parses as one; otherwise read line by line.
   */
  private finishDocument(): void {
    const document = this.document as DocumentBuffer;
    const text = document.text(this.decode);
    let value: unknown;
    let why = "it is longer than the longest string";
    try {
      if (text !== null) value = JSON.parse(text);
    } catch (error) {
      why = `it is ${jsonError(error)}`;
    }
    const data = Array.isArray(value) ? value : (value as { data?: unknown } | null | undefined)?.data;
    if (!Array.isArray(data)) {
      if (value !== undefined) why = "a JSON document must be an array of requests or { data: [...] }";
      this.warnings.push(
        `line ${this.documentLine} starts like a JSON document, but the input is not one (${why}): read line by line`,
      );
      this.replayDocument();
      return;
    }
    this.document = null;
    this.documentLines = document.lines.length + this.documentBlankLines;
    const tinker = !Array.isArray(value) || this.format === "tinker";
    if (this.format === undefined || this.format === "jsonl") this.format = tinker ? "tinker" : "jsonl";
    this.owed += data.length;
    // Line numbers inside a document are its elements' 1-based positions.
    data.forEach((item, index) => {
      if (this.format === "tinker") this.countTinker(item, index + 1);
      else this.count(recordFromJson(item, this.json), index + 1);
    });
  }

  /** Gives up on the held document: its lines are read one by one, the first as an ordinary line. */
  private replayDocument(): void {
    const document = this.document as DocumentBuffer;
    this.document = null;
    this.documentTried = true;
    this.blankLines += this.documentBlankLines;
    this.documentBlankLines = 0;
    for (const held of document.lines)
      this.readLine(held.bytes, 0, held.bytes.length, held.terminated, held.line);
  }

  private countTinker(value: unknown, line: number): void {
    const data = (value as { data?: unknown } | null)?.data;
    if (Array.isArray(data)) {
      if (data.length === 0) {
        this.skipLine(line, "unknownEvent", "a { data: [] } response holds no billing event");
        return;
      }
      // One record in, one outcome per event out.
      this.owed += data.length - 1;
      for (const event of data) this.countTinker(event, line);
      return;
    }
    const result = this.tinker.add(value);
    if (!result.ok) this.skipLine(line, result.kind, result.message);
  }

  private count(result: RecordResult, line: number): void {
    if (!result.ok) {
      this.skipLine(line, result.kind, result.message);
      return;
    }
    if (this.options.rangeSink) {
      this.options.rangeSink.record(result, line);
      return;
    }
    const rejected = this.aggregator.add(result, line);
    if (rejected) this.skipLine(line, rejected.kind, rejected.message);
  }

  private skipLine(line: number, kind: SkipKind, message: string): void {
    if (this.options.rangeSink) {
      this.options.rangeSink.skip(line, kind, message);
      return;
    }
    if (this.options.strict) throw new BadLineError({ line, kind, message });
    this.bad.record(line, kind, message);
  }

  private result(): LogAnalysis {
    const common = {
      bytes: this.bytes,
      lines: this.lines,
      blankLines: this.blankLines,
      headerLines: this.headerLines,
      documentLines: this.documentLines,
      skipped: { ...this.bad.counts },
      skippedTotal: this.bad.total,
      badLines: this.bad.firstFew(),
    };
    const body =
      this.format === "tinker"
        ? this.tinker.analysis()
        : episodeAnalysis(this.aggregator, this.format ?? "jsonl", this.options);
    const analysis: LogAnalysis = { ...common, ...body, warnings: [...this.warnings, ...body.warnings] };
    checkAccounting(analysis, { recordLines: this.recordLines, owed: this.owed });
    return analysis;
  }
}
