// Node-only: `analyze --engine duckdb`. DuckDB reads the file (a text file line by line with read_csv, a
// Parquet file with read_parquet, each row as JSON) and picks out each request's raw values; everything
// the report says is then computed by the streaming reader's own code, so both engines give one report.

import { statSync } from "node:fs";
import { availableParallelism } from "node:os";
import type { DuckDBDataChunk } from "@duckdb/node-api";
import type { LogAnalysis } from "../log-analysis.js";
import { type AnalyzeOptions, recordNames } from "../log-analyzer.js";
import { DEFAULT_MAX_LINE_BYTES } from "../log-limits.js";
import { type RecordNames, recordFromValues } from "../log-record.js";
import { type AutoAnalyzeOptions, AutoLogAnalyzer } from "../readers/auto-analyzer.js";
import { fileKind, pushTextHead } from "./duckdb-head.js";
import { DuckdbRanges } from "./duckdb-ranges.js";
import { DuckdbRefusalError, fromDuckdbError } from "./duckdb-refusal.js";
import { ROW_KIND, type RowSource, requestRowsSql, VALUE_TAG } from "./duckdb-rows-sql.js";
import { loadDuckdb } from "./load-duckdb.js";

/**
 * How DuckDB runs: its threads (default one fewer than the CPUs, at least 1: this thread aggregates what
 * they read, and on 2 CPUs DuckDB on 1 thread read faster than on 2), and a hook for each chunk read (it may
 * throw to stop).
 */
export interface DuckdbRun {
  threads?: number;
  onChunk?: (bytes: number, lines: number) => void;
}

/** The formats the DuckDB engine reads (Parquet is recognised by its first bytes). */
export const DUCKDB_FORMATS = ["auto", "jsonl"] as const;

/**
 * The analysis of the log at `path`, read by DuckDB: equal to the streaming reader's on every log it
 * reads; a DuckdbRefusalError for a log it cannot read exactly (gzip, CSV, Tinker billing, a framework's
 * file, a JSON document, lone CR line breaks, invalid UTF-8), a DuckdbMissingError without @duckdb/node-api.
 */
