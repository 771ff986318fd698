// Web-standard streaming (ReadableStream, DecompressionStream): the page's Web Worker reads a dropped
// File through this; Node 20 has the same globals, so tests run it too.
import type { LogAnalysis } from "./log-analysis.js";
import type { AnalyzeOptions } from "./log-analyzer.js";
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
 * 4 MiB and once at the end. Rejects with the analyzer's BadLineError (strict) or UnreadableLogError.
 */
export async function analyzeBlob(
  blob: Blob,
  options: AnalyzeOptions = {},
  onProgress: (progress: AnalyzeProgress) => void = () => {},
): Promise<LogAnalysis> {
  const head = new Uint8Array(await blob.slice(0, 2).arrayBuffer());
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
  let nextReport = PROGRESS_EVERY_BYTES;
  while (true) {
    const { done, value } = await reader.read();
    if (done) break;
    analyzer.push(value);
    if (rawBytes >= nextReport) {
      nextReport = rawBytes + PROGRESS_EVERY_BYTES;
      onProgress({ bytes: rawBytes, totalBytes: blob.size, lines: analyzer.lines });
    }
  }
  const analysis = analyzer.end();
  onProgress({ bytes: rawBytes, totalBytes: blob.size, lines: analyzer.lines });
  return analysis;
}
