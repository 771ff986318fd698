// The auto-detecting log analyser over bytes in memory, for reader tests: fed whole, or in chunks.
import type { LogAnalysis } from "../src/logs/log-analysis.js";
import { type AutoAnalyzeOptions, AutoLogAnalyzer } from "../src/logs/readers/auto-analyzer.js";

/** Analyses `input`, fed in chunks of `chunkBytes` (default: whole). */
export function analyzeBytes(
  input: Uint8Array | string,
  options: AutoAnalyzeOptions = {},
  chunkBytes?: number,
): LogAnalysis {
  const bytes = typeof input === "string" ? new TextEncoder().encode(input) : input;
  const analyzer = new AutoLogAnalyzer(options);
  const step = chunkBytes ?? Math.max(1, bytes.length);
  for (let i = 0; i < bytes.length; i += step) analyzer.push(bytes.subarray(i, i + step));
  return analyzer.end();
}
