import { assertInteger } from "../validate.js";
import { decodeStepSeconds } from "./decode-time.js";
import { attentionFlopsPerAttendedToken, linearFlopsPerToken } from "./flops.js";
import { fixedBytesPerSequence, kvBytesPerToken } from "./kv-bytes.js";
import { kvCapacity } from "./kv-capacity.js";
import { prefillSeconds } from "./prefill-time.js";
import { sequenceCacheBytes } from "./sequence-cache-bytes.js";
import type { StepBreakdown } from "./step-breakdown.js";
import type { Efficiencies, ModelArchitecture, Replica } from "./types.js";

/** Throughput of one replica at one context and batch, with the figures it was derived from. */
export interface ThroughputPoint {
  contextTokens: number;
  batch: number;
  /** Tokens per second prefilling `batch` sequences of `contextTokens` tokens each, from an empty cache. */
  prefillTokensPerSecond: number;
  prefillBound: StepBreakdown["bound"];
  /** Tokens per second of one decode step for `batch` sequences each at `contextTokens`. */
  decodeTokensPerSecond: number;
  decodeBound: StepBreakdown["bound"];
  /** Where each phase's time goes: GEMMs, weights, attention, KV, communication, floor; and its dominant term. */
  prefillBreakdown: StepBreakdown;
  decodeBreakdown: StepBreakdown;
  kvBytesPerToken: number;
  fixedBytesPerSequence: number;
  kvCopies: number;
  /** Tokens of cache the replica holds after its weights; 0 where the weights do not fit. */
  maxCachedTokens: number;
  linearFlopsPerToken: number;
  attentionFlopsPerAttendedToken: number;
  warnings: string[];
}

/** Prefill and decode tokens/s of a replica at `contextTokens` × `batch` on the roofline with efficiencies. */
export function throughputAt(
  model: ModelArchitecture,
  replica: Replica,
  efficiencies: Efficiencies,
  at: { contextTokens: number; batch: number },
): ThroughputPoint {
  assertInteger("contextTokens", at.contextTokens, 1, 100_000_000);
  assertInteger("batch", at.batch, 1, 1_000_000);
  assertInteger("gpus", replica.gpus, 1, 1_000_000);
  const warnings: string[] = [];
  const prefill = prefillSeconds(model, replica, efficiencies, {
    newTokens: at.contextTokens,
    cachedTokens: 0,
    sequences: at.batch,
  });
  const decode = decodeStepSeconds(model, replica, efficiencies, {
    sequences: at.batch,
    contextTokens: at.contextTokens,
  });
  const capacity = kvCapacity(model, replica, efficiencies.memoryUtilizationFraction);
  if (!capacity.ok) warnings.push(`KV capacity: ${capacity.reason}; throughput assumes they fit`);
  if (at.contextTokens > model.contextWindowTokens) {
    warnings.push(
      `context ${at.contextTokens} tokens passes ${model.id}'s window of ${model.contextWindowTokens} tokens`,
    );
  }
  if (
    capacity.ok &&
    sequenceCacheBytes(model, replica, at.contextTokens) * at.batch > capacity.freeBytesPerReplica
  ) {
    warnings.push(
      `the batch's cache (${at.batch} × ${at.contextTokens} tokens) exceeds the replica's free HBM: an engine would run fewer sequences at once`,
    );
  }
  return {
    contextTokens: at.contextTokens,
    batch: at.batch,
    prefillTokensPerSecond: (at.contextTokens * at.batch) / prefill.seconds,
    prefillBound: prefill.bound,
    decodeTokensPerSecond: at.batch / decode.seconds,
    decodeBound: decode.bound,
    prefillBreakdown: prefill.breakdown as StepBreakdown,
    decodeBreakdown: decode.breakdown as StepBreakdown,
    kvBytesPerToken: kvBytesPerToken(model),
    fixedBytesPerSequence: fixedBytesPerSequence(model),
    kvCopies: capacity.ok ? capacity.kvCopies : 1,
    maxCachedTokens: capacity.ok ? capacity.maxCachedTokens : 0,
    linearFlopsPerToken: linearFlopsPerToken(model),
    attentionFlopsPerAttendedToken: attentionFlopsPerAttendedToken(model),
    warnings,
  };
}

/** throughputAt over several contexts, for a chart of tokens/s against context. */
export function throughputCurve(
  model: ModelArchitecture,
  replica: Replica,
  efficiencies: Efficiencies,
  options: { contexts: readonly number[]; batch: number },
): ThroughputPoint[] {
  return options.contexts.map((contextTokens) =>
    throughputAt(model, replica, efficiencies, { contextTokens, batch: options.batch }),
  );
}
