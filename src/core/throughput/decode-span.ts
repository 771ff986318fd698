import { sumOfMaxAffine } from "./affine-sum.js";
import { decodeStepPieces } from "./decode-pieces.js";
import { decodeStepSeconds } from "./decode-time.js";
import type { Efficiencies, ModelArchitecture, Replica } from "./types.js";

/** A run of decode steps: `sequences` sequences generating `tokens` tokens each, from `startContextTokens`. */
export interface DecodeSpan {
  sequences: number;
  startContextTokens: number;
  tokens: number;
}

/**
 * Seconds to decode a span: Σ over its steps of the roofline step time at each step's context, summed in
 * closed form (compute and bytes are affine in the context; split where a sliding window fills).
 */
export function decodeSpanSeconds(
  model: ModelArchitecture,
  replica: Replica,
  efficiencies: Efficiencies,
  span: DecodeSpan,
): number {
  const first = span.startContextTokens;
  const last = span.startContextTokens + span.tokens - 1;
  if (span.tokens <= 0 || span.sequences <= 0) return 0;
  const window = model.slidingWindow?.windowTokens;
  if (window !== undefined && first < window && last > window) {
    const head = window - first;
    return (
      decodeSpanSeconds(model, replica, efficiencies, { ...span, tokens: head }) +
      decodeSpanSeconds(model, replica, efficiencies, {
        ...span,
        startContextTokens: window,
        tokens: span.tokens - head,
      })
    );
  }
  const step = (context: number) =>
    decodeStepSeconds(model, replica, efficiencies, { sequences: span.sequences, contextTokens: context });
  const a = step(first);
  if (first === last) return a.seconds;
  const b = step(last);
  // Communication and the floor depend on the batch, not the context: the same every step.
  const added = (a.addedSeconds ?? 0) * span.tokens;
  // A step is max(gemm + max(attention FLOPs, KV bytes), host overhead) + added terms; the GEMM part does not
  // depend on the context, and the rest is affine in it, so the sum splits into affine pieces.
  const pieces = decodeStepPieces(a, b, first, last);
  return added + sumOfMaxAffine(pieces, first, last);
}
