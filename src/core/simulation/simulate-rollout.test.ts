import { describe, expect, it } from "vitest";
import {
  b300,
  baseInput,
  constant,
  h100,
  kimi,
  llama8b,
  tinyCacheInput,
} from "../../../test/simulation-fixtures.js";
import { SERVING_EFFICIENCIES } from "../../catalog/efficiencies.js";
import { simulateReplica } from "../throughput/simulate-replica.js";
import { PrefixCache } from "./prefix-cache.js";
import type { RolloutSimulation } from "./rollout-result.js";
import { simulateRollout } from "./simulate-rollout.js";

const run = (input: Parameters<typeof simulateRollout>[0]): RolloutSimulation => {
  const result = simulateRollout(input);
  if (!result.ok) throw new Error(result.reason);
  return result;
};

describe("simulateRollout agrees with the turn-by-turn simulateReplica", () => {
  // Uniform episodes, no tool latency, caches that fit: the page's shape, one replica, waves of `inFlight`.
  it.each([
    ["kimi-k2p6 on 8 × B300, 27 in flight", kimi, b300, 8, 27, 108],
    ["llama-3.1-8b on 1 × H100, 4 in flight", llama8b, h100, 1, 4, 16],
  ] as const)(
    "%s: GPU time within 2 %, hit and prefilled tokens equal",
    (_name, model, gpu, gpus, inFlight, episodes) => {
      const replica = { gpu, gpus, dataParallelAttention: false };
      const shape = {
        turns: 8,
        initialPromptTokens: 8000,
        addedTokensPerTurn: 12000,
        generatedTokensPerTurn: 2000,
      };
      const old = simulateReplica({
        model,
        replica,
        efficiencies: SERVING_EFFICIENCIES,
        workload: { episodes, shape },
        episodesInFlight: inFlight,
        cache: "reuse",
      });
      const sim = run(
        baseInput({
          model,
          replica,
          efficiencies: SERVING_EFFICIENCIES,
          workload: {
            episodes,
            groupSize: 1,
            turns: constant(8),
            initialPromptTokens: 8000,
            addedTokensPerTurn: constant(12000),
            generatedTokensPerTurn: constant(2000),
            toolLatencySeconds: constant(0),
          },
          concurrency: inFlight,
        }),
      );
      if (!old.ok) throw new Error(old.reason);
      expect(Math.abs(sim.busySeconds / old.busySeconds - 1)).toBeLessThan(0.02);
      expect(sim.cacheHitFraction).toBeCloseTo(old.effectiveCacheHitFraction, 6);
      expect(sim.prefilledTokens).toBe(old.prefilledTokens);
      expect(sim.preemptions).toBe(0);
      expect(Object.values(sim.reprefilledTokens).every((n) => n === 0)).toBe(true);
    },
  );
});

