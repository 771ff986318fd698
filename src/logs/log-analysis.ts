import type { DistributionStats } from "./count-histogram.js";
import type { PrefixDivergenceSummary } from "./prefix-divergence-summary.js";
import type { EfficiencySummary } from "./readers/efficiency-summary.js";
import type { ReaderFormat } from "./readers/reader.js";
import type { BadLine, SkipKind } from "./skip-kinds.js";

export type LogFormat = "jsonl" | "csv" | "tinker" | ReaderFormat;

/** What a framework's rollout file records itself and what the analysis computed from it. */
export interface ReaderProvenance {
  label: string;
  measured: readonly string[];
  derived: readonly string[];
}

/** The measured episode shape: each field's distribution, or null when the log has no such value. */
export interface MeasuredShape {
  /** Requests per episode. */
  turns: DistributionStats | null;
  /** Each episode's first request's prompt. */
  initialPromptTokens: DistributionStats | null;
  /** Each request after an episode's first: its prompt minus the previous request's prompt (negative if the context shrank). */
  addedTokensPerTurn: DistributionStats | null;
  /** Each request's completion tokens. */
  generatedTokensPerTurn: DistributionStats | null;
}

/** One episode's figures, for `--csv`. */
export interface EpisodeRow {
  episode: string;
  turns: number;
  initialPromptTokens: number;
  finalPromptTokens: number;
  promptTokens: number;
  cachedPromptTokens: number;
  idealCachedPromptTokens: number;
  completionTokens: number;
  peakContextTokens: number;
}

/** Everything a log analysis measured; plain data (it crosses from a Web Worker to the page). */
export interface LogAnalysis {
  format: LogFormat;
  /** Bytes read after decompression. */
  bytes: number;
  /** Lines read: blankLines + headerLines + documentLines + one per record line (see log-accounting.ts). */
  lines: number;
  blankLines: number;
  /** A CSV header (1), else 0. */
  headerLines: number;
  /** Lines read as one JSON document (an array or `{ data: [...] }`); 0 when read line by line. */
  documentLines: number;
  /** Requests counted (for Tinker billing: billing events). */
  requests: number;
  /** Distinct episode ids (for Tinker billing: sessions). */
  episodes: number;
  skipped: Record<SkipKind, number>;
  skippedTotal: number;
  /** The first few skipped lines of each kind, by line number. */
  badLines: BadLine[];
  tokens: {
    prompt: number;
    cachedPrompt: number;
    completion: number;
    /** Σ min(prompt, previous request's prompt) within each episode: perfect session affinity. */
    idealCachedPrompt: number | null;
    /** Tinker billing only: tokens trained. */
    train?: number;
  };
  /** cachedPrompt ÷ prompt × 100 (0 when nothing was prompted). */
  cacheHitPercent: number;
  /** idealCachedPrompt ÷ prompt × 100; null when the log has no per-request order (Tinker billing). */
  idealCacheHitPercent: number | null;
  shape: MeasuredShape;
  /** The largest prompt + completion of any request; null for Tinker billing. */
  peakContextTokens: number | null;
  /** Episodes whose largest prompt + completion exceeds the context window given; null without one. */
  contextOverflowEpisodes: number | null;
  /** Episodes still holding per-request lists at the end (memory high-water mark is bounded by these). */
  openEpisodesAtEnd: number;
  perEpisode?: EpisodeRow[];
  /** The model the log's first record names (OpenAI-style `model`), where it names one. */
  modelNamed?: string;
  /** Framework rollout files: which reader, what it measured and what was derived. */
  reader?: ReaderProvenance;
  /** Distinct group ids (GRPO / Tinker groups), where the format names them. */
  groups?: number;
  /** Turn-by-turn prefix divergence, where the format keeps token ids. */
  prefixDivergence?: PrefixDivergenceSummary | null;
  /** Fireworks server timings per request, milliseconds. */
  latency?: { timeToFirstTokenMs: DistributionStats | null; serverProcessingMs: DistributionStats | null };
  /** Training API efficiency signals over steps. */
  efficiency?: EfficiencySummary;
  warnings: string[];
}
