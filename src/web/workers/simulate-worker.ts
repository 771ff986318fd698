// A Web Worker that runs the event-driven rollout simulation off the main thread: pure core only.
// The page builds the input with src/scenario/simulation-for.ts (the catalog join) and posts it here.
//
// The page: const worker = new Worker(new URL("./workers/simulate-worker.ts", import.meta.url), { type: "module" });
//           worker.postMessage({ type: "simulate", input, levels, threshold });
//           worker.onmessage = (e) => e.data.type === "done" | "error"
import { type SweepPoint, sweepConcurrency } from "../../core/simulation/concurrency-sweep.js";
import type { RolloutSimulationInput } from "../../core/simulation/rollout-input.js";
import type { RolloutSimulation } from "../../core/simulation/rollout-result.js";
import { simulateRollout } from "../../core/simulation/simulate-rollout.js";

/** What the page sends: the simulation input, and the concurrencies to sweep with the survival threshold. */
export interface SimulateRequest {
  type: "simulate";
  input: RolloutSimulationInput;
  levels: readonly number[];
  threshold: number;
}

/** What the worker answers: the simulation at the chosen concurrency and the sweep, or why not. */
export type SimulateResponse =
  | {
      type: "done";
      simulation: RolloutSimulation;
      sweep: { points: SweepPoint[]; firstBrokenConcurrency: number | null };
    }
  | { type: "error"; message: string };

/** Runs one request; exported for tests, the worker wires it below. */
export function handleSimulateRequest(request: SimulateRequest): SimulateResponse {
  if (request?.type !== "simulate") return { type: "error", message: 'expected { type: "simulate", input }' };
  try {
    const simulation = simulateRollout(request.input);
    if (!simulation.ok) return { type: "error", message: simulation.reason };
    const sweep = sweepConcurrency(request.input, request.levels, request.threshold);
    return { type: "done", simulation, sweep };
  } catch (error) {
    return { type: "error", message: error instanceof Error ? error.message : String(error) };
  }
}

interface WorkerScope {
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent<SimulateRequest>) => void) | null;
}

// In a worker, `self` has no `document`; on the page or in Node this module only exports.
const scope = (typeof self === "undefined" ? undefined : self) as unknown as WorkerScope | undefined;
if (scope && typeof (globalThis as { document?: unknown }).document === "undefined") {
  scope.onmessage = (event) => scope.postMessage(handleSimulateRequest(event.data));
}
