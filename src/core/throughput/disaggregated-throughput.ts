import { attentionFlopsPerAttendedToken, slidingFlopsPerToken } from "./flops.js";
import { type OfflineThroughput, type OfflineWork, offlineThroughput } from "./offline-throughput.js";
import { type StepBreakdown, stepBreakdown } from "./step-breakdown.js";
import type { Efficiencies, ModelArchitecture, Replica } from "./types.js";

/** Prefill/decode disaggregation: a pool that only prefills and a pool that only decodes. */
export interface DisaggregatedThroughput {
  ok: true;
  outputTokensPerSecond: number;
  /** Output per GPU of both pools together. */
  outputTokensPerSecondPerGpu: number;
  /** The pool that limits the pair: the other idles part of the time. */
  limitedBy: "prefill pool" | "decode pool";
  /** Prompt tokens per second the prefill pool sustains, and the pass it repeats. */
  prefillTokensPerSecond: number;
  prefillStep: StepBreakdown;
  decode: OfflineThroughput;
}

/**
 * Throughput of a prefill pool and a decode pool at maximum load: the prefill pool runs full passes of
 * `maxTokensPerStep` prompt tokens per attention group (each attending to (ISL + 1)/2 tokens on average);
 * the decode pool runs offlineThroughput without prefill. Output = min(prompt rate × OSL ÷ ISL, decode
 * rate). The KV transfer between pools is taken as hidden behind decode.
 */
export function disaggregatedThroughput(
  model: ModelArchitecture,
  pools: { prefill: Replica; decode: Replica },
  efficiencies: Efficiencies,
  work: OfflineWork,
): DisaggregatedThroughput | { ok: false; reason: string } {
  const decode = offlineThroughput(model, pools.decode, efficiencies, { ...work, prefillInStep: false });
  if (!decode.ok) return decode;
  const groups = pools.prefill.dataParallelAttention ? pools.prefill.gpus : 1;
  const tokens = work.maxTokensPerStep * groups;
  const isl = work.inputTokens;
  const attentionFlops =
    tokens *
    (attentionFlopsPerAttendedToken(model, "prefill") * ((isl + 1) / 2) + slidingFlopsPerToken(model, isl));
  const prefillStep = stepBreakdown(model, pools.prefill, efficiencies, {
    tokens,
    attentionFlops,
    kvBytes: 0,
    sequences: Math.max(1, tokens / isl),
  });
  const prefillTokensPerSecond = tokens / prefillStep.seconds;
  const fromPrefill = (prefillTokensPerSecond * work.outputTokens) / isl;
  const outputTokensPerSecond = Math.min(fromPrefill, decode.outputTokensPerSecond);
  return {
    ok: true,
    outputTokensPerSecond,
    outputTokensPerSecondPerGpu: outputTokensPerSecond / (pools.prefill.gpus + pools.decode.gpus),
    limitedBy: fromPrefill < decode.outputTokensPerSecond ? "prefill pool" : "decode pool",
    prefillTokensPerSecond,
    prefillStep,
    decode,
  };
}
