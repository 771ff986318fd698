// Node-only: a large log file read by several threads. The first byte range is read here as usual; each
// later range is parsed by a worker (range-worker.ts) into plain numbers, then replayed here in line order
// into the same analyzer, with its line numbers moved past the ranges before it. The aggregation itself
// (episodes, duplicates, order, the reorder window) runs once, in file order, so the result is exactly
// the one-thread result for every order mode; the parsing, most of the work, runs side by side.
import { closeSync, createReadStream, existsSync, openSync, readSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import type { Worker } from "node:worker_threads";
import type { AnalyzeOptions, LogAnalyzer, RangeCounts, RangeSink } from "../log-analyzer.js";
import type { LogRecord } from "../log-record.js";
import type { AutoLogAnalyzer } from "../readers/auto-analyzer.js";
import { ENTRY_SIZE, type RangeJob, type RangeJobOptions, type RangeMessage } from "./range-job.js";
import { lineRanges } from "./range-split.js";

/** Where `--threads` starts to default to 2: see defaultThreads. */
export const DEFAULT_SPLIT_BYTES = 256 << 20;

/**
 * Threads when none are asked for: 1 below 256 MiB (a second thread saves a fraction of a second there,
 * and holds a second engine's memory), else 2 when the machine has 2 CPUs. Not more by default: the
 * replay of a range here costs about a fifth of its parsing, so past 2-3 threads this thread is the limit.
 */
export function defaultThreads(sizeBytes: number | undefined): number {
  if (sizeBytes === undefined || sizeBytes < DEFAULT_SPLIT_BYTES) return 1;
  return Math.min(2, availableParallelism());
}

/** The options a worker needs, as plain values. */
export function rangeJobOptions(options: AnalyzeOptions): RangeJobOptions {
  const { episodeKey, orderKey, fileOrder, cachedOptional, maxLineBytes, fastPath } = options;
  return {
    ...(episodeKey !== undefined && { episodeKey }),
    ...(orderKey !== undefined && { orderKey }),
    ...(fileOrder !== undefined && { fileOrder }),
    ...(cachedOptional !== undefined && { cachedOptional }),
    ...(maxLineBytes !== undefined && { maxLineBytes }),
    ...(fastPath !== undefined && { fastPath }),
  };
}

/** Below this a file is read on one thread: starting a worker (~30 ms) costs more than it saves. */
export const MIN_SPLIT_BYTES = 8 << 20;

/** The byte ranges to read `path` in with `threads` threads, or null when it is read on one: stdin, a pipe, gzip, a small file. */
export function planRanges(path: string, threads: number): number[] | null {
  if (threads < 2 || path === "-") return null;
  const stat = statSync(path);
  if (!stat.isFile() || stat.size < MIN_SPLIT_BYTES) return null;
  const head = Buffer.alloc(2);
  const fd = openSync(path, "r");
  try {
    readSync(fd, head, 0, 2, 0);
  } finally {
    closeSync(fd);
  }
  if (head[0] === 0x1f && head[1] === 0x8b) return null;
  const cuts = lineRanges(path, stat.size, threads);
  return cuts.length > 2 ? cuts : null;
}

interface RangeResult {
  batches: Extract<RangeMessage, { type: "batch" }>[];
  counts: RangeCounts | null;
  error: string | null;
}

function workerUrl(): { url: URL; typescript: boolean } {
  const here = import.meta.url;
  if (here.endsWith(".ts")) return { url: new URL("./range-worker.ts", here), typescript: true };
  // The compiled library sits beside the worker; the bundled CLI (dist/bundle/cli) two folders down.
  for (const relative of ["./range-worker.js", "../../logs/node/range-worker.js"]) {
    const url = new URL(relative, here);
    if (existsSync(fileURLToPath(url))) return { url, typescript: false };
  }
  throw new Error("range-worker.js not found beside the reader (is the package built?)");
}

function startRange(
  Worker: typeof import("node:worker_threads").Worker,
  job: RangeJob,
): { result: Promise<RangeResult>; worker: Worker } {
  const { url, typescript } = workerUrl();
  const workerData = { rolloutCostRange: job };
  // From the sources (tests, tsx): the worker registers tsx's loader before importing the TypeScript file.
  const worker = typescript
    ? new Worker(
        `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); })`,
        { eval: true, workerData },
      )
    : new Worker(url, { workerData });
  const out: RangeResult = { batches: [], counts: null, error: null };
  const result = new Promise<RangeResult>((resolve) => {
    worker.on("message", (message: RangeMessage) => {
      if (message.type === "batch") out.batches.push(message);
      else if (message.type === "done") out.counts = message.counts;
      else out.error = message.message;
    });
    worker.on("error", (error) => {
      out.error = error.message;
    });
    worker.on("exit", () => {
      if (out.counts === null && out.error === null) out.error = "the worker stopped early";
      resolve(out);
    });
  });
  return { result, worker };
}

/** Replays a range's outcomes, in line order, into `sink` (which reads each record at once and keeps none). */
function replay(result: RangeResult, sink: RangeSink): void {
  const ids: string[] = [];
  // One record refilled for every request: the replay allocates nothing per line.
  const record: LogRecord = {
    ok: true,
    episodeId: "",
    order: undefined,
    promptTokens: 0,
    cachedPromptTokens: 0,
    completionTokens: 0,
  };
  for (const batch of result.batches) {
    for (const id of batch.ids) ids.push(id);
    const e = batch.entries;
    for (let at = 0; at < e.length; at += ENTRY_SIZE) {
      const line = e[at] as number;
      const episode = e[at + 1] as number;
      if (episode < 0) {
        const skip = batch.skips[-1 - episode] as { kind: Parameters<RangeSink["skip"]>[1]; message: string };
        sink.skip(line, skip.kind, skip.message);
        continue;
      }
      const order = e[at + 2] as number;
      record.episodeId = ids[episode] as string;
      record.order = Number.isNaN(order) ? undefined : order;
      record.promptTokens = e[at + 3] as number;
      record.cachedPromptTokens = e[at + 4] as number;
      record.completionTokens = e[at + 5] as number;
      sink.record(record, line);
    }
  }
}

async function pushRange(
  path: string,
  start: number,
  end: number,
  analyzer: AutoLogAnalyzer,
  onChunk: (bytes: number) => void,
): Promise<void> {
  if (end <= start) return;
  for await (const chunk of createReadStream(path, { start, end: end - 1, highWaterMark: 1 << 20 })) {
    analyzer.push(chunk as Buffer);
    onChunk((chunk as Buffer).length);
  }
}

/**
 * Reads the file into `analyzer` over the byte ranges `cuts` (from planRanges): the first here, the others
 * by one worker thread each. When the first range proves not to be JSONL read line by line (CSV, a JSON
 * document, a framework's file) or a worker fails (a line past --max-line-bytes), the rest is read here,
 * in order, so the outcome is always what one thread gives. `onChunk` hears bytes as they are read (it
 * may throw to stop). Call `analyzer.end()` afterwards.
 */
export async function readInRanges(
  path: string,
  cuts: number[],
  analyzer: AutoLogAnalyzer,
  options: RangeJobOptions,
  onChunk: (bytes: number) => void = () => {},
): Promise<{ threads: number }> {
  const size = cuts.at(-1) as number;
  // node:worker_threads is imported here, not at the top, so that the bundled CLI loads it only to analyze.
  const { Worker } = await import("node:worker_threads");
  const started = cuts
    .slice(1, -1)
    .map((start, k) => startRange(Worker, { path, start, end: cuts[k + 2] as number, options }));
  let threads = 1;
  try {
    await pushRange(path, 0, cuts[1] as number, analyzer, onChunk);
    for (let k = 0; k < started.length; k++) {
      const target: LogAnalyzer | null = analyzer.rangeTarget();
      const result = target ? await (started[k] as { result: Promise<RangeResult> }).result : null;
      if (!target || !result || result.error !== null || result.counts === null) {
        await pushRange(path, cuts[k + 1] as number, size, analyzer, onChunk);
        break;
      }
      target.absorbRange(result.counts, (sink) => replay(result, sink));
      result.batches = [];
      onChunk(result.counts.bytes);
      threads++;
    }
  } finally {
    for (const { worker } of started) void worker.terminate();
  }
  return { threads };
}
