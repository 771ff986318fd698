import { describe, expect, it } from "vitest";
import { TurnChain } from "./turn-chain.js";

const ids = (n: number) => ({ prompt: Array.from({ length: n }, (_, i) => i), completion: [n] });

describe("TurnChain.next(episode, ids)", () => {
  it("pairs each turn with the episode's previous one and numbers it", () => {
    const chain = new TurnChain();
    expect(chain.next("a", ids(2))).toBeNull();
    expect(chain.next("b", ids(1))).toBeNull();
    expect(chain.next("a", ids(3))).toEqual({ before: ids(2), turn: 2 });
    expect(chain.next("a", null)).toBeNull();
    // A turn without ids breaks the chain: the next is not compared with a turn two back.
    expect(chain.next("a", ids(4))).toBeNull();
    expect(chain.next("b", ids(5))?.turn).toBe(2);
  });

  it("past the bound drops the least recently seen episodes' turns, counted", () => {
    // 3 + 1 ids a turn; a bound of 6 holds one episode's turn beside another's.
    const chain = new TurnChain(6);
    chain.next("a", ids(3));
    chain.next("b", ids(3));
    expect(chain.dropped).toBe(1);
    expect(chain.next("a", ids(3))).toBeNull();
    expect(chain.dropped).toBe(2);
  });
});
