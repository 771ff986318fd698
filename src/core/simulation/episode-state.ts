import type { CacheEntry } from "./prefix-cache.js";
import type { Random } from "./prng.js";

/** Where an episode is: waiting to start, queued at a replica, prefilling, decoding, at its tool, or done. */
export type EpisodePhase = "pending" | "queued" | "prefill" | "decode" | "tool" | "done";

/** One episode's state as the simulation runs it (one turn in progress at a time). */
export interface EpisodeState {
  id: number;
  group: number;
  /** The RL step it belongs to. */
  step: number;
  random: Random;
  turns: number;
  /** 1-based turn in progress. */
  turn: number;
  phase: EpisodePhase;
  /** This turn's prompt (context before generation) and the tokens it generates. */
  promptTokens: number;
  generateTokens: number;
  /** Tokens decoded this turn before a preemption (recomputed as prompt when re-admitted). */
  decodedBeforePreemption: number;
  /** Reusable tokens the previous turn left (an unlimited cache's hit this turn). */
  idealHitTokens: number;
  /** Whether this turn's first admission has been counted. */
  counted: boolean;
  replica: number;
  lastReplica: number;
  prefillRemaining: number;
  /** Tokens of context already computed this turn (hit + prefilled). */
  computedTokens: number;
  /** The replica's decode-step counter when this sequence started decoding, and its context then. */
  decodeStartStep: number;
  decodeStartContext: number;
  /** The decode step it finishes at on its replica. */
  decodeFinishStep: number;
  /** Order of admission on its replica (newest is preempted first). */
  admittedOrder: number;
  own: CacheEntry | undefined;
  shared: CacheEntry | undefined;
  startSeconds: number;
  endSeconds: number;
  toolSeconds: number;
  contextTokens: number;
}
