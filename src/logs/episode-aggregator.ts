import { CountHistogram } from "./count-histogram.js";
import type { LogRecord, Skip } from "./log-record.js";
import { skip } from "./log-record.js";
import { PairLists } from "./pair-lists.js";

/** One episode's figures, as episode-analysis.ts reads them once the log is read. */
export interface EpisodeState {
  id: string;
  turns: number;
  firstPrompt: number;
  lastPrompt: number;
  promptTokens: number;
  cachedPromptTokens: number;
  completionTokens: number;
  /** Σ over the episode's requests after its first of min(prompt, previous request's prompt). */
  idealCachedPromptTokens: number;
  /** The largest prompt + completion of any of its requests. */
  peakContextTokens: number;
}

export interface AggregatorOptions {
  /** Two requests with the same order value are a duplicate (true when ordering by turn number). */
  duplicateOrders: boolean;
  /** An episode with no request for this many lines is folded up and its per-request lists freed. */
  reorderWindowLines: number;
}

const CLOSE_CHECK_EVERY_LINES = 65_536;

// An episode's running figures, FIELDS numbers a row of one Float64Array (no object per episode).
const TURNS = 0;
const FIRST_ORDER = 1;
const FIRST_PROMPT = 2;
const LAST_ORDER = 3;
const LAST_PROMPT = 4;
const PROMPT = 5;
const CACHED = 6;
const COMPLETION = 7;
const IDEAL = 8;
const PEAK = 9;
const LAST_LINE = 10;
const FIELDS = 11;
const PAGE_BITS = 12;
const PAGE_ROWS = 1 << PAGE_BITS;
const PAGE_MASK = PAGE_ROWS - 1;

/**
 * Per-episode aggregation over requests arriving in any order. Order-dependent figures (tokens added per
 * turn, the ideal cache hit) are kept exact on every insertion, so an episode's per-request lists are
 * only needed to place a request between two earlier ones; they are freed once the episode has been
 * quiet for `reorderWindowLines`. Memory: an id and eleven numbers per episode, plus two numbers per
 * request of open episodes (pair-lists.ts).
 */
export class EpisodeAggregator {
  /** Episode id → its row. */
  private readonly index = new Map<string, number>();
  private readonly ids: string[] = [];
  /** The rows, PAGE_ROWS to a page (grown a page at a time, so no more than one page is ever unused). */
  private readonly pages: Float64Array[] = [];
  /** Per episode while it is open (list number = episode number), its requests' (order, prompt) sorted by order. */
  private readonly lists = new PairLists();
  /** The episodes still open. */
  private open: number[] = [];
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

  get episodeCount(): number {
    return this.ids.length;
  }

  hasEpisode(id: string): boolean {
    return this.index.has(id);
  }

  /** The figures of episode `e` (0 ≤ e < episodeCount, in order of first appearance). */
  episode(e: number): EpisodeState {
    const r = this.pages[e >> PAGE_BITS] as Float64Array;
    const at = (e & PAGE_MASK) * FIELDS;
    return {
      id: this.ids[e] as string,
      turns: r[at + TURNS] as number,
      firstPrompt: r[at + FIRST_PROMPT] as number,
      lastPrompt: r[at + LAST_PROMPT] as number,
      promptTokens: r[at + PROMPT] as number,
      cachedPromptTokens: r[at + CACHED] as number,
      completionTokens: r[at + COMPLETION] as number,
      idealCachedPromptTokens: r[at + IDEAL] as number,
      peakContextTokens: r[at + PEAK] as number,
    };
  }

  /** Adds one valid request read at `line`; returns a Skip for a duplicate or a late turn (nothing is counted then). */
  add(record: LogRecord, line: number): Skip | undefined {
    if (line >= this.nextCloseCheck) this.closeQuiet(line);
    const p = record.promptTokens;
    const e = this.index.get(record.episodeId);
    const row = e ?? this.start(record, line);
    const r = this.pages[row >> PAGE_BITS] as Float64Array;
    const at = (row & PAGE_MASK) * FIELDS;
    if (e !== undefined) {
      const ideal = this.place(e, r, at, record);
      if (typeof ideal !== "number") return ideal;
      r[at + IDEAL] = (r[at + IDEAL] as number) + ideal;
      this.idealCachedPromptTokens += ideal;
    }
    r[at + TURNS] = (r[at + TURNS] as number) + 1;
    r[at + LAST_LINE] = line;
    r[at + PROMPT] = (r[at + PROMPT] as number) + p;
    r[at + CACHED] = (r[at + CACHED] as number) + record.cachedPromptTokens;
    r[at + COMPLETION] = (r[at + COMPLETION] as number) + record.completionTokens;
    const context = p + record.completionTokens;
    if (context > (r[at + PEAK] as number)) r[at + PEAK] = context;
    if (context > this.peakContextTokens) this.peakContextTokens = context;
    this.generated.add(record.completionTokens);
    this.requests++;
    this.promptTokens += p;
    this.cachedPromptTokens += record.cachedPromptTokens;
    this.completionTokens += record.completionTokens;
    return undefined;
  }

