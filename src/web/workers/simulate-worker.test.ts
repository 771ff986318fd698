import { describe, expect, it } from "vitest";
import { simulateRollout } from "../../core/simulation/simulate-rollout.js";
import { SURVIVAL_THRESHOLD, simulationInputFor } from "../../scenario/simulation-for.js";
import { handleSimulateRequest, type SimulateRequest } from "./simulate-worker.js";

const built = simulationInputFor({
  modelId: "llama-3.1-8b",
  gpuId: "H100_80GB",
  gpus: 1,
  dataParallelAttention: false,
  concurrency: 32,
  toolLatencySeconds: 2,
  workload: {
    episodes: 64,
    shape: { turns: 3, initialPromptTokens: 1000, addedTokensPerTurn: 500, generatedTokensPerTurn: 100 },
  },
});
if (!built.ok) throw new Error(built.reason);
const input = built.input;

describe("the simulate worker", () => {
  it("answers the simulation at the chosen concurrency and the sweep (structured-clone safe)", () => {
    const answer = handleSimulateRequest({
      type: "simulate",
      input,
      levels: [16, 64],
      threshold: SURVIVAL_THRESHOLD,
    });
    if (answer.type !== "done") throw new Error(answer.message);
    expect(answer.simulation).toEqual(simulateRollout(input));
    expect(answer.sweep.points.map((p) => p.concurrency)).toEqual([16, 64]);
    // What the worker posts must survive postMessage: no functions, no class instances.
    expect(structuredClone(answer)).toEqual(answer);
  });

  it("answers an error for a malformed request, a refused input and a bad threshold", () => {
    expect(handleSimulateRequest({ type: "nope" } as unknown as SimulateRequest).type).toBe("error");
    const tooBig = handleSimulateRequest({
      type: "simulate",
      input: { ...input, replica: { ...input.replica, gpus: 0 } },
      levels: [8],
      threshold: SURVIVAL_THRESHOLD,
    });
    expect(tooBig).toMatchObject({ type: "error" });
    const threshold = handleSimulateRequest({ type: "simulate", input, levels: [8], threshold: 2 });
    expect(threshold).toEqual({ type: "error", message: "threshold must be in (0, 1], got 2" });
  });
});
