import { ENGINE_LIMITS } from "../catalog/efficiencies.js";
import { CATALOG, type Catalog } from "../catalog/index.js";
import { resolveThroughput, type ThroughputOptions } from "../catalog/resolve-throughput.js";
import { type OfflineThroughput, offlineThroughput } from "../core/throughput/offline-throughput.js";

/** A serving benchmark to replay: the deployment, and fixed input and output lengths. */
export interface OfflineOptions extends ThroughputOptions {
  inputTokens: number;
  outputTokens: number;
  speculative?: { draftTokens: number; acceptedTokensPerStep: number };
}

/**
 * Steady-state output tok/s of a catalog deployment at maximum load (trtllm-bench's offline scenario), with
 * the engine caps of ENGINE_LIMITS; `{ ok: false }` when the model or a sequence does not fit.
 */
export function offlineThroughputFor(
  options: OfflineOptions,
  catalog: Catalog = CATALOG,
): OfflineThroughput | { ok: false; reason: string } {
  const { model, replica, efficiencies } = resolveThroughput(options, catalog);
  return offlineThroughput(model, replica, efficiencies, {
    inputTokens: options.inputTokens,
    outputTokens: options.outputTokens,
    maxBatchPerGroup: ENGINE_LIMITS.maxBatchPerGroup,
    maxTokensPerStep: ENGINE_LIMITS.maxTokensPerStep,
    speculative: options.speculative,
  });
}