  /** A new episode's row, its first request placed: the episode's number. */
  private start(record: LogRecord, line: number): number {
    const e = this.ids.length;
    // An id read out of a chunk's text may be a slice of it, which would keep the whole text alive.
    const id = flat(record.episodeId);
    this.index.set(id, e);
    this.ids.push(id);
    if ((e & PAGE_MASK) === 0) this.pages.push(new Float64Array(PAGE_ROWS * FIELDS));
    const r = this.pages[e >> PAGE_BITS] as Float64Array;
    const at = (e & PAGE_MASK) * FIELDS;
    const order = record.order ?? 0;
    const p = record.promptTokens;
    r[at + FIRST_ORDER] = order;
    r[at + FIRST_PROMPT] = p;
    r[at + LAST_ORDER] = order;
    r[at + LAST_PROMPT] = p;
    r[at + LAST_LINE] = line;
    this.lists.open(order, p);
    this.open.push(e);
    return e;
  }

  /** Places a later request of episode `e` among its earlier ones: the ideal cache hit it adds, or why it cannot. */
  private place(e: number, r: Float64Array, at: number, record: LogRecord): number | Skip {
    const p = record.promptTokens;
    const lastOrder = r[at + LAST_ORDER] as number;
    const lastPrompt = r[at + LAST_PROMPT] as number;
    const firstOrder = r[at + FIRST_ORDER] as number;
    const firstPrompt = r[at + FIRST_PROMPT] as number;
    const o = record.order ?? lastOrder + 1;
    const dup = this.options.duplicateOrders;
    const lists = this.lists;
    const open = lists.isOpen(e);
    if (o > lastOrder || (o === lastOrder && !dup)) {
      this.added.add(p - lastPrompt);
      r[at + LAST_ORDER] = o;
      r[at + LAST_PROMPT] = p;
      if (open) lists.insert(e, lists.length(e), o, p);
      return Math.min(p, lastPrompt);
    }
    if (o < firstOrder) {
      this.added.add(firstPrompt - p);
      // The old first request now has a predecessor; the new one has none.
      r[at + FIRST_ORDER] = o;
      r[at + FIRST_PROMPT] = p;
      if (open) lists.insert(e, 0, o, p);
      return Math.min(p, firstPrompt);
    }
    if (open) {
      // The request goes between pairs i - 1 and i.
      const i = lists.upperBound(e, o);
      if (dup && lists.order(e, i - 1) === o) return duplicate(record, o);
      const a = lists.prompt(e, i - 1);
      const b = lists.prompt(e, i);
      this.added.remove(b - a);
      this.added.add(p - a);
      this.added.add(b - p);
      lists.insert(e, i, o, p);
      return Math.min(p, a) + Math.min(b, p) - Math.min(b, a);
    }
    const turns = r[at + TURNS] as number;
    const full = Number.isInteger(o) && Number.isInteger(firstOrder) && turns === lastOrder - firstOrder + 1;
    if (dup && (o === firstOrder || o === lastOrder || full)) return duplicate(record, o);
    return skip(
      "lateTurn",
      `episode ${clip(record.episodeId)} order ${o} falls between turns already folded up (no request for it in the ` +
        `${this.options.reorderWindowLines} lines before); widen --reorder-window`,
    );
  }

  /** Open episodes right now (still holding per-request lists). */
  get openEpisodes(): number {
    return this.open.length;
  }

  private closeQuiet(line: number): void {
    this.nextCloseCheck = line + this.closeCheckEveryLines;
    const before = line - this.options.reorderWindowLines;
    const still: number[] = [];
    for (const e of this.open) {
      const r = this.pages[e >> PAGE_BITS] as Float64Array;
      if ((r[(e & PAGE_MASK) * FIELDS + LAST_LINE] as number) < before) this.lists.close(e);
      else still.push(e);
    }
    this.open = still;
  }
}

/** A copy of `text` that shares no storage with a longer string. */
function flat(text: string): string {
  return text.length < 13 ? text : JSON.parse(JSON.stringify(text));
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
