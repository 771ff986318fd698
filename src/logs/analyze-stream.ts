// Web-standard streaming (ReadableStream, DecompressionStream): the page's Web Worker reads a dropped
// File through this; Node 20 has the same globals, so tests run it too.
import type { LogAnalysis } from "./log-analysis.js";
import { type AnalyzeOptions, UnreadableLogError } from "./log-analyzer.js";
import { checkGzipRatio, DEFAULT_MAX_GZIP_RATIO } from "./log-limits.js";
import { AutoLogAnalyzer } from "./readers/auto-analyzer.js";

/** How far the reading has got: bytes of the file (compressed, for .gz) and lines split so far. */
export interface AnalyzeProgress {
  bytes: number;
  totalBytes: number | undefined;
  lines: number;
}

const PROGRESS_EVERY_BYTES = 4 << 20;

/**
 * Analyses a Blob or File (gzip recognised by its first two bytes), calling `onProgress` about every
 * 4 MiB and once at the end. Rejects with the analyzer's BadLineError (strict), UnreadableLogError or
 * LogLimitError (a line too long, a gzip bomb); a gzip stream cut short is counted as truncatedGzip.
 */
export async function analyzeBlob(
  blob: Blob,
  options: AnalyzeOptions = {},
  onProgress: (progress: AnalyzeProgress) => void = () => {},
): Promise<LogAnalysis> {
  const head = new Uint8Array(await blob.slice(0, 3).arrayBuffer());
  const gzip = head[0] === 0x1f && head[1] === 0x8b;
  let rawBytes = 0;
  const counted = blob.stream().pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        rawBytes += chunk.length;
        controller.enqueue(chunk);
      },
    }),
  );
  const stream = gzip
    ? counted.pipeThrough(
        new DecompressionStream("gzip") as unknown as TransformStream<Uint8Array, Uint8Array>,
      )
    : counted;
  const analyzer = new AutoLogAnalyzer(options);
  const reader = stream.getReader();
  const maxRatio = options.maxGzipRatio ?? DEFAULT_MAX_GZIP_RATIO;
  let nextReport = PROGRESS_EVERY_BYTES;
  let outBytes = 0;
  try {
    while (true) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (error) {
        // A gzip stream cut short or corrupt: what came before counts, the cut is reported. Nothing read
        // and no deflate header (method 8) is no gzip stream at all: an error, as in the CLI.
        if (!gzip) throw error;
        const why = error instanceof Error ? error.message : String(error);
        if (outBytes === 0 && head.length > 2 && head[2] !== 8)
          throw new UnreadableLogError(`not valid gzip past its first two bytes (${why})`);
        analyzer.cut(`${why} after ${rawBytes} compressed bytes`);
        break;
      }
      if (chunk.done) break;
      outBytes += chunk.value.length;
      if (gzip) checkGzipRatio(outBytes, rawBytes, maxRatio);
      analyzer.push(chunk.value);
      if (rawBytes >= nextReport) {
        nextReport = rawBytes + PROGRESS_EVERY_BYTES;
        onProgress({ bytes: rawBytes, totalBytes: blob.size, lines: analyzer.lines });
      }
    }
  } catch (error) {
    void reader.cancel().catch(() => {});
    throw error;
  }
  const analysis = analyzer.end();
  onProgress({ bytes: rawBytes, totalBytes: blob.size, lines: analyzer.lines });
  return analysis;
}
