import type { LogAnalysis } from "../../logs/log-analysis.js";

export const ANALYZE_CSV_COLUMNS = [
  "episode",
  "turns",
  "initialPromptTokens",
  "finalPromptTokens",
  "promptTokens",
  "cachedPromptTokens",
  "idealCachedPromptTokens",
  "completionTokens",
  "peakContextTokens",
  "cacheHitPercent",
  "idealCacheHitPercent",
] as const;

/** One row per episode, in order of first appearance, unrounded. */
export function analyzeCsvRows(analysis: LogAnalysis): Record<string, unknown>[] {
  return (analysis.perEpisode ?? []).map((row) => ({
    ...row,
    cacheHitPercent: row.promptTokens > 0 ? (row.cachedPromptTokens / row.promptTokens) * 100 : 0,
    idealCacheHitPercent: row.promptTokens > 0 ? (row.idealCachedPromptTokens / row.promptTokens) * 100 : 0,
  }));
}
