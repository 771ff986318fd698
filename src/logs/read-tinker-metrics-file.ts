// Node-only: a Tinker cookbook run's metrics.jsonl from a path, gzip or not, read line by line.
import { PassThrough } from "node:stream";
import { LineSplitter } from "./line-splitter.js";
import { DEFAULT_MAX_LINE_BYTES, LogLimitError } from "./log-limits.js";
import { nodeDecode, openLogInput } from "./node-input.js";
import { type TinkerMetrics, TinkerMetricsReader } from "./readers/tinker-metrics-reader.js";

/** Reads the whole file at `path`; throws the fs error (ENOENT, EISDIR, ...) if it cannot be opened,
 * NotAFileError for a device, LogLimitError past 64 MiB in a line or a gzip bomb. */
export async function readTinkerMetricsFile(
  path: string,
): Promise<TinkerMetrics & { cutReason: string | null }> {
  const reader = new TinkerMetricsReader();
  // The splitter drops a byte-order mark at the start.
  const splitter = new LineSplitter(
    (bytes, start, end, terminated) => reader.line(nodeDecode(bytes, start, end), terminated),
    {
      maxLineBytes: DEFAULT_MAX_LINE_BYTES,
      onTooLong: () => {
        throw new LogLimitError(
          "maxLineBytes",
          `a line is longer than ${DEFAULT_MAX_LINE_BYTES} bytes, the longest a line may be`,
        );
      },
    },
  );
  // A path only: "-" names a file called "-" here, never stdin (stdin may be the log itself).
  const input = openLogInput(path === "-" ? "./-" : path, new PassThrough());
  for await (const chunk of input.chunks) splitter.push(chunk);
  splitter.end();
  // A .gz cut short ends early: what came before the cut is read, and the cut is reported, never hidden.
  return { ...reader.result(), cutReason: input.cutReason() };
}
