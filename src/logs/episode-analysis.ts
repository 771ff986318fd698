import { CountHistogram } from "./count-histogram.js";
import type { EpisodeAggregator } from "./episode-aggregator.js";
import type { EpisodeRow, LogAnalysis, LogFormat } from "./log-analysis.js";

type Common =
  | "bytes"
  | "lines"
  | "blankLines"
  | "headerLines"
  | "documentLines"
  | "skipped"
  | "skippedTotal"
  | "badLines";

/**
 * The figures of a request log once every line is read: totals, cache hit against the ideal, each shape
 * field's distribution, episodes past `contextWindowTokens`, and one row per episode when asked.
 */
export function episodeAnalysis(
  a: EpisodeAggregator,
  format: LogFormat,
  options: { contextWindowTokens?: number; perEpisode?: boolean },
): Omit<LogAnalysis, Common> {
  const turns = new CountHistogram();
  const initial = new CountHistogram();
  const window = options.contextWindowTokens;
  let overflow = 0;
  const rows: EpisodeRow[] | undefined = options.perEpisode ? [] : undefined;
  for (let e = 0; e < a.episodeCount; e++) {
    const s = a.episode(e);
    turns.add(s.turns);
    initial.add(s.firstPrompt);
    if (window !== undefined && s.peakContextTokens > window) overflow++;
    rows?.push({
      episode: s.id,
      turns: s.turns,
      initialPromptTokens: s.firstPrompt,
      finalPromptTokens: s.lastPrompt,
      promptTokens: s.promptTokens,
      cachedPromptTokens: s.cachedPromptTokens,
      idealCachedPromptTokens: s.idealCachedPromptTokens,
      completionTokens: s.completionTokens,
      peakContextTokens: s.peakContextTokens,
    });
  }
  const percent = (part: number) => (a.promptTokens > 0 ? (part / a.promptTokens) * 100 : 0);
  const warnings: string[] = [];
  if (a.cachedPromptTokens > a.idealCachedPromptTokens)
    warnings.push(
      "measured cache hits exceed what perfect session affinity gives within episodes: a prefix shared " +
        "across episodes (the system prompt) or cached generations were served from the cache too",
    );
  if (a.requests === 0) warnings.push("no request in the input could be read");
  return {
    format,
    requests: a.requests,
    episodes: a.episodeCount,
    tokens: {
      prompt: a.promptTokens,
      cachedPrompt: a.cachedPromptTokens,
      completion: a.completionTokens,
      idealCachedPrompt: a.idealCachedPromptTokens,
    },
    cacheHitPercent: percent(a.cachedPromptTokens),
    idealCacheHitPercent: percent(a.idealCachedPromptTokens),
    shape: {
      turns: turns.stats(),
      initialPromptTokens: initial.stats(),
      addedTokensPerTurn: a.added.stats(),
      generatedTokensPerTurn: a.generated.stats(),
    },
    peakContextTokens: a.requests > 0 ? a.peakContextTokens : null,
    contextOverflowEpisodes: window === undefined ? null : overflow,
    openEpisodesAtEnd: a.openEpisodes,
    ...(rows && { perEpisode: rows }),
    warnings,
  };
}
