/**
 * A replica's prefix cache, per episode, under least-recently-used eviction. Each episode's cached prefix
 * is evicted from its tail first (vLLM frees a request's blocks in reverse, so its prefix stays longest),
 * and an episode whose prefix is gone gives up its fixed per-sequence state too.
 */
export class LruTokenCache {
  private readonly cachedTokens = new Map<number, number>();
  private usedBytes = 0;

  constructor(
    readonly capacityBytes: number,
    readonly bytesPerToken: number,
    readonly fixedBytesPerEpisode: number,
  ) {}

  /** Tokens of `episode`'s prefix still cached. */
  cached(episode: number): number {
    return this.cachedTokens.get(episode) ?? 0;
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
    const had = this.cached(episode);
    this.usedBytes -= this.bytesFor(had);
    this.cachedTokens.delete(episode);
    for (const [other, otherTokens] of this.cachedTokens) {
      if (this.usedBytes + need <= this.capacityBytes) break;
      const overBytes = this.usedBytes + need - this.capacityBytes;
      const keepTokens = Math.max(0, otherTokens - Math.ceil(overBytes / this.bytesPerToken));
      const keep = this.bytesFor(keepTokens) < this.bytesFor(otherTokens) ? keepTokens : 0;
      this.usedBytes -= this.bytesFor(otherTokens) - this.bytesFor(keep);
      if (keep > 0) this.cachedTokens.set(other, keep);
      else this.cachedTokens.delete(other);
    }
    this.cachedTokens.set(episode, tokens);
    this.usedBytes += need;
    return true;
  }

  /** Forgets everything (a new wave of episodes shares no prefix with the last). */
  clear(): void {
    this.cachedTokens.clear();
    this.usedBytes = 0;
  }
}
