import type { LossCause } from "./prefix-cache.js";

/** Prompt tokens prefilled again that an unlimited cache would have held, by why they were lost. */
export type ReprefillCause = LossCause | "routedAway";
export const REPREFILL_CAUSES: readonly ReprefillCause[] = [
  "evicted",
  "preempted",
  "routedAway",
  "weightSync",
];

/** A span of the run: utilisation (busy replica-seconds ÷ replica-seconds), decode batch and cache hit. */
export interface TimelineBucket {
  startSeconds: number;
  endSeconds: number;
  utilisationFraction: number;
  meanDecodeBatch: number;
  cacheHitFraction: number;
  /** Decode steps and prompt tokens admitted in the span: the weights for merging spans. */
  decodeSteps: number;
  promptTokens: number;
}

/** Spans merged into at most `count` consecutive groups, each figure weighted as it was summed. */
export function mergeTimeline(buckets: readonly TimelineBucket[], count: number): TimelineBucket[] {
  const size = Math.max(1, Math.ceil(buckets.length / count));
  const out: TimelineBucket[] = [];
  for (let i = 0; i < buckets.length; i += size) {
    const group = buckets.slice(i, i + size);
    const first = group[0] as TimelineBucket;
    const last = group[group.length - 1] as TimelineBucket;
    const span = group.reduce((s, b) => s + (b.endSeconds - b.startSeconds), 0);
    const steps = group.reduce((s, b) => s + b.decodeSteps, 0);
    const prompt = group.reduce((s, b) => s + b.promptTokens, 0);
    out.push({
      startSeconds: first.startSeconds,
      endSeconds: last.endSeconds,
      utilisationFraction:
        span > 0
          ? group.reduce((s, b) => s + b.utilisationFraction * (b.endSeconds - b.startSeconds), 0) / span
          : 0,
      meanDecodeBatch:
        steps > 0 ? group.reduce((s, b) => s + b.meanDecodeBatch * b.decodeSteps, 0) / steps : 0,
      cacheHitFraction:
        prompt > 0 ? group.reduce((s, b) => s + b.cacheHitFraction * b.promptTokens, 0) / prompt : 0,
      decodeSteps: steps,
      promptTokens: prompt,
    });
  }
  return out;
}

/** Sums the simulation's tokens and time as it runs; a timeline of at most 2 × `buckets` spans. */
export class RolloutLedger {
  promptTokens = 0;
  hitTokens = 0;
  idealHitTokens = 0;
  prefilledTokens = 0;
  decodeTokens = 0;
  peakContextTokens = 0;
  preemptions = 0;
  decodeSequenceSteps = 0;
  decodeSteps = 0;
  readonly reprefill: Record<ReprefillCause, number> = {
    evicted: 0,
    preempted: 0,
    routedAway: 0,
    weightSync: 0,
  };
  readonly promptByTurn: number[] = [];
  readonly hitByTurn: number[] = [];
  private width: number;
  private busy: number[] = [];
  private batchTokens: number[] = [];
  private batchSteps: number[] = [];
  private prompts: number[] = [];
  private hits: number[] = [];

  constructor(
    private readonly buckets: number,
    firstWidthSeconds: number,
  ) {
    this.width = firstWidthSeconds;
  }

  /** A turn's prompt as first admitted: its hit, and what an unlimited cache would have hit. */
  turn(turnIndex: number, at: number, prompt: number, hit: number, idealHit: number): void {
    this.promptTokens += prompt;
    this.hitTokens += hit;
    this.idealHitTokens += idealHit;
    this.promptByTurn[turnIndex] = (this.promptByTurn[turnIndex] ?? 0) + prompt;
    this.hitByTurn[turnIndex] = (this.hitByTurn[turnIndex] ?? 0) + hit;
    const b = this.bucket(at);
    this.prompts[b] = (this.prompts[b] ?? 0) + prompt;
    this.hits[b] = (this.hits[b] ?? 0) + hit;
  }

  /** A step of one replica: busy from `start` for `seconds`, decoding `sequences` sequences for `steps` steps. */
  step(start: number, seconds: number, sequences: number, steps: number): void {
    this.decodeSequenceSteps += sequences * steps;
    if (sequences > 0) this.decodeSteps += steps;
    const b = this.bucket(start);
    this.busy[b] = (this.busy[b] ?? 0) + seconds;
    this.batchTokens[b] = (this.batchTokens[b] ?? 0) + sequences * steps;
    if (sequences > 0) this.batchSteps[b] = (this.batchSteps[b] ?? 0) + steps;
  }

  /** The timeline so far, for `replicas` replicas, cut at `endSeconds`. */
  timeline(replicas: number, endSeconds: number): TimelineBucket[] {
    const out: TimelineBucket[] = [];
    const count = Math.max(1, Math.ceil(endSeconds / this.width));
    for (let b = 0; b < count; b++) {
      const start = b * this.width;
      const end = Math.min(endSeconds, start + this.width);
      const span = Math.max(end - start, 1e-12);
      const steps = this.batchSteps[b] ?? 0;
      const prompt = this.prompts[b] ?? 0;
      out.push({
        startSeconds: start,
        endSeconds: end,
        utilisationFraction: Math.min(1, (this.busy[b] ?? 0) / (span * replicas)),
        meanDecodeBatch: steps > 0 ? (this.batchTokens[b] ?? 0) / steps : 0,
        cacheHitFraction: prompt > 0 ? (this.hits[b] ?? 0) / prompt : 0,
        decodeSteps: steps,
        promptTokens: prompt,
      });
    }
    return out;
  }

  private bucket(at: number): number {
    let b = Math.floor(at / this.width);
    while (b >= 2 * this.buckets) {
      for (const series of [this.busy, this.batchTokens, this.batchSteps, this.prompts, this.hits]) {
        for (let i = 0; i < series.length; i += 2) series[i >> 1] = (series[i] ?? 0) + (series[i + 1] ?? 0);
        series.length = Math.ceil(series.length / 2);
      }
      this.width *= 2;
      b = Math.floor(at / this.width);
    }
    return b;
  }
}
