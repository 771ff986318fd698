import type { LogRecord, Skip } from "../log-record.js";

/** The frameworks' own rollout files, each read by one reader in this folder. */
export const READER_FORMATS = [
  "verifiers",
  "tinker-rollouts",
  "tinker-capture",
  "nemo-rl",
  "fireworks",
  "training-efficiency",
] as const;

export type ReaderFormat = (typeof READER_FORMATS)[number];

/** One model request a reader found in a line, with its token ids when the format keeps them. */
export interface ReaderRequest extends LogRecord {
  /** The group (GRPO group, Tinker group) the episode belongs to, when the format names one. */
  groupId?: string;
  /** The prompt's and the completion's token ids, in order, when the format has them. */
  tokenIds?: { prompt: ArrayLike<number>; completion: ArrayLike<number> };
  /** Server-side timings (Fireworks), milliseconds. */
  timeToFirstTokenMs?: number;
  serverProcessingMs?: number;
}

/** One training step's efficiency signals (fill 0..1, waiting as logged). */
export interface EfficiencyPoint {
  step: number;
  fillRatio: number | null;
  waitingForWork: number | null;
}

/** What a line held: requests (any number), or one training step's efficiency signals. */
export type ReadResult =
  | { ok: true; requests: ReaderRequest[]; efficiency?: EfficiencyPoint; warning?: string }
  | Skip;

/** Options every reader may use: the user's episode key, and the line number for synthetic ids. */
export interface ReadContext {
  line: number;
  /** The user's --episode-key, when given (readers with no episode id of their own use it). */
  episode: ((value: unknown) => unknown) | null;
  episodeKey: string;
  /** An absent cached count reads as 0 (--cached-optional) instead of a missingField. */
  cachedOptional: boolean;
}

/** One file format: how to recognise its first record, how to read a record, and what it measures. */
export interface RolloutReader {
  format: ReaderFormat;
  label: string;
  /** True when a parsed first line is a record of this format. */
  detects(value: Record<string, unknown>): boolean;
  read(value: unknown, context: ReadContext): ReadResult;
  /** One turn a line, in file order: token ids are compared with the episode's previous line's. */
  turnPerLine?: true;
  /** False when the format records no cache hits (every prompt token then counts as uncached). */
  cachedMeasured: boolean;
  /** Quantities the format records itself. */
  measured: readonly string[];
  /** Quantities computed from what it records (and how). */
  derived: readonly string[];
}
