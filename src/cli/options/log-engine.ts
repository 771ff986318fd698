// `analyze --engine`: which reader reads the log. @duckdb/node-api is imported only when the DuckDB engine
// runs (load-duckdb.ts); its own failures become one line naming the flag, the rest is worded as ever.
import { echo } from "../../format/echo.js";
import type { LogAnalysis } from "../../logs/log-analysis.js";
import { analyzeWithDuckdb } from "../../logs/node/duckdb-analyze.js";
import { DuckdbRefusalError } from "../../logs/node/duckdb-refusal.js";
import { DUCKDB_PACKAGE, DuckdbMissingError } from "../../logs/node/load-duckdb.js";
import type { AutoAnalyzeOptions } from "../../logs/readers/auto-analyzer.js";
import { CliError } from "../cli-error.js";
import type { CliContext } from "../context.js";
import { startProgress } from "../report/analyze-progress.js";

/** The readers `--engine` chooses from; the first is the default. */
export const LOG_ENGINES = ["stream", "duckdb"] as const;

export type LogEngine = (typeof LOG_ENGINES)[number];

/** The help lines of --engine, in the Input section. */
export const ENGINE_HELP = `  --engine <e>            stream (default): the streaming reader, every format here.
                          duckdb: DuckDB reads the file (needs the optional package
                          @duckdb/node-api): OpenAI-style JSONL with LF or CRLF line
                          breaks, or Parquet with the same columns (each row read as
                          the JSON line it stands for; bytes are those lines' bytes).
                          The report is the streaming reader's: DuckDB picks out each
                          request's values, and any line it cannot read exactly as
                          JSON.parse does goes to the streaming reader's code, so
                          skipped lines are counted alike. Refused, exit 2: stdin,
                          gzip, CSV, Tinker billing, frameworks' files, a JSON
                          document, lone CR line breaks, invalid UTF-8, a line holding
                          the bytes 01 02 03 04. --threads: DuckDB's (default one fewer
                          than the CPUs, at least 1)`;

/**
 * The log at `source` read by DuckDB. Its refusals and a missing package are CliErrors naming --engine;
 * anything else (a missing file, --strict, --max-line-bytes) is thrown as the streaming reader throws it.
 */
export async function readWithDuckdb(
  source: string,
  options: AutoAnalyzeOptions,
  context: CliContext,
  threads: number | undefined,
): Promise<LogAnalysis> {
  const progress = context.stderr.isTTY ? await startProgress(context.stderr, undefined) : undefined;
  let bytes = 0;
  let lines = 0;
  try {
    return await analyzeWithDuckdb(source, options, {
      ...(threads !== undefined && { threads }),
      onChunk: (chunkBytes, chunkLines) => {
        if (context.signal.aborted) throw new CliError("interrupted", 130);
        bytes += chunkBytes;
        lines += chunkLines;
        progress?.update(bytes, lines);
      },
    });
  } catch (error) {
    if (error instanceof DuckdbMissingError)
      throw new CliError(
        `--engine duckdb needs the optional package ${DUCKDB_PACKAGE}, which does not load here: ` +
          `npm install ${DUCKDB_PACKAGE}, or leave out --engine to use the streaming reader`,
      );
    if (error instanceof DuckdbRefusalError)
      throw new CliError(
        `--engine duckdb cannot read ${echo(source, 200)}: ${error.reason}; --engine stream (the default) reads it`,
      );
    throw error;
  } finally {
    progress?.stop();
  }
}
