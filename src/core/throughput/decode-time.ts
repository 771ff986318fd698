import { attentionFlopsPerAttendedToken, slidingFlopsPerToken } from "./flops.js";
import { type RooflineSeconds, rooflineOfBreakdown } from "./prefill-time.js";
import { sequenceCacheBytes } from "./sequence-cache-bytes.js";
import { stepBreakdown } from "./step-breakdown.js";
import type { Efficiencies, ModelArchitecture, Replica } from "./types.js";

/** One decode step: `sequences` sequences, each generating one token at a context of `contextTokens`. */
export interface DecodeWork {
  sequences: number;
  contextTokens: number;
}

/**
 * Seconds of one decode step: the larger of its compute (weights plus attention over each context) and
 * its bytes moved (the weights the batch touches, once per step, plus every sequence's KV), or the
 * per-layer host overhead where the engine does not replay CUDA graphs; plus exposed communication and
 * the per-step latency floor.
 */
export function decodeStepSeconds(
  model: ModelArchitecture,
  replica: Replica,
  efficiencies: Efficiencies,
  work: DecodeWork,
): RooflineSeconds {
  const { sequences, contextTokens } = work;
  const attentionFlops =
    (attentionFlopsPerAttendedToken(model, "decode") * contextTokens +
      slidingFlopsPerToken(model, contextTokens)) *
    sequences;
  const kvBytes = sequenceCacheBytes(model, replica, contextTokens) * sequences;
  return rooflineOfBreakdown(
    stepBreakdown(model, replica, efficiencies, { tokens: sequences, attentionFlops, kvBytes, sequences }),
  );
}
