import { type Affine, sumOfMaxAffine } from "../throughput/affine-sum.js";
import { decodeStepPieces } from "../throughput/decode-pieces.js";
import { decodeSpanSeconds } from "../throughput/decode-span.js";
import { decodeStepSeconds } from "../throughput/decode-time.js";
import type { Efficiencies, ModelArchitecture, Replica } from "../throughput/types.js";

/** One batch size's decode step as affine pieces of the context, and the context-free added time. */
interface StepPieces {
  pieces: Affine[];
  addedSeconds: number;
}

const FAR_CONTEXT = 1 << 20;

/**
 * decodeSpanSeconds, memoised for the simulation's millions of spans: a decode step is the maximum of
 * affine functions of the context (GEMMs + attention FLOPs, GEMMs + KV bytes, host overhead) plus terms
 * that depend on the batch only (communication, the latency floor), so each batch size's pieces are read
 * once from decodeStepSeconds and every span is summed in closed form, exactly as decodeSpanSeconds sums
 * it. Models with a sliding window (not affine) call decodeSpanSeconds.
 */
export class DecodeCost {
  private readonly steps: (StepPieces | undefined)[] = [];

  constructor(
    private readonly model: ModelArchitecture,
    private readonly replica: Replica,
    private readonly efficiencies: Efficiencies,
  ) {}

  /** Seconds for `sequences` sequences to decode `steps` tokens each from a mean context of `startContext`. */
  spanSeconds(sequences: number, startContext: number, steps: number): number {
    if (steps <= 0 || sequences <= 0) return 0;
    if (this.model.slidingWindow !== undefined)
      return decodeSpanSeconds(this.model, this.replica, this.efficiencies, {
        sequences,
        startContextTokens: startContext,
        tokens: steps,
      });
    const step = this.steps[sequences] ?? this.read(sequences);
    return step.addedSeconds * steps + sumOfMaxAffine(step.pieces, startContext, startContext + steps - 1);
  }

  private read(sequences: number): StepPieces {
    const at = (contextTokens: number) =>
      decodeStepSeconds(this.model, this.replica, this.efficiencies, { sequences, contextTokens });
    const a = at(0);
    const b = at(FAR_CONTEXT);
    const pieces = decodeStepPieces(a, b, 0, FAR_CONTEXT);
    const step = { pieces, addedSeconds: a.addedSeconds ?? 0 };
    this.steps[sequences] = step;
    return step;
  }
}
