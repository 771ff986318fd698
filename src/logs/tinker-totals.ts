import type { LogAnalysis } from "./log-analysis.js";
import type { Skip } from "./log-record.js";
import { usageFromTinkerEvent } from "./tinker-record.js";

interface SessionTotals {
  prefill: number;
  cachedPrefill: number;
  sample: number;
  train: number;
}

/** Sums Tinker billing events: prefill (cached or not), sample and training tokens, per session and in all. */
export class TinkerTotals {
  private events = 0;
  private readonly total: SessionTotals = { prefill: 0, cachedPrefill: 0, sample: 0, train: 0 };
  private readonly sessions = new Map<string, SessionTotals>();

  add(value: unknown): { ok: true } | Skip {
    const usage = usageFromTinkerEvent(value);
    if (!usage.ok) return usage;
    this.events++;
    let session = this.sessions.get(usage.sessionId);
    if (session === undefined) {
      session = { prefill: 0, cachedPrefill: 0, sample: 0, train: 0 };
      this.sessions.set(usage.sessionId, session);
    }
    for (const t of [this.total, session]) {
      if (usage.type === "sampling_prefill") {
        t.prefill += usage.tokens;
        if (usage.cached) t.cachedPrefill += usage.tokens;
      } else if (usage.type === "sampling_sample") t.sample += usage.tokens;
      else if (usage.type === "training") t.train += usage.tokens;
    }
    return { ok: true };
  }

  /** The totals as an analysis: billing events carry no per-request order, so no shape and no ideal hit. */
  analysis(): Omit<
    LogAnalysis,
    | "bytes"
    | "lines"
    | "blankLines"
    | "headerLines"
    | "documentLines"
    | "skipped"
    | "skippedTotal"
    | "badLines"
  > {
    const t = this.total;
    const named = [...this.sessions.keys()].filter((id) => id !== "").length;
    return {
      format: "tinker",
      requests: this.events,
      episodes: named > 0 ? named : this.events > 0 ? 1 : 0,
      tokens: {
        prompt: t.prefill,
        cachedPrompt: t.cachedPrefill,
        completion: t.sample,
        idealCachedPrompt: null,
        train: t.train,
      },
      cacheHitPercent: t.prefill > 0 ? (t.cachedPrefill / t.prefill) * 100 : 0,
      idealCacheHitPercent: null,
      shape: {
        turns: null,
        initialPromptTokens: null,
        addedTokensPerTurn: null,
        generatedTokensPerTurn: null,
      },
      peakContextTokens: null,
      contextOverflowEpisodes: null,
      openEpisodesAtEnd: 0,
      warnings: [
        "Tinker billing events are hourly totals per session: they give token totals and the measured cache " +
          "hit, but no per-request shape; episodes are counted as sessions (pass --episodes to set them)",
      ],
    };
  }
}
