// When the DuckDB engine cannot give exactly the streaming reader's report, it says so and reads nothing:
// a log is never read differently depending on the engine.
import { lineTooLongError } from "../log-limits.js";

/** Thrown when `--engine duckdb` cannot read a log as the streaming reader does; `reason` says why. */
export class DuckdbRefusalError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "DuckdbRefusalError";
  }
}

// DuckDB's own words for what its line reader cannot follow, and what that means for a log.
const KNOWN: [RegExp, string][] = [
  [
    /state machine reached an invalid state/i,
    "its line breaks are not all LF or all CRLF (a lone CR, or both kinds)",
  ],
  [/invalid unicode/i, "it is not valid UTF-8"],
  [/Expected Number of Columns/i, "a line holds the bytes 01 02 03 04, which DuckDB's line reader splits on"],
  [/no magic bytes|not a parquet file|invalid parquet/i, "it is not a readable Parquet file"],
];

/**
 * A DuckDB error while reading, in the log's terms: a line past `maxLineBytes` as the streaming reader
 * reports it (DuckDB names the line), anything else as a refusal that names the cause.
 */
export function fromDuckdbError(error: unknown, maxLineBytes: number): Error {
  const message = error instanceof Error ? error.message : String(error);
  const line = /CSV Error on Line: (\d+)/.exec(message)?.[1];
  if (line !== undefined && /Maximum line size/i.test(message))
    return lineTooLongError(Number(line), maxLineBytes);
  for (const [pattern, reason] of KNOWN) if (pattern.test(message)) return new DuckdbRefusalError(reason);
  return new DuckdbRefusalError(`DuckDB stopped: ${message.split("\n")[0]?.slice(0, 160)}`);
}
