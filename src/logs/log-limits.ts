// The bounds a log reader keeps on hostile input, so /dev/zero, a gzip bomb or a file with no line
// break ends quickly with a clear message instead of filling memory.

/** The longest line read by default: 64 MiB (a real request record is a few kB; a long one a few MB). */
export const DEFAULT_MAX_LINE_BYTES = 64 * 1024 * 1024;

/**
 * Decompressed ÷ compressed bytes a .gz may reach by default. JSONL request logs compress 5–30×; a gzip
 * bomb (GiB of NUL bytes or line breaks) reaches about 1,000×, deflate's ceiling.
 */
export const DEFAULT_MAX_GZIP_RATIO = 200;

/** The ratio is judged only past this much decompressed output (16 MiB): small files may compress as they like. */
export const GZIP_RATIO_FLOOR_BYTES = 16 * 1024 * 1024;

/** Which bound an input broke, for the surface to name its own setting (a CLI flag, the page's text). */
export type LogLimit = "maxLineBytes" | "maxGzipRatio";

/** Thrown when an input breaks a bound: the analysis stops, nothing is reported as complete. */
export class LogLimitError extends Error {
  constructor(
    readonly limit: LogLimit,
    message: string,
  ) {
    super(message);
    this.name = "LogLimitError";
  }
}

/** The error for line `line` (1-based) longer than `maxLineBytes`: every reader words it the same. */
export function lineTooLongError(line: number, maxLineBytes: number): LogLimitError {
  return new LogLimitError(
    "maxLineBytes",
    `line ${line} is longer than ${maxLineBytes} bytes, the longest a line may be`,
  );
}

/** Throws when `decompressedBytes` from `compressedBytes` is past `maxRatio` (once past the floor). */
export function checkGzipRatio(decompressedBytes: number, compressedBytes: number, maxRatio: number): void {
  if (decompressedBytes <= GZIP_RATIO_FLOOR_BYTES) return;
  if (decompressedBytes <= maxRatio * Math.max(compressedBytes, 1)) return;
  throw new LogLimitError(
    "maxGzipRatio",
    `the gzip stream expands more than ${maxRatio}× (${decompressedBytes} bytes from ${compressedBytes}): ` +
      "not a request log (a gzip bomb?)",
  );
}
