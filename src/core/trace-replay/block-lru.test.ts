import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BlockLru } from "./block-lru.js";

/** The plain reference: an array from least to most recently used. */
function referenceLru(capacity: number) {
  const order: number[] = [];
  return {
    has: (id: number) => order.includes(id),
    touch(id: number) {
      const at = order.indexOf(id);
      if (at >= 0) order.splice(at, 1);
      else if (capacity < 1) return;
      order.push(id);
      while (order.length > capacity) order.shift();
    },
    order,
  };
}

describe("BlockLru", () => {
  it("holds the same blocks as an array-based LRU on random touches", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 12 }),
        fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 300 }),
        (capacity, ids) => {
          const lru = new BlockLru(capacity);
          const reference = referenceLru(capacity);
          for (const id of ids) {
            lru.touch(id);
            reference.touch(id);
            expect(lru.size).toBe(reference.order.length);
            for (let probe = 0; probe <= 20; probe++) expect(lru.has(probe)).toBe(reference.has(probe));
          }
        },
      ),
      { seed: 512, numRuns: 300 },
    );
  });

  it("an unlimited cache never evicts", () => {
    const lru = new BlockLru(Number.POSITIVE_INFINITY);
    for (let id = 0; id < 10_000; id++) lru.touch(id);
    expect([lru.size, lru.evicted]).toEqual([10_000, 0]);
  });
});
