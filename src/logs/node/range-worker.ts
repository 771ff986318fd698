// Node-only worker: reads one byte range of a JSONL log and sends its outcomes back in line order, in
// batches of plain numbers (transferred, not copied), for parallel-analyze.ts to replay exactly.
import { createReadStream } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { LogAnalyzer } from "../log-analyzer.js";
import { nodeDecode } from "../node-input.js";
import type { SkipKind } from "../skip-kinds.js";
import { ENTRY_SIZE, type RangeJob, type RangeMessage } from "./range-job.js";

const BATCH_ENTRIES = 8192;

/** Reads `job`'s range, posting batches then "done" (or "error") to `post`. */
export async function readRange(
  job: RangeJob,
  post: (message: RangeMessage, transfer?: ArrayBuffer[]) => void,
): Promise<void> {
  const ids = new Map<string, number>();
  let entries = new Float64Array(BATCH_ENTRIES * ENTRY_SIZE);
  let n = 0;
  let newIds: string[] = [];
  let skips: { kind: SkipKind; message: string }[] = [];
  const flush = () => {
    if (n === 0 && newIds.length === 0) return;
    const out = entries.subarray(0, n * ENTRY_SIZE);
    post({ type: "batch", entries: out, ids: newIds, skips }, [entries.buffer as ArrayBuffer]);
    entries = new Float64Array(BATCH_ENTRIES * ENTRY_SIZE);
    n = 0;
    newIds = [];
    skips = [];
  };
  const analyzer = new LogAnalyzer({
    ...job.options,
    decode: nodeDecode,
    rangeSink: {
      record(record, line) {
        let id = ids.get(record.episodeId);
        if (id === undefined) {
          id = ids.size;
          ids.set(record.episodeId, id);
          newIds.push(record.episodeId);
        }
        const at = n * ENTRY_SIZE;
        entries[at] = line;
        entries[at + 1] = id;
        entries[at + 2] = record.order ?? Number.NaN;
        entries[at + 3] = record.promptTokens;
        entries[at + 4] = record.cachedPromptTokens;
        entries[at + 5] = record.completionTokens;
        if (++n === BATCH_ENTRIES) flush();
      },
      skip(line, kind, message) {
        const at = n * ENTRY_SIZE;
        entries[at] = line;
        entries[at + 1] = -1 - skips.length;
        skips.push({ kind, message });
        if (++n === BATCH_ENTRIES) flush();
      },
    },
  });
  try {
    if (job.end > job.start)
      for await (const chunk of createReadStream(job.path, {
        start: job.start,
        end: job.end - 1,
        highWaterMark: 1 << 20,
      }))
        analyzer.push(chunk as Buffer);
    const counts = analyzer.endRange();
    flush();
    post({ type: "done", counts });
  } catch (error) {
    post({ type: "error", message: error instanceof Error ? error.message : String(error) });
  }
}

const data = workerData as { rolloutCostRange?: RangeJob } | null;
if (parentPort && data?.rolloutCostRange) {
  const port = parentPort;
  void readRange(data.rolloutCostRange, (message, transfer) => port.postMessage(message, transfer ?? []));
}
