import { assertInteger, assertPositive } from "../validate.js";
import { attentionFlopsPerAttendedToken, slidingFlopsPerToken } from "./flops.js";
import { kvCapacity } from "./kv-capacity.js";
import { sequenceCacheBytes } from "./sequence-cache-bytes.js";
import { type StepBreakdown, stepBreakdown } from "./step-breakdown.js";
import type { Efficiencies, ModelArchitecture, Replica } from "./types.js";

/** A serving benchmark at maximum load: every request `inputTokens` in, `outputTokens` out. */
export interface OfflineWork {
  inputTokens: number;
  outputTokens: number;
  /** The engine's cap on sequences in flight per attention group (a replica, or a rank under DP attention). */
  maxBatchPerGroup: number;
  /** The engine's cap on tokens one iteration carries per attention group. */
  maxTokensPerStep: number;
  /** false for a decode-only pool (disaggregated serving): the prompts are prefilled elsewhere. */
  prefillInStep?: boolean | undefined;
  /** Speculative decoding / MTP: tokens each step drafts, and tokens accepted per step on average (≥ 1). */
  speculative?: { draftTokens: number; acceptedTokensPerStep: number } | undefined;
}

/** Steady-state throughput of one replica at maximum load, with the step it repeats. */
export interface OfflineThroughput {
  ok: true;
  outputTokensPerSecond: number;
  outputTokensPerSecondPerGpu: number;
  /** Sequences in flight, replica-wide, and what capped them. */
  sequences: number;
  limitedBy: "kv capacity" | "max batch" | "max tokens per step";
  /** Prompt tokens each iteration prefills beside its decode tokens (B × ISL ÷ OSL). */
  prefillTokensPerStep: number;
  /** The repeated iteration: B decode tokens plus the prefill that keeps B in flight. */
  step: StepBreakdown;
}

/**
 * In-flight batching at maximum load: B sequences run (as many as the KV cache holds at ISL + OSL each,
 * within the engine's caps); each iteration decodes one token for each (or the accepted length with
 * speculative decoding) and prefills B·ISL/OSL prompt tokens of the sequences that replace finished ones, so
 * compute-bound prefill shares each step with memory-bound decode. Output = B × accepted ÷ step seconds.
 */
export function offlineThroughput(
  model: ModelArchitecture,
  replica: Replica,
  efficiencies: Efficiencies,
  work: OfflineWork,
): OfflineThroughput | { ok: false; reason: string } {
  assertInteger("inputTokens", work.inputTokens, 1, 100_000_000);
  assertInteger("outputTokens", work.outputTokens, 1, 100_000_000);
  assertInteger("maxBatchPerGroup", work.maxBatchPerGroup, 1, 10_000_000);
  assertInteger("maxTokensPerStep", work.maxTokensPerStep, 1, 100_000_000);
  const spec = work.speculative;
  if (spec) {
    assertInteger("draftTokens", spec.draftTokens, 1, 64);
    assertPositive("acceptedTokensPerStep", spec.acceptedTokensPerStep);
    if (spec.acceptedTokensPerStep < 1 || spec.acceptedTokensPerStep > spec.draftTokens + 1)
      throw new RangeError(
        `acceptedTokensPerStep must be from 1 to draftTokens + 1 (${spec.draftTokens + 1}), got ${spec.acceptedTokensPerStep}`,
      );
  }
  const capacity = kvCapacity(model, replica, efficiencies.memoryUtilizationFraction);
  if (!capacity.ok) return capacity;
  const { inputTokens: isl, outputTokens: osl } = work;
  const seqLength = isl + osl;
  const groups = replica.dataParallelAttention ? replica.gpus : 1;
  const byKv = Math.floor(
    capacity.freeBytesPerReplica /
      (capacity.bytesPerCachedToken * seqLength + capacity.fixedBytesPerSequence),
  );
  if (byKv < 1) {
    return {
      ok: false,
      reason: `one sequence of ${seqLength} tokens does not fit in the replica's KV cache (${capacity.maxCachedTokens} tokens)`,
    };
  }
  const accepted = spec?.acceptedTokensPerStep ?? 1;
  const queryTokens = 1 + (spec?.draftTokens ?? 0);
  const prefillShare = work.prefillInStep === false ? 0 : 1;
  const tokensPerSequencePerStep = queryTokens + (prefillShare * isl * accepted) / osl;
  const byBatch = work.maxBatchPerGroup * groups;
  const byTokens = Math.floor((work.maxTokensPerStep * groups) / tokensPerSequencePerStep);
  const sequences = Math.max(1, Math.min(byKv, byBatch, byTokens));
  const limitedBy =
    sequences === byKv ? "kv capacity" : sequences === byBatch ? "max batch" : "max tokens per step";
  // Mean decode context over a sequence's life; the prefill of its prompt spread over its OSL / accepted steps.
  const meanContext = isl + (osl - 1) / 2;
  const prefillTokensPerStep = (prefillShare * sequences * isl * accepted) / osl;
  const decodeAttention =
    (attentionFlopsPerAttendedToken(model, "decode") * meanContext +
      slidingFlopsPerToken(model, meanContext)) *
    sequences *
    queryTokens;
  const prefillAttention =
    (((attentionFlopsPerAttendedToken(model, "prefill") * (isl * (isl + 1))) / 2 +
      slidingFlopsPerToken(model, isl) * isl) *
      sequences *
      accepted) /
    osl;
  const step = stepBreakdown(model, replica, efficiencies, {
    tokens: sequences * queryTokens + prefillTokensPerStep,
    attentionFlops: decodeAttention,
    separateAttentionFlops: prefillAttention,
    sequences,
    kvBytes: sequenceCacheBytes(model, replica, Math.round(meanContext)) * sequences,
  });
  const outputTokensPerSecond = (sequences * accepted) / step.seconds;
  return {
    ok: true,
    outputTokensPerSecond,
    outputTokensPerSecondPerGpu: outputTokensPerSecond / replica.gpus,
    sequences,
    limitedBy,
    prefillTokensPerStep,
    step,
  };
}
