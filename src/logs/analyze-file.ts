// Node-only: analyse a log file or stdin from a script, as `rollout-cost analyze` does.
import type { LogAnalysis } from "./log-analysis.js";
import type { AnalyzeOptions } from "./log-analyzer.js";
import { nodeDecode, openLogInput } from "./node-input.js";
import { AutoLogAnalyzer } from "./readers/auto-analyzer.js";

/**
 * Reads and analyses `path` ("-" reads `stdin`, which must then be given; gzip is recognised by its magic
 * bytes). Throws LogLimitError past a bound, NotAFileError for a device or socket.
 */
export async function analyzeFile(
  path: string,
  options: AnalyzeOptions = {},
  stdin?: NodeJS.ReadableStream,
): Promise<LogAnalysis> {
  if (path === "-" && stdin === undefined) throw new RangeError('path "-" needs the stdin stream to read');
  const analyzer = new AutoLogAnalyzer({ fileName: path, decode: nodeDecode, ...options });
  const input = openLogInput(path, stdin as NodeJS.ReadableStream, undefined, options.maxGzipRatio);
  for await (const chunk of input.chunks) analyzer.push(chunk);
  const cut = input.cutReason();
  if (cut !== null) analyzer.cut(cut);
  return analyzer.end();
}
