// Node-only: the lines DuckDB read, handed to the streaming reader as contiguous ranges in file order, the
// way a worker thread's range is (LogAnalyzer.absorbRange): so episodes, order, duplicates, the reorder
// window and every count are the one aggregator's, exactly as if the reader had read the lines itself.
import { type AnalyzeOptions, LogAnalyzer, type RangeCounts, type RangeSink } from "../log-analyzer.js";
import { DEFAULT_MAX_LINE_BYTES, lineTooLongError } from "../log-limits.js";
import type { RecordResult } from "../log-record.js";

interface Outcome {
  /** 1-based within its range. */
  line: number;
  result: RecordResult;
}

/** Blank lines and requests read by DuckDB, counted here; or text lines, read by a LogAnalyzer of their own. */
type Range =
  | { judge: null; counts: RangeCounts; outcomes: Outcome[] }
  | { judge: LogAnalyzer; outcomes: Outcome[] };

function replay(outcomes: Outcome[], sink: RangeSink): void {
  for (const { line, result } of outcomes)
    if (result.ok) sink.record(result, line);
    else sink.skip(line, result.kind, result.message);
}

/**
 * Takes DuckDB's rows one by one (blank, a request's values already judged by recordFromValues, a line's
 * text, a line too long) and feeds `target`. Runs of text lines are pushed, as bytes, to a range-reading
 * LogAnalyzer, so a malformed line, a line cut short and a last line without a line break are judged by
 * the streaming reader's own code.
 */
export class DuckdbRanges {
  private open: Range | null = null;
  /** The latest text line: pushed once the next row shows whether it was the last. */
  private pending: string | null = null;
  private lastWasPlain = false;

  constructor(
    private readonly target: LogAnalyzer,
    private readonly options: AnalyzeOptions,
    /** The line break the file uses ("\n" or "\r\n"). */
    private readonly newline: string,
  ) {}

  blank(lineBytes: number): void {
    this.plain(lineBytes).blankLines++;
  }

  values(result: RecordResult, lineBytes: number): void {
    const counts = this.plain(lineBytes);
    counts.recordLines++;
    this.open?.outcomes.push({ line: counts.lines, result });
  }

  text(text: string): void {
    this.release();
    this.pending = text;
    this.lastWasPlain = false;
  }

  tooLong(): never {
    this.release();
    this.flush();
    throw lineTooLongError(this.target.lines + 1, this.options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES);
  }

  /** Hands the open range to the target (between DuckDB's chunks, to keep memory bounded). */
  flush(): void {
    const range = this.open;
    if (!range) return;
    this.open = null;
    const counts = range.judge ? range.judge.endRange() : range.counts;
    this.target.absorbRange(counts, (sink) => replay(range.outcomes, sink));
  }

  /** After the last row: `terminated` tells whether the file's last line has a line break. */
  end(terminated: boolean): void {
    if (this.pending !== null) {
      this.judge().push(Buffer.from(terminated ? this.pending + this.newline : this.pending));
      this.pending = null;
    } else if (!terminated && this.lastWasPlain && this.open && !this.open.judge)
      this.open.counts.bytes -= this.newline.length;
    this.flush();
  }

  /** The open range of DuckDB-read lines, one line (of `lineBytes` before its break) longer. */
  private plain(lineBytes: number): RangeCounts {
    this.release();
    if (this.open?.judge) this.flush();
    if (!this.open) {
      const counts = { bytes: 0, lines: 0, blankLines: 0, recordLines: 0, held: null };
      this.open = { judge: null, counts, outcomes: [] };
    }
    const counts = (this.open as { counts: RangeCounts }).counts;
    counts.lines++;
    counts.bytes += lineBytes + this.newline.length;
    this.lastWasPlain = true;
    return counts;
  }

  private release(): void {
    if (this.pending === null) return;
    this.judge().push(Buffer.from(this.pending + this.newline));
    this.pending = null;
  }

  private judge(): LogAnalyzer {
    if (this.open && !this.open.judge) this.flush();
    if (!this.open) {
      const outcomes: Outcome[] = [];
      const judge = new LogAnalyzer({
        ...this.options,
        rangeSink: {
          record: (result, line) => outcomes.push({ line, result }),
          skip: (line, kind, message) => outcomes.push({ line, result: { ok: false, kind, message } }),
        },
      });
      this.open = { judge, outcomes };
    }
    return this.open.judge as LogAnalyzer;
  }
}
