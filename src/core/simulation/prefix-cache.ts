import { RecencyList } from "../recency-list.js";
/** Why cached tokens were lost before they could be reused. */
export type LossCause = "evicted" | "preempted" | "weightSync";

/** A run of cached prefix blocks: a GRPO group's shared prompt, or one episode's own context past it. */
export interface CacheEntry {
  key: number;
  /** Tokens held (whole blocks while unreferenced). */
  tokens: number;
  /** Running sequences using it; referenced entries are never evicted. */
  refs: number;
  /** The weight version its KV was computed with. */
  version: number;
  older: CacheEntry | undefined;
  newer: CacheEntry | undefined;
}

/**
 * A replica's block-level prefix cache: entries of whole blocks, the unreferenced ones in an O(1) LRU list
 * evicted from their tails, oldest first; `usedTokens` also counts what running sequences hold outside
 * entries (their growth while decoding, fixed per-sequence state).
 */
export class PrefixCache {
  private readonly entries = new Map<number, CacheEntry>();
  /** The last reason each key lost tokens, for attributing a later miss. */
  readonly lost = new Map<number, LossCause>();
  private readonly order = new RecencyList<CacheEntry>();
  usedTokens = 0;

  constructor(
    readonly capacityTokens: number,
    readonly blockTokens: number,
  ) {}

  /** Tokens free now. */
  get freeTokens(): number {
    return this.capacityTokens - this.usedTokens;
  }

  /** Tokens `key` holds at weight `version` (0 if absent or computed with older weights). */
  tokens(key: number, version: number): number {
    const entry = this.entries.get(key);
    return entry && entry.version === version ? entry.tokens : 0;
  }

  /** Takes a reference on `key`'s entry (created empty if absent; emptied if stale), out of the LRU list. */
  acquire(key: number, version: number): CacheEntry {
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { key, tokens: 0, refs: 0, version, older: undefined, newer: undefined };
      this.entries.set(key, entry);
    } else if (entry.refs === 0) this.order.unlink(entry);
    if (entry.version !== version) {
      if (entry.tokens > 0) this.lost.set(key, "weightSync");
      this.resize(entry, 0);
      entry.version = version;
    }
    entry.refs++;
    return entry;
  }

  /** Drops a reference; an unreferenced entry becomes the most recently used (or goes, if empty). */
  release(entry: CacheEntry): void {
    entry.refs--;
    if (entry.refs > 0) return;
    if (entry.tokens === 0) this.entries.delete(entry.key);
    else this.order.append(entry);
  }

  /** Sets an entry's tokens, keeping `usedTokens` in step. */
  resize(entry: CacheEntry, tokens: number): void {
    this.usedTokens += tokens - entry.tokens;
    entry.tokens = tokens;
  }

  /** Evicts unreferenced blocks, least recently used first, until `tokens` are free; false if they cannot be. */
  makeRoom(tokens: number): boolean {
    while (this.freeTokens < tokens) {
      const victim = this.order.oldest;
      if (!victim) return false;
      const over = tokens - this.freeTokens;
      const cut = Math.min(victim.tokens, Math.ceil(over / this.blockTokens) * this.blockTokens);
      this.lost.set(victim.key, "evicted");
      this.resize(victim, victim.tokens - cut);
      if (victim.tokens === 0) {
        this.order.unlink(victim);
        this.entries.delete(victim.key);
      }
    }
    return true;
  }

  /** Drops `entry` (referenced by one sequence, being preempted) and its tokens. */
  drop(entry: CacheEntry, cause: LossCause): void {
    if (entry.tokens > 0) this.lost.set(entry.key, cause);
    this.resize(entry, 0);
    this.release(entry);
  }

  /** A weight sync: every unreferenced entry goes (referenced ones are stale by version). */
  clearUnreferenced(): void {
    for (let entry = this.order.oldest; entry; entry = entry.newer) {
      this.lost.set(entry.key, "weightSync");
      this.usedTokens -= entry.tokens;
      this.entries.delete(entry.key);
    }
    this.order.clear();
  }
}
