import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LruTokenCache } from "./lru-token-cache.js";

describe("LruTokenCache", () => {
  it("hold() evicts the least recently used episode's tail first", () => {
    const cache = new LruTokenCache(100, 1, 0);
    cache.hold(1, 40);
    cache.hold(2, 40);
    cache.hold(3, 50); // needs 30 more than fit: episode 1 keeps its first 10 tokens
    expect([cache.cached(1), cache.cached(2), cache.cached(3)]).toEqual([10, 40, 50]);
    cache.hold(2, 40); // touching 2 makes 1 the least recent still
    cache.hold(4, 20); // 10 from episode 1, then 10 from episode 3 (2 was just used)
    expect([cache.cached(1), cache.cached(2), cache.cached(3), cache.cached(4)]).toEqual([0, 40, 40, 20]);
  });

  it("hold() frees an episode's fixed state with its last token", () => {
    const cache = new LruTokenCache(100, 1, 20);
    cache.hold(1, 30); // 50 bytes
    cache.hold(2, 60); // 80 bytes: 30 must go, and keeping any of episode 1 keeps its 20 B of state too
    expect([cache.cached(1), cache.bytes]).toEqual([0, 80]);
  });

  it("hold() refuses an episode larger than the whole cache, changing nothing", () => {
    const cache = new LruTokenCache(100, 2, 0);
    cache.hold(1, 10);
    expect(cache.hold(2, 51)).toBe(false);
    expect(cache.cached(1)).toBe(10);
  });

  it("never holds more bytes than its capacity (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 120 })), {
          maxLength: 60,
        }),
        (ops) => {
          const cache = new LruTokenCache(500, 3, 7);
          for (const [episode, tokens] of ops) {
            const ok = cache.hold(episode, tokens);
            if (ok) expect(cache.cached(episode)).toBe(tokens);
            expect(cache.bytes).toBeLessThanOrEqual(500);
          }
        },
      ),
      { seed: 42 },
    );
  });
});
