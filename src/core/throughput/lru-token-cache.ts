import { RecencyList } from "../recency-list.js";

interface Entry {
  episode: number;
  tokens: number;
  older: Entry | undefined;
  newer: Entry | undefined;
}

/**
 * A replica's prefix cache, per episode, under least-recently-used eviction. Each episode's cached prefix
 * is evicted from its tail first (vLLM frees a request's blocks in reverse, so its prefix stays longest),
 * and an episode whose prefix is gone gives up its fixed per-sequence state too. O(1) per touch: a Map to
 * entries of a doubly linked list, least recent first (a Map re-inserted on every touch and iterated from
 * its start walks past its deleted slots).
 */
export class LruTokenCache {
  private readonly entries = new Map<number, Entry>();
  private readonly order = new RecencyList<Entry>();
  private usedBytes = 0;

  constructor(
    readonly capacityBytes: number,
    readonly bytesPerToken: number,
    readonly fixedBytesPerEpisode: number,
  ) {}

  /** Tokens of `episode`'s prefix still cached. */
  cached(episode: number): number {
    return this.entries.get(episode)?.tokens ?? 0;
  }

  /** Bytes in use. */
  get bytes(): number {
    return this.usedBytes;
  }

  private bytesFor(tokens: number): number {
    return tokens > 0 ? tokens * this.bytesPerToken + this.fixedBytesPerEpisode : 0;
  }

  /**
   * Marks `episode` most recently used and grows (or shrinks) its cache to `tokens`, evicting the least
   * recently used others to make room. Returns false, changing nothing, if it cannot fit even alone.
   */
  hold(episode: number, tokens: number): boolean {
    const need = this.bytesFor(tokens);
    if (need > this.capacityBytes) return false;
    let entry = this.entries.get(episode);
    if (entry) {
      this.usedBytes -= this.bytesFor(entry.tokens);
      this.order.unlink(entry);
    } else {
      entry = { episode, tokens, older: undefined, newer: undefined };
      this.entries.set(episode, entry);
    }
    let other = this.order.oldest;
    while (other && this.usedBytes + need > this.capacityBytes) {
      const next = other.newer;
      const overBytes = this.usedBytes + need - this.capacityBytes;
      const keepTokens = Math.max(0, other.tokens - Math.ceil(overBytes / this.bytesPerToken));
      const keep = this.bytesFor(keepTokens) < this.bytesFor(other.tokens) ? keepTokens : 0;
      this.usedBytes -= this.bytesFor(other.tokens) - this.bytesFor(keep);
      if (keep > 0) other.tokens = keep;
      else {
        this.order.unlink(other);
        this.entries.delete(other.episode);
      }
      other = next;
    }
    entry.tokens = tokens;
    this.order.append(entry);
    this.usedBytes += need;
    return true;
  }

  /** Forgets everything (a new wave of episodes shares no prefix with the last). */
  clear(): void {
    this.entries.clear();
    this.order.clear();
    this.usedBytes = 0;
  }
}