describe("simulateRollout, hand-worked", () => {
  it("prefills a GRPO group's shared prompt once", () => {
    // P1 = 1608 = 100 whole blocks of 16 (shared) + 8 tokens each member keeps apart.
    // Group of 4: 1600 + 4 × 8 = 1632 prefilled; four groups of 1: 4 × 1608 = 6432.
    const workload = { ...baseInput({}).workload, episodes: 4 };
    const grouped = run(baseInput({ workload: { ...workload, groupSize: 4 }, concurrency: 4 }));
    const apart = run(baseInput({ workload: { ...workload, groupSize: 1 }, concurrency: 4 }));
    expect(grouped.prefilledTokens).toBe(1632);
    expect(apart.prefilledTokens).toBe(6432);
    expect(grouped.tokens.cachedPromptTokens).toBe(3 * 1600);
  });

  it("a weight sync empties the cache: the next step prefills the group's prompt again", () => {
    // Two episodes of one group, one at a time. No sync: 1608 + 8. A sync after each episode: 2 × 1608.
    const workload = { ...baseInput({}).workload, episodes: 2, groupSize: 2 };
    const kept = run(baseInput({ workload }));
    const synced = run(baseInput({ workload, weightSync: { mode: "sync", episodesPerStep: 1 } }));
    expect(kept.prefilledTokens).toBe(1616);
    expect(synced.prefilledTokens).toBe(3216);
    expect(synced.steps).toHaveLength(2);
    expect(synced.steps[1]?.startSeconds).toBeGreaterThanOrEqual(synced.steps[0]?.endSeconds ?? Number.NaN);
  });

  it("a sync mid-episode (async RL) is named as the cause of the re-prefill it forces", () => {
    // Async, one step stale: episodes of the next step run while a step trains; each sync empties the
    // caches, so turns that resume after it prefill their history again. Without syncs nothing is lost.
    const workload = {
      ...baseInput({}).workload,
      episodes: 12,
      turns: constant(3),
      addedTokensPerTurn: constant(400),
      toolLatencySeconds: { kind: "uniform" as const, min: 0, max: 60 },
    };
    const synced = run(
      baseInput({
        workload,
        concurrency: 6,
        weightSync: { mode: "async", episodesPerStep: 2, staleSteps: 1 },
      }),
    );
    const unsynced = run(baseInput({ workload, concurrency: 6 }));
    expect(synced.reprefilledTokens.weightSync).toBeGreaterThan(0);
    expect(synced.reprefilledTokens.weightSync % 16).toBe(0);
    expect(synced.reprefilledTokens.evicted).toBe(0);
    expect(unsynced.reprefilledTokens.weightSync).toBe(0);
    expect(synced.steps).toHaveLength(6);
    expect(synced.prefilledTokens - unsynced.prefilledTokens).toBe(synced.reprefilledTokens.weightSync);
  });

  it("preempts the newest sequence when decode outgrows the KV cache, and recomputes it", () => {
    // Cache of 2400 tokens; two episodes of 1000 prompt + 1000 generated. The first prefills alone (the
    // second arrives while that step is planned), then decodes 1 token while the second prefills: 2001.
    // 199 steps together make 2001 + 2 × 199 = 2399; one more needs 2, so the newer is preempted: its own
    // 8 tokens past the 992 shared-prompt blocks and its 199 decoded tokens are lost (207).
    const result = run(
      baseInput({
        ...tinyCacheInput(2400),
        workload: {
          ...baseInput({}).workload,
          episodes: 2,
          initialPromptTokens: 1000,
          generatedTokensPerTurn: constant(1000),
        },
        concurrency: 2,
      }),
    );
    expect(result.preemptions).toBe(1);
    expect(result.reprefilledTokens.preempted).toBe(207);
    // Recomputed: 1000 + 1000 prompt, then the preempted one's lost context again, less what survived.
    expect(result.prefilledTokens).toBeGreaterThan(2000);
    expect(result.tokens.decodeTokens).toBe(2000);
  });

  it("is deterministic for a seed and changes with it", () => {
    const input = baseInput({
      workload: {
        ...baseInput({}).workload,
        episodes: 50,
        groupSize: 5,
        turns: { kind: "uniform", min: 1, max: 6 },
        addedTokensPerTurn: { kind: "uniform", min: 100, max: 3000 },
        generatedTokensPerTurn: { kind: "empirical", values: [50, 200, 800] },
        toolLatencySeconds: { kind: "uniform", min: 0, max: 30 },
      },
      concurrency: 16,
      replicas: 2,
      routing: "cache-aware",
    });
    const a = run(input);
    expect(run(input)).toEqual(a);
    expect(run({ ...input, seed: 8 }).wallClockSeconds).not.toBe(a.wallClockSeconds);
  });

  it.each([
    [{ replicas: 0 }, /replicas/],
    [{ concurrency: 1.5 }, /concurrency/],
    [
      { engine: { blockTokens: 16, tokenBudgetPerStep: 100, maxSequencesPerReplica: 256 } },
      /tokenBudgetPerStep/,
    ],
    [{ seed: -1 }, /seed/],
  ])("rejects %o naming the field", (override, message) => {
    expect(() => simulateRollout(baseInput(override))).toThrow(message);
  });

  it("says why when one episode cannot fit in a replica", () => {
    const result = simulateRollout(baseInput({ ...tinyCacheInput(1000) }));
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/does not fit/) });
  });
});

describe("PrefixCache eviction order", () => {
  it("evicts the least recently released entry first, from its tail, never a referenced one", () => {
    // 10 blocks of 16 = 160 tokens. A (64) released first, then B (48), then C (32): LRU order A, B, C.
    const cache = new PrefixCache(160, 16);
    const fill = (key: number, tokens: number) => {
      const entry = cache.acquire(key, 0);
      cache.resize(entry, tokens);
      return entry;
    };
    const a = fill(1, 64);
    const b = fill(2, 48);
    const c = fill(3, 32);
    cache.release(a);
    cache.release(b);
    cache.release(c);
    // Reuse A: it becomes the most recent (order B, C, A).
    cache.release(cache.acquire(1, 0));
    // 16 tokens free; 40 more needed: B loses ceil(40/16) = 3 blocks (48 → 0), C and A untouched.
    expect(cache.makeRoom(56)).toBe(true);
    expect([cache.tokens(1, 0), cache.tokens(2, 0), cache.tokens(3, 0)]).toEqual([64, 0, 32]);
    // Hold C; then 32 more needed: C is referenced, so A loses 2 blocks from its tail.
    const held = cache.acquire(3, 0);
    expect(cache.makeRoom(56 + 32)).toBe(true);
    expect([cache.tokens(1, 0), cache.tokens(3, 0)]).toEqual([32, 32]);
    expect(cache.lost.get(2)).toBe("evicted");
    cache.release(held);
    // A new weight version: an old entry reads as empty.
    expect(cache.tokens(1, 1)).toBe(0);
  });
});
