import { decodeSpanSeconds } from "../throughput/decode-span.js";
import { decodeStepSeconds } from "../throughput/decode-time.js";
import type { Efficiencies, ModelArchitecture, Replica } from "../throughput/types.js";

interface StepLines {
  computeIntercept: number;
  computeSlope: number;
  memoryIntercept: number;
  memorySlope: number;
  overhead: number;
}

/** Σ over integers x in [from, to] of intercept + slope·x. */
const sumLine = (intercept: number, slope: number, from: number, to: number) => {
  const n = to - from + 1;
  return n <= 0 ? 0 : intercept * n + (slope * (from + to) * n) / 2;
};

/**
 * decodeSpanSeconds, memoised for the simulation's millions of spans: a decode step's compute and memory
 * bounds are affine in the context, so each batch size's two lines are read once from decodeStepSeconds
 * and the span summed in closed form. Models with a sliding window (not affine) call decodeSpanSeconds.
 */
export class DecodeCost {
  private readonly lines: (StepLines | undefined)[] = [];
  private readonly cuts = [0, 0, 0];

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
    const l = this.lines[sequences] ?? this.read(sequences);
    const last = startContext + steps - 1;
    if (steps === 1)
      return Math.max(
        l.computeIntercept + l.computeSlope * startContext,
        l.memoryIntercept + l.memorySlope * startContext,
        l.overhead,
      );
    // The maximum of three lines is convex: one line between consecutive crossings (at most three).
    const cuts = this.cuts;
    let count = 0;
    const cross = (a0: number, a1: number, b0: number, b1: number) => {
      if (a1 === b1) return;
      const x = Math.ceil((b0 - a0) / (a1 - b1));
      if (x > startContext && x <= last) cuts[count++] = x;
    };
    cross(l.computeIntercept, l.computeSlope, l.memoryIntercept, l.memorySlope);
    cross(l.computeIntercept, l.computeSlope, l.overhead, 0);
    cross(l.memoryIntercept, l.memorySlope, l.overhead, 0);
    // Insertion sort of the few crossings.
    for (let i = 1; i < count; i++) {
      const x = cuts[i] as number;
      let j = i - 1;
      while (j >= 0 && (cuts[j] as number) > x) {
        cuts[j + 1] = cuts[j] as number;
        j--;
      }
      cuts[j + 1] = x;
    }
    let total = 0;
    let lo = startContext;
    for (let k = 0; k <= count; k++) {
      const hi = (k < count ? (cuts[k] as number) : last + 1) - 1;
      if (hi >= lo) {
        const mid = (lo + hi) / 2;
        const c = l.computeIntercept + l.computeSlope * mid;
        const m = l.memoryIntercept + l.memorySlope * mid;
        if (c >= m && c >= l.overhead) total += sumLine(l.computeIntercept, l.computeSlope, lo, hi);
        else if (m >= l.overhead) total += sumLine(l.memoryIntercept, l.memorySlope, lo, hi);
        else total += l.overhead * (hi - lo + 1);
      }
      lo = hi + 1;
    }
    return total;
  }

  private read(sequences: number): StepLines {
    const at = (contextTokens: number) =>
      decodeStepSeconds(this.model, this.replica, this.efficiencies, { sequences, contextTokens });
    const zero = at(0);
    const far = at(1 << 20);
    const lines: StepLines = {
      computeIntercept: zero.computeSeconds,
      computeSlope: (far.computeSeconds - zero.computeSeconds) / (1 << 20),
      memoryIntercept: zero.memorySeconds,
      memorySlope: (far.memorySeconds - zero.memorySeconds) / (1 << 20),
      overhead: zero.overheadSeconds,
    };
    this.lines[sequences] = lines;
    return lines;
  }
}
