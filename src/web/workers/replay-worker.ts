// A Web Worker that reads a dropped Mooncake trace (.jsonl or .jsonl.gz) and replays it through prefix
// caches of the given capacities: pure logs + core, the same reader and replay as `rollout-cost replay`.
//
// The page: const worker = new Worker(new URL("./workers/replay-worker.ts", import.meta.url), { type: "module" });
//           worker.postMessage({ type: "replay", file, capacitiesTokens });
//           worker.onmessage = (e) => e.data.type === "done" | "error"
import { type ReplayResult, replayCurve } from "../../core/trace-replay/replay-trace.js";
import { LineSplitter } from "../../logs/line-splitter.js";
import { type MooncakeTrace, MooncakeTraceReader } from "../../logs/mooncake-trace.js";

/** What the page sends: the trace file and the cache capacities (tokens; Infinity for unlimited). */
export interface ReplayRequest {
  type: "replay";
  file: Blob;
  capacitiesTokens: readonly number[];
}

/** The trace's line accounting and one replay per capacity, or why the file could not be read. */
export type ReplayResponse =
  | { type: "done"; trace: Omit<MooncakeTrace, "requests"> & { requests: number }; rows: ReplayResult[] }
  | { type: "error"; message: string };

/** Reads and replays one trace; exported for tests, the worker wires it below. */
export async function handleReplayRequest(request: ReplayRequest): Promise<ReplayResponse> {
  if (request?.type !== "replay" || !(request.file instanceof Blob))
    return { type: "error", message: 'expected { type: "replay", file: File }' };
  try {
    const head = new Uint8Array(await request.file.slice(0, 2).arrayBuffer());
    const gzip = head[0] === 0x1f && head[1] === 0x8b;
    const raw = request.file.stream();
    const stream = gzip
      ? raw.pipeThrough(new DecompressionStream("gzip") as unknown as TransformStream<Uint8Array, Uint8Array>)
      : raw;
    const reader = new MooncakeTraceReader();
    const decoder = new TextDecoder();
    let first = true;
    const splitter = new LineSplitter((bytes, start, end) => {
      let text = decoder.decode(bytes.subarray(start, end));
      if (first) text = text.replace(/^\uFEFF/, "");
      first = false;
      reader.line(text);
    });
    const chunks = stream.getReader();
    while (true) {
      const { done, value } = await chunks.read();
      if (done) break;
      splitter.push(value);
    }
    splitter.end();
    const { requests, ...accounting } = reader.trace;
    if (requests.length === 0)
      return { type: "error", message: `no request could be read (${accounting.lines} lines)` };
    const rows = replayCurve(requests, request.capacitiesTokens);
    return { type: "done", trace: { ...accounting, requests: requests.length }, rows };
  } catch (error) {
    return {
      type: "error",
      message: `could not read the trace: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

interface WorkerScope {
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent<ReplayRequest>) => void) | null;
}

// In a worker, `self` has no `document`; on the page or in Node this module only exports.
const scope = (typeof self === "undefined" ? undefined : self) as unknown as WorkerScope | undefined;
if (scope && typeof (globalThis as { document?: unknown }).document === "undefined") {
  scope.onmessage = (event) => {
    void handleReplayRequest(event.data).then((response) => scope.postMessage(response));
  };
}
