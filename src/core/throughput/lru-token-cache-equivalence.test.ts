import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LruTokenCache } from "./lru-token-cache.js";

/** The cache as it was before the linked list: a Map deleted and re-inserted on every touch (reference). */
class MapLruReference {
  private readonly cachedTokens = new Map<number, number>();
  usedBytes = 0;
  constructor(
    readonly capacityBytes: number,
    readonly bytesPerToken: number,
    readonly fixedBytesPerEpisode: number,
  ) {}
  cached(episode: number): number {
    return this.cachedTokens.get(episode) ?? 0;
  }
  private bytesFor(tokens: number): number {
    return tokens > 0 ? tokens * this.bytesPerToken + this.fixedBytesPerEpisode : 0;
  }
  hold(episode: number, tokens: number): boolean {
    const need = this.bytesFor(tokens);
    if (need > this.capacityBytes) return false;
    this.usedBytes -= this.bytesFor(this.cached(episode));
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
  clear(): void {
    this.cachedTokens.clear();
    this.usedBytes = 0;
  }
}

const op = fc.oneof(
  {
    weight: 20,
    arbitrary: fc.tuple(
      fc.constant("hold" as const),
      fc.integer({ min: 0, max: 15 }),
      fc.integer({ min: 0, max: 200 }),
    ),
  },
  { weight: 1, arbitrary: fc.tuple(fc.constant("clear" as const), fc.constant(0), fc.constant(0)) },
);

describe("LruTokenCache (linked list) against the Map-based reference", () => {
  it("gives identical returns, cached tokens and bytes on random operation sequences", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 0, max: 40 }),
        fc.array(op, { maxLength: 200 }),
        (capacity, perToken, fixed, ops) => {
          const cache = new LruTokenCache(capacity, perToken, fixed);
          const reference = new MapLruReference(capacity, perToken, fixed);
          for (const [kind, episode, tokens] of ops) {
            if (kind === "clear") {
              cache.clear();
              reference.clear();
              continue;
            }
            expect(cache.hold(episode, tokens)).toBe(reference.hold(episode, tokens));
            expect(cache.bytes).toBe(reference.usedBytes);
            for (let e = 0; e <= 15; e++) expect(cache.cached(e)).toBe(reference.cached(e));
          }
        },
      ),
      { seed: 20261201, numRuns: 300 },
    );
  });
});
