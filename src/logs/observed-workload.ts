import type { EpisodeShape, Workload } from "../core/episode-shape.js";
import { LIMITS } from "../core/limits.js";
import type { WorkloadTokens } from "../core/workload-tokens.js";
import type { LogAnalysis } from "./log-analysis.js";

/**
 * The observed workload's tokens, summed over every request read (not an averaged shape): the input
 * every plan's bill takes. `{ ok: false }` when the log holds no request.
 */
export function observedWorkloadTokens(
  analysis: LogAnalysis,
  episodesOverride?: number,
): { ok: true; tokens: WorkloadTokens } | { ok: false; reason: string } {
  const episodes = episodesOverride ?? analysis.episodes;
  if (analysis.requests === 0 || episodes === 0) return { ok: false, reason: "no request could be read" };
  return {
    ok: true,
    tokens: {
      episodes,
      promptTokens: analysis.tokens.prompt,
      cachedPromptTokens: analysis.tokens.cachedPrompt,
      decodeTokens: analysis.tokens.completion,
      peakContextTokens: analysis.peakContextTokens ?? 0,
    },
  };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/**
 * The uniform shape that stands for the log: each field's mean, rounded to whole tokens and turns
 * (tokens added per turn at least 0), clamped to the limits every surface accepts. `{ ok: false }`
 * when the log has no per-request shape (Tinker billing) or no request.
 */
export function fittedWorkload(
  analysis: LogAnalysis,
): { ok: true; workload: Workload; warnings: string[] } | { ok: false; reason: string } {
  const { turns, initialPromptTokens, addedTokensPerTurn, generatedTokensPerTurn } = analysis.shape;
  if (turns === null || initialPromptTokens === null || generatedTokensPerTurn === null)
    return { ok: false, reason: "the log has no per-request shape to fit" };
  const warnings: string[] = [];
  const fitField = (name: string, value: number, limits: { min: number; max: number }) => {
    const rounded = Math.round(value);
    const kept = clamp(rounded, limits.min, limits.max);
    if (kept !== rounded)
      warnings.push(`fitted ${name} ${rounded} is outside ${limits.min}..${limits.max}: using ${kept}`);
    return kept;
  };
  const shape: EpisodeShape = {
    turns: fitField("turns", turns.mean, LIMITS.turns),
    initialPromptTokens: fitField("initial prompt", initialPromptTokens.mean, LIMITS.tokens),
    addedTokensPerTurn: fitField("tokens added per turn", addedTokensPerTurn?.mean ?? 0, LIMITS.tokens),
    generatedTokensPerTurn: fitField("generated tokens per turn", generatedTokensPerTurn.mean, LIMITS.tokens),
  };
  return {
    ok: true,
    workload: { episodes: fitField("episodes", analysis.episodes, LIMITS.episodes), shape },
    warnings,
  };
}
