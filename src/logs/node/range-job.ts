// What parallel-analyze.ts and its worker (range-worker.ts) exchange. Apart from the worker, so that the
// bundled CLI, which only starts workers, does not carry the worker's code or node:worker_threads at start.
import type { RangeCounts } from "../log-analyzer.js";
import type { SkipKind } from "../skip-kinds.js";

/** What the worker is asked to read. */
export interface RangeJob {
  path: string;
  start: number;
  end: number;
  options: RangeJobOptions;
}

/** The analyzer options that shape a range's outcomes (plain values, so they cross to the worker). */
export interface RangeJobOptions {
  episodeKey?: string;
  orderKey?: string;
  fileOrder?: boolean;
  cachedOptional?: boolean;
  maxLineBytes?: number;
  fastPath?: boolean;
}

/** Numbers per outcome: line, episode (index into the ids sent so far; -1 - k for the k-th skip of the batch), order (NaN: none), prompt, cached, completion. */
export const ENTRY_SIZE = 6;

/** A message from the worker. */
export type RangeMessage =
  | { type: "batch"; entries: Float64Array; ids: string[]; skips: { kind: SkipKind; message: string }[] }
  | { type: "done"; counts: RangeCounts }
  | { type: "error"; message: string };
