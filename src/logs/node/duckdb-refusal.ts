// When the DuckDB engine cannot give exactly the streaming reader's report, it says so and reads nothing:
// a log is never read differently depending on the engine.

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
  [/maximum line size/i, "a line is longer than --max-line-bytes"],
  [/no magic bytes|not a parquet file|invalid parquet/i, "it is not a readable Parquet file"],
];

/** A DuckDB error while reading, as a refusal that names the cause in the log's terms. */
export function refusalFromDuckdb(error: unknown): DuckdbRefusalError {
  const message = error instanceof Error ? error.message : String(error);
  for (const [pattern, reason] of KNOWN) if (pattern.test(message)) return new DuckdbRefusalError(reason);
  return new DuckdbRefusalError(`DuckDB stopped: ${message.split("\n")[0]?.slice(0, 160)}`);
}
