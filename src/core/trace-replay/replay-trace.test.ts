import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { parseMooncakeTrace } from "../../logs/mooncake-trace.js";
import { replayCurve, replayTrace } from "./replay-trace.js";
import type { TraceRequest } from "./trace-request.js";

const tracePath = new URL("../../../examples/traces/mooncake-synthetic-trace.jsonl.gz", import.meta.url);
const trace = parseMooncakeTrace(gunzipSync(readFileSync(tracePath)).toString("utf8"));

const req = (timestampMs: number, hashIds: number[], inputTokens = hashIds.length * 512): TraceRequest => ({
  timestampMs,
  inputTokens,
  outputTokens: 1,
  hashIds,
});

describe("replayTrace on the Mooncake synthetic trace", () => {
  it("reads every line: 3,993 requests, 61,194,628 input tokens, nothing skipped", () => {
    expect(trace.requests).toHaveLength(3993);
    expect(trace.requests.reduce((s, r) => s + r.inputTokens, 0)).toBe(61_194_628);
    expect(Object.values(trace.skipped).every((n) => n === 0)).toBe(true);
  });

  // The trace's README (shared data, computed by its curator): hit % of input tokens per capacity.
  it.each([
    [Number.POSITIVE_INFINITY, 65.12],
    [1_024_000, 14.67],
    [2_560_000, 28.43],
    [10_240_000, 58.19],
  ])("capacity %d tokens replays to %d %% within 0.1 point", (capacityTokens, percent) => {
    const result = replayTrace(trace.requests, { capacityTokens });
    expect(Math.abs(result.hitFraction * 100 - percent)).toBeLessThan(0.1);
  });

  it("hit never falls as capacity grows (a curve over capacities)", () => {
    const curve = replayCurve(trace.requests, [0, 512_000, 1_024_000, 5_120_000, Number.POSITIVE_INFINITY]);
    expect(curve[0]?.hitTokens).toBe(0);
    for (let i = 1; i < curve.length; i++)
      expect(curve[i]?.hitTokens ?? 0).toBeGreaterThanOrEqual(curve[i - 1]?.hitTokens ?? 0);
  });

  it("more replicas with session affinity never beat one shared unlimited cache", () => {
    const shared = replayTrace(trace.requests, { capacityTokens: Number.POSITIVE_INFINITY });
    for (const routing of ["session-affinity", "cache-aware", "round-robin"] as const) {
      const split = replayTrace(trace.requests, {
        capacityTokens: Number.POSITIVE_INFINITY,
        replicas: 4,
        routing,
      });
      expect(split.hitTokens).toBeLessThanOrEqual(shared.hitTokens);
    }
  });
});

describe("replayTrace semantics, by hand", () => {
  it("a hit is the longest held prefix, capped at the input length", () => {
    // [1,2,3] then [1,2,9,3]: 1 and 2 match, 9 is absent so 3 does not count: 2 × 512 = 1024.
    // Then [1,2,3] with input 1100: all 3 match = 1536, capped at 1100.
    const r = replayTrace([req(0, [1, 2, 3]), req(1, [1, 2, 9, 3]), req(2, [1, 2, 3], 1100)], {
      capacityTokens: Number.POSITIVE_INFINITY,
    });
    expect(r.hitTokens).toBe(1024 + 1100);
  });

  it("orders by timestamp, stably", () => {
    // Sorted: [5] (t=0), [5,6] (t=1, first in file), [5,6] (t=1): hits 0 + 512 + 1024.
    const r = replayTrace([req(1, [5, 6]), req(0, [5]), req(1, [5, 6])], { capacityTokens: 1e9 });
    expect(r.hitTokens).toBe(512 + 1024);
  });

  it("evicts the least recently used block first", () => {
    // Capacity 2 blocks. [1] [2] → {1,2}; [1] touches 1 → order 2,1; [3] evicts 2 → {1,3};
    // [1] hits (512), [2] misses.
    const r = replayTrace([req(0, [1]), req(1, [2]), req(2, [1]), req(3, [3]), req(4, [1]), req(5, [2])], {
      capacityTokens: 1024,
    });
    expect(r.hitTokens).toBe(512 + 512);
    expect(r.evictedBlocks).toBe(2);
  });

  it("round-robin over two replicas loses the reuse that one cache keeps", () => {
    const requests = [req(0, [1, 2]), req(1, [1, 2]), req(2, [1, 2])];
    expect(replayTrace(requests, { capacityTokens: 1e9 }).hitTokens).toBe(2048);
    // replica 0 sees requests 0 and 2: one hit of 1024.
    expect(
      replayTrace(requests, { capacityTokens: 1e9, replicas: 2, routing: "round-robin" }).hitTokens,
    ).toBe(1024);
    // cache-aware sends 1 and 2 where 1,2 are held.
    expect(
      replayTrace(requests, { capacityTokens: 1e9, replicas: 2, routing: "cache-aware" }).hitTokens,
    ).toBe(2048);
  });

  it.each([
    [{ capacityTokens: -1 }, /capacityTokens/],
    [{ capacityTokens: Number.NaN }, /capacityTokens/],
    [{ capacityTokens: 1, blockTokens: 0 }, /blockTokens/],
    [{ capacityTokens: 1, replicas: 1.5 }, /replicas/],
  ])("rejects %o", (options, message) => {
    expect(() => replayTrace([], options)).toThrow(message);
  });
});
