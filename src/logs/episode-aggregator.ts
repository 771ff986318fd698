import { CountHistogram } from "./count-histogram.js";
import type { LogRecord, Skip } from "./log-record.js";
import { skip } from "./log-record.js";

/** One episode's running figures; `orders`/`prompts` are kept (sorted by order) only while it is open. */
export interface EpisodeState {
  id: string;
  turns: number;
  firstOrder: number;
  firstPrompt: number;
  lastOrder: number;
  lastPrompt: number;
  promptTokens: number;
  cachedPromptTokens: number;
  completionTokens: number;
  /** Σ over the episode's requests after its first of min(prompt, previous request's prompt). */
  idealCachedPromptTokens: number;
  /** The largest prompt + completion of any of its requests. */
  peakContextTokens: number;
  lastLine: number;
  orders: number[] | null;
  prompts: number[] | null;
}

export interface AggregatorOptions {
  /** Two requests with the same order value are a duplicate (true when ordering by turn number). */
  duplicateOrders: boolean;
  /** An episode with no request for this many lines is folded up and its per-request lists freed. */
  reorderWindowLines: number;
}

const CLOSE_CHECK_EVERY_LINES = 65_536;

/**
 * Per-episode aggregation over requests arriving in any order. Order-dependent figures (tokens added per
 * turn, the ideal cache hit) are kept exact on every insertion, so an episode's per-request lists are
 * only needed to place a request between two earlier ones; they are freed once the episode has been
 * quiet for `reorderWindowLines`. Memory: a few numbers per episode, plus two per request of open episodes.
 */
export class EpisodeAggregator {
  readonly episodes = new Map<string, EpisodeState>();
  private readonly open = new Map<string, EpisodeState>();
  /** Context added per turn: each request's prompt minus its episode's previous request's prompt. */
  readonly added = new CountHistogram();
  /** Tokens generated per request. */
  readonly generated = new CountHistogram();
  requests = 0;
  promptTokens = 0;
  cachedPromptTokens = 0;
  completionTokens = 0;
  idealCachedPromptTokens = 0;
  peakContextTokens = 0;
  private readonly closeCheckEveryLines: number;
  private nextCloseCheck: number;

  constructor(private readonly options: AggregatorOptions) {
    this.closeCheckEveryLines = Math.max(1, Math.min(CLOSE_CHECK_EVERY_LINES, options.reorderWindowLines));
    this.nextCloseCheck = this.closeCheckEveryLines;
  }

  /** Adds one valid request read at `line`; returns a Skip for a duplicate or a late turn (nothing is counted then). */
  add(record: LogRecord, line: number): Skip | undefined {
    if (line >= this.nextCloseCheck) this.closeQuiet(line);
    const p = record.promptTokens;
    let s = this.episodes.get(record.episodeId);
    if (s === undefined) {
      const order = record.order ?? 0;
      s = {
        id: record.episodeId,
        turns: 0,
        firstOrder: order,
        firstPrompt: p,
        lastOrder: order,
        lastPrompt: p,
        promptTokens: 0,
        cachedPromptTokens: 0,
        completionTokens: 0,
        idealCachedPromptTokens: 0,
        peakContextTokens: 0,
        lastLine: line,
        orders: [order],
        prompts: [p],
      };
      this.episodes.set(record.episodeId, s);
      this.open.set(record.episodeId, s);
    } else {
      const o = record.order ?? s.lastOrder + 1;
      const dup = this.options.duplicateOrders;
      let ideal: number;
      if (o > s.lastOrder || (o === s.lastOrder && !dup)) {
        this.added.add(p - s.lastPrompt);
        ideal = Math.min(p, s.lastPrompt);
        s.lastOrder = o;
        s.lastPrompt = p;
        s.orders?.push(o);
        s.prompts?.push(p);
      } else if (o < s.firstOrder) {
        this.added.add(s.firstPrompt - p);
        // The old first request now has a predecessor; the new one has none.
        ideal = Math.min(p, s.firstPrompt);
        s.firstOrder = o;
        s.firstPrompt = p;
        s.orders?.unshift(o);
        s.prompts?.unshift(p);
      } else if (s.orders !== null && s.prompts !== null) {
        const i = upperBound(s.orders, o);
        if (dup && s.orders[i - 1] === o) return duplicate(record, o);
        const a = s.prompts[i - 1] as number;
        const b = s.prompts[i] as number;
        this.added.remove(b - a);
        this.added.add(p - a);
        this.added.add(b - p);
        ideal = Math.min(p, a) + Math.min(b, p) - Math.min(b, a);
        s.orders.splice(i, 0, o);
        s.prompts.splice(i, 0, p);
      } else {
        const full =
          Number.isInteger(o) && Number.isInteger(s.firstOrder) && s.turns === s.lastOrder - s.firstOrder + 1;
        if (dup && (o === s.firstOrder || o === s.lastOrder || full)) return duplicate(record, o);
        return skip(
          "lateTurn",
          `episode ${clip(s.id)} order ${o} falls between turns already folded up (no request for it in the ` +
            `${this.options.reorderWindowLines} lines before); widen --reorder-window`,
        );
      }
      s.idealCachedPromptTokens += ideal;
      this.idealCachedPromptTokens += ideal;
    }
    s.turns++;
    s.lastLine = line;
    s.promptTokens += p;
    s.cachedPromptTokens += record.cachedPromptTokens;
    s.completionTokens += record.completionTokens;
    const context = p + record.completionTokens;
    if (context > s.peakContextTokens) s.peakContextTokens = context;
    if (context > this.peakContextTokens) this.peakContextTokens = context;
    this.generated.add(record.completionTokens);
    this.requests++;
    this.promptTokens += p;
    this.cachedPromptTokens += record.cachedPromptTokens;
    this.completionTokens += record.completionTokens;
    return undefined;
  }

  /** Open episodes right now (still holding per-request lists). */
  get openEpisodes(): number {
    return this.open.size;
  }

  private closeQuiet(line: number): void {
    this.nextCloseCheck = line + this.closeCheckEveryLines;
    const before = line - this.options.reorderWindowLines;
    for (const [id, s] of this.open) {
      if (s.lastLine < before) {
        s.orders = null;
        s.prompts = null;
        this.open.delete(id);
      }
    }
  }
}

function upperBound(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function clip(id: string): string {
  return id.length > 40 ? `${id.slice(0, 40)}…` : id;
}

function duplicate(record: LogRecord, order: number): Skip {
  return skip(
    "duplicateTurn",
    `episode ${clip(record.episodeId)} turn ${order} appeared earlier; the first is kept`,
  );
}