export async function analyzeWithDuckdb(
  path: string,
  options: AutoAnalyzeOptions,
  run: DuckdbRun = {},
): Promise<LogAnalysis> {
  const duckdb = await loadDuckdb();
  if (!(DUCKDB_FORMATS as readonly string[]).includes(options.format ?? "auto"))
    throw new DuckdbRefusalError(
      `it reads --format ${DUCKDB_FORMATS.join(" or ")} (OpenAI-style JSONL, or Parquet), not --format ${options.format}`,
    );
  if (path === "-") throw new DuckdbRefusalError("it reads a file, not stdin");
  const stat = statSync(path);
  if (stat.isDirectory()) throw Object.assign(new Error(`${path} is a directory`), { code: "EISDIR" });
  if (!stat.isFile()) throw new DuckdbRefusalError("it is not a regular file");
  const kind = fileKind(path);
  if (kind === "gzip") throw new DuckdbRefusalError("it is gzip-compressed (gunzip it first)");

  const analyzer = new AutoLogAnalyzer(options);
  const threads = run.threads ?? Math.max(1, availableParallelism() - 1);
  const instance = await duckdb.DuckDBInstance.create(":memory:", { threads: String(threads) });
  const connection = await instance.connect();
  try {
    const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
    let source: RowSource;
    let newline = "\n";
    let terminated = true;
    /** The rows the streaming reader read itself (the first line, and blank lines before it). */
    let skipRows = 0;
    if (kind === "parquet") {
      const first = await query(
        () =>
          connection.runAndReadAll(
            `SELECT to_json(t)::VARCHAR FROM read_parquet('${path.replaceAll("'", "''")}') t LIMIT 1`,
          ),
        maxLineBytes,
      );
      const text = first.getRows()[0]?.[0];
      if (typeof text !== "string") return analyzer.end();
      analyzer.push(Buffer.from(`${text}\n`));
      source = { kind: "parquet", path };
      skipRows = 1;
    } else {
      const head = pushTextHead(path, stat.size, (chunk) => analyzer.push(chunk));
      if (head.bytes === stat.size) return analyzer.end();
      newline = head.newlineBytes === 2 ? "\r\n" : "\n";
      terminated = head.endsWithNewline;
      source = { kind: "lines", path, maxLineBytes };
      skipRows = head.rows;
    }
    const target = analyzer.rangeTarget();
    if (!target) throw new DuckdbRefusalError(notLinesReason(analyzer.detectedFormat));
    const innerOptions: AnalyzeOptions = { ...options, format: "jsonl" };
    const ranges = new DuckdbRanges(target, innerOptions, newline);
    const names = recordNames(innerOptions);
    const sql = requestRowsSql(source, {
      episode: names.episode,
      order: options.fileOrder ? null : names.order,
      maxLineBytes,
    });
    const result = await query(() => connection.stream(sql), maxLineBytes);
    for (;;) {
      const chunk = await query(() => result.fetchChunk(), maxLineBytes);
      if (!chunk || chunk.rowCount === 0) break;
      ranges.flush();
      const from = Math.min(skipRows, chunk.rowCount);
      skipRows -= from;
      const bytes = feedRows(chunk, from, ranges, names, newline.length);
      run.onChunk?.(bytes, chunk.rowCount - from);
    }
    ranges.end(terminated);
    const analysis = analyzer.end();
    if (kind === "text" && analysis.bytes !== stat.size)
      throw new DuckdbRefusalError(
        `DuckDB's lines hold ${analysis.bytes} bytes of the file's ${stat.size} (a line break it reads otherwise)`,
      );
    return analysis;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/**
 * Feeds the rows of `chunk` from `from` on to `ranges` (each request's values judged by recordFromValues,
 * as the streaming reader judges them); returns the bytes they stand for.
 */
function feedRows(
  chunk: DuckDBDataChunk,
  from: number,
  ranges: DuckdbRanges,
  names: RecordNames,
  newlineBytes: number,
): number {
  const columns = chunk.getColumns() as unknown[][];
  const kinds = columns[0] as number[];
  const lengths = columns[1] as number[];
  const texts = columns[2] as (string | null)[];
  const value = (kind: number, field: number, row: number): unknown => {
    const tag = (kind >> (2 + 2 * field)) & 3;
    if (tag === VALUE_TAG.absent) return undefined;
    return tag === VALUE_TAG.null ? null : (columns[3 + field] as unknown[])[row];
  };
  let bytes = 0;
  for (let row = from; row < chunk.rowCount; row++) {
    const lineBytes = lengths[row] as number;
    bytes += lineBytes + newlineBytes;
    const kind = kinds[row] as number;
    const rowKind = kind & 3;
    if (rowKind === ROW_KIND.blank) ranges.blank(lineBytes);
    else if (rowKind === ROW_KIND.values) {
      const read = (field: number) => value(kind, field, row);
      ranges.values(recordFromValues(read(0), read(1), read(2), read(3), read(4), names), lineBytes);
    } else if (rowKind === ROW_KIND.text) ranges.text(texts[row] as string);
    else ranges.tooLong();
  }
  return bytes;
}

/** Why a log whose first line is not an OpenAI-style request read line by line is refused. */
function notLinesReason(format: string | undefined): string {
  if (format === undefined) return "it starts like one JSON document, which is read whole";
  return `its format is ${format}, and --engine duckdb reads OpenAI-style JSONL and Parquet only`;
}

/** A DuckDB call, its errors worded in the log's terms (see fromDuckdbError). */
async function query<T>(call: () => Promise<T>, maxLineBytes: number): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw fromDuckdbError(error, maxLineBytes);
  }
}
