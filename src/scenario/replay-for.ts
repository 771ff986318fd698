// A replayed trace priced on every plan, as `rollout-cost replay --json` prices each capacity's row:
// the requests as episodes, the hit tokens as cached prompt tokens, through the one pipeline.
import type { PlanEstimate } from "../core/plan.js";
import type { ReplayResult } from "../core/trace-replay/replay-trace.js";
import { priceScenario } from "./price.js";
import { resolveScenario } from "./resolve.js";

/**
 * Cache capacities the page replays a trace at, tokens per cache (Infinity: unlimited): the CLI's
 * default four (1,024,000, 2,560,000, 10,240,000, unlimited; the trace README's figures) and points
 * between them for a curve.
 */
export const REPLAY_CAPACITIES_TOKENS = [
  256_000,
  512_000,
  1_024_000,
  2_560_000,
  5_120_000,
  10_240_000,
  20_480_000,
  Number.POSITIVE_INFINITY,
] as const;

/** `replay --preset current --model <modelId> --json`'s `plans` for one row. */
export function replayPlansFor(result: ReplayResult, modelId: string): PlanEstimate[] {
  const scenario = resolveScenario({ preset: "current", model: modelId });
  return priceScenario(scenario, {
    observed: {
      tokens: {
        episodes: result.requests,
        promptTokens: result.inputTokens,
        cachedPromptTokens: result.hitTokens,
        decodeTokens: result.outputTokens,
        peakContextTokens: result.peakContextTokens,
      },
    },
  }).plans;
}
