// A Web Worker that analyses a log file dropped on the page, off the main thread, with progress
// messages. It runs the same pure reader and aggregation as `rollout-cost analyze`.
//
// The page: const worker = new Worker(new URL("./workers/analyze-worker.ts", import.meta.url), { type: "module" });
//           worker.postMessage({ type: "analyze", file, options: { contextWindowTokens } });
//           worker.onmessage = (e) => e.data.type === "progress" | "done" | "error"
import type { Workload } from "../../core/episode-shape.js";
import type { WorkloadTokens } from "../../core/workload-tokens.js";
import { type AnalyzeProgress, analyzeBlob } from "../../logs/analyze-stream.js";
import type { LogAnalysis } from "../../logs/log-analysis.js";
import { type AnalyzeOptions, BadLineError, UnreadableLogError } from "../../logs/log-analyzer.js";
import { fittedWorkload, observedWorkloadTokens } from "../../logs/observed-workload.js";

/** The options the page may pass: the reader's, without a decoder (the worker's TextDecoder is used). */
export type WorkerAnalyzeOptions = Omit<AnalyzeOptions, "decode">;

/** What the page sends: a File (or any Blob) and reader options. */
export interface AnalyzeRequest {
  type: "analyze";
  file: Blob & { name?: string };
  options?: WorkerAnalyzeOptions;
}

/** What the worker answers, in order: progress messages, then one done or error. */
export type AnalyzeResponse =
  | ({ type: "progress" } & AnalyzeProgress)
  | {
      type: "done";
      analysis: LogAnalysis;
      /** The observed tokens every plan's bill takes; null when no request was read. */
      workloadTokens: WorkloadTokens | null;
      /** The uniform shape to fill the page's inputs with; null for Tinker billing or an empty log. */
      fitted: { workload: Workload; warnings: string[] } | null;
    }
  | { type: "error"; message: string };

/** Runs one request, posting each response through `post`. Exported for tests; the worker wires it below. */
export async function handleAnalyzeRequest(
  request: AnalyzeRequest,
  post: (response: AnalyzeResponse) => void,
) {
  if (request?.type !== "analyze" || !(request.file instanceof Blob)) {
    post({ type: "error", message: 'expected { type: "analyze", file: File }' });
    return;
  }
  try {
    const options: AnalyzeOptions = {
      ...request.options,
      ...(request.file.name !== undefined &&
        request.options?.fileName === undefined && { fileName: request.file.name }),
    };
    const analysis = await analyzeBlob(request.file, options, (p) => post({ type: "progress", ...p }));
    const tokens = observedWorkloadTokens(analysis);
    const fitted = fittedWorkload(analysis);
    post({
      type: "done",
      analysis,
      workloadTokens: tokens.ok ? tokens.tokens : null,
      fitted: fitted.ok ? { workload: fitted.workload, warnings: fitted.warnings } : null,
    });
  } catch (error) {
    const message =
      error instanceof BadLineError || error instanceof UnreadableLogError
        ? error.message
        : `could not read the file: ${error instanceof Error ? error.message : String(error)}`;
    post({ type: "error", message });
  }
}

interface WorkerScope {
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent<AnalyzeRequest>) => void) | null;
}

// In a worker, `self` has no `document`; on the page or in Node this module only exports.
const scope = (typeof self === "undefined" ? undefined : self) as unknown as WorkerScope | undefined;
if (scope && typeof (globalThis as { document?: unknown }).document === "undefined") {
  scope.onmessage = (event) => {
    void handleAnalyzeRequest(event.data, (response) => scope.postMessage(response));
  };
}
