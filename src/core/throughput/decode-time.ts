import { attentionFlopsPerAttendedToken, linearFlopsPerToken, slidingFlopsPerToken } from "./flops.js";
import { peakFlopsPerSecond } from "./peak-flops.js";
import { type RooflineSeconds, rooflineOf } from "./prefill-time.js";
import { sequenceCacheBytes } from "./sequence-cache-bytes.js";
import type { Efficiencies, ModelArchitecture, Replica } from "./types.js";
import { weightBytesRead } from "./weight-bytes.js";

/** One decode step: `sequences` sequences, each generating one token at a context of `contextTokens`. */
export interface DecodeWork {
  sequences: number;
  contextTokens: number;
}

/**
 * Seconds of one decode step: the larger of its compute (weights plus attention over each context) and
 * its bytes moved (the weights the batch touches, once per step, plus every sequence's KV), or the
 * per-layer host overhead where the engine does not replay CUDA graphs.
 */
export function decodeStepSeconds(
  model: ModelArchitecture,
  replica: Replica,
  efficiencies: Efficiencies,
  work: DecodeWork,
): RooflineSeconds {
  const { sequences, contextTokens } = work;
  const peak = peakFlopsPerSecond(replica.gpu, model) * replica.gpus;
  const linearFlops = linearFlopsPerToken(model) * sequences;
  const attentionFlops =
    (attentionFlopsPerAttendedToken(model, "decode") * contextTokens +
      slidingFlopsPerToken(model, contextTokens)) *
    sequences;
  const computeSeconds =
    linearFlops / (peak * efficiencies.matmulFraction) +
    attentionFlops / (peak * efficiencies.attentionFraction);
  const bytes =
    weightBytesRead(model, sequences) + sequenceCacheBytes(model, replica, contextTokens) * sequences;
  const memorySeconds =
    bytes / (replica.gpu.hbmBytesPerSecond * replica.gpus * efficiencies.bandwidthFraction);
  return rooflineOf(computeSeconds, memorySeconds, model.layers * efficiencies.stepOverheadSecondsPerLayer);
}
