import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PairLists } from "./pair-lists.js";

// Against a model of plain arrays: opens, inserts at any place, closes, in any mix, past several
// compactions of the pool (64 numbers at first, so that it is compacted often).
const step = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant("open" as const), order: fc.integer(), prompt: fc.nat() }),
  },
  {
    weight: 12,
    arbitrary: fc.record({
      kind: fc.constant("insert" as const),
      list: fc.nat(),
      at: fc.nat(),
      order: fc.integer(),
      prompt: fc.nat(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("close" as const), list: fc.nat() }) },
);

describe("PairLists (fuzz against arrays, seed 2)", () => {
  it("holds every open list's pairs, in place, through growth, moves and compactions", () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 3000 }), (steps) => {
        const lists = new PairLists(64);
        const model: ([number, number][] | null)[] = [];
        for (const s of steps) {
          if (s.kind === "open") {
            expect(lists.open(s.order, s.prompt)).toBe(model.length);
            model.push([[s.order, s.prompt]]);
            continue;
          }
          if (model.length === 0) continue;
          const id = s.list % model.length;
          const pairs = model[id];
          if (!pairs) continue;
          if (s.kind === "close") {
            lists.close(id);
            model[id] = null;
          } else {
            const at = s.at % (pairs.length + 1);
            lists.insert(id, at, s.order, s.prompt);
            pairs.splice(at, 0, [s.order, s.prompt]);
          }
        }
        model.forEach((pairs, id) => {
          expect(lists.isOpen(id)).toBe(pairs !== null);
          if (!pairs) return;
          expect(lists.length(id)).toBe(pairs.length);
          pairs.forEach(([order, prompt], i) => {
            expect(lists.order(id, i)).toBe(order);
            expect(lists.prompt(id, i)).toBe(prompt);
          });
        });
      }),
      { seed: 2, numRuns: 200 },
    );
  });

  it("finds where an order goes among sorted pairs, and keeps a long list whole past compactions", () => {
    const lists = new PairLists();
    const a = lists.open(0, 10);
    const b = lists.open(5, 50);
    for (let k = 1; k < 40_000; k++) {
      lists.insert(a, lists.length(a), 2 * k, 10 + k);
      if (k % 3 === 0) lists.insert(b, lists.length(b), 5 + k, 50 + k);
    }
    expect(lists.upperBound(a, 7)).toBe(4); // orders 0, 2, 4, 6
    expect(lists.upperBound(a, -1)).toBe(0);
    expect(lists.upperBound(a, 1e9)).toBe(40_000);
    for (let k = 0; k < 40_000; k++) expect(lists.order(a, k)).toBe(2 * k);
    expect(lists.prompt(b, lists.length(b) - 1)).toBe(50 + 39_999);
  });
});
