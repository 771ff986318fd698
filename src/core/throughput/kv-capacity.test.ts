import { describe, expect, it } from "vitest";
import { ARCHITECTURES } from "../../catalog/architectures.js";
import { GPUS } from "../../catalog/gpus.js";
import { cacheSurvival } from "./cache-survival.js";
import { kvCapacity } from "./kv-capacity.js";
import { kvCopiesPerReplica } from "./kv-copies.js";

const arch = (id: string) => ARCHITECTURES.find((a) => a.id === id)!;
const gpu = (id: string) => GPUS.find((g) => g.id === id)!;
const replica = (id: string, gpus: number, dataParallelAttention = false) => ({
  gpu: gpu(id),
  gpus,
  dataParallelAttention,
});
const pageShape = {
  turns: 8,
  initialPromptTokens: 8000,
  addedTokensPerTurn: 12000,
  generatedTokensPerTurn: 2000,
};

describe("kvCopiesPerReplica(model, replica)", () => {
  it.each([
    ["kimi-k2p6", 8, false, 8], // MLA's one latent head: a copy on every rank
    ["kimi-k2p6", 8, true, 1], // data-parallel attention: each rank its own sequences
    ["qwen3p5-397b", 8, false, 4], // 2 KV heads over 8 ranks: each head on 4 ranks
    ["gpt-oss-120b", 4, false, 1], // 8 KV heads over 4 ranks split evenly
    ["llama-3.1-70b", 8, false, 1],
    ["llama-3.1-8b", 1, false, 1],
  ])("%s on %i GPUs (dp attention %s) keeps %i copies", (id, gpus, dp, copies) => {
    expect(kvCopiesPerReplica(arch(id), replica("H100_80GB", gpus, dp))).toBe(copies);
  });
});

describe("kvCapacity(model, replica, 0.9)", () => {
  it("leaves Llama-3.1-8B on one H100 (80 GB × 0.9 − 16.06 GB) ÷ 131,072 B = 426,784 tokens", () => {
    const capacity = kvCapacity(arch("llama-3.1-8b"), replica("H100_80GB", 1), 0.9);
    expect(capacity).toMatchObject({
      ok: true,
      maxCachedTokens: Math.floor((72e9 - 16_060_522_496) / 131_072),
    });
  });

  // Kimi's weights as served: experts (1.04T − 32.6B) ÷ 376 × 384 = 1,028,834,042,553 params at 4.5 bits
  // (578.72 GB), the other 11,165,957,447 params in bf16 (22.33 GB): 601.05 GB in all.
  it("gives Kimi K2.6 on 8 × B300 (288 × 0.9 − 601.05 ÷ 8 GB) per GPU, the latent copied 8 times", () => {
    const capacity = kvCapacity(arch("kimi-k2p6"), replica("B300_288GB", 8), 0.9);
    // 259.2 − 75.13 = 184.07 GB a GPU; × 8 ÷ (70,272 × 8) = 2,619,373 tokens.
    expect(capacity).toMatchObject({ ok: true, kvCopies: 8, maxCachedTokens: 2_619_373 });
  });

  it("holds 7.15× as many tokens with data-parallel attention (one KV copy, but a whole bf16 copy of the non-expert weights on every GPU)", () => {
    const tp = kvCapacity(arch("kimi-k2p6"), replica("B300_288GB", 8), 0.9);
    const dp = kvCapacity(arch("kimi-k2p6"), replica("B300_288GB", 8, true), 0.9);
    if (!tp.ok || !dp.ok) throw new Error("expected capacity");
    // Per GPU 259.2 − (22.33 + 578.72 ÷ 8 = 94.67) = 164.53 GB; × 8 ÷ 70,272 = 18,730,440 tokens.
    expect(dp.maxCachedTokens).toBe(18_730_440);
    expect(dp.maxCachedTokens / tp.maxCachedTokens).toBeCloseTo(7.151, 2);
  });

  it("says why when the weights do not fit: Llama-3.1-70B on one H100", () => {
    const capacity = kvCapacity(arch("llama-3.1-70b"), replica("H100_80GB", 1), 0.9);
    expect(capacity).toEqual({ ok: false, reason: expect.stringMatching(/weights need 141\.1 GB per GPU/) });
  });
});

describe("cacheSurvival(capacity, shape, inFlight)", () => {
  it("fits 27 of Kimi K2.6's page-default episodes on 8 × B300 (94,000 tokens × 562,176 B each)", () => {
    const capacity = kvCapacity(arch("kimi-k2p6"), replica("B300_288GB", 8), 0.9);
    if (!capacity.ok) throw new Error("expected capacity");
    // 1,463.6 GB ÷ (94,000 × 70,272 × 8 B = 52.84 GB) = 27.7 → 27.
    expect(cacheSurvival(capacity, pageShape, 27)).toMatchObject({
      peakContextTokens: 94_000,
      episodesWhoseCachesFit: 27,
      fits: true,
    });
    expect(cacheSurvival(capacity, pageShape, 28).fits).toBe(false);
  });

  it("counts Qwen3.5's fixed state per episode", () => {
    const capacity = kvCapacity(arch("qwen3p5-397b"), replica("B200_180GB", 8), 0.9);
    if (!capacity.ok) throw new Error("expected capacity");
    const survival = cacheSurvival(capacity, pageShape, 1);
    expect(survival.bytesPerEpisodeAtPeak).toBe(94_000 * 30_720 * 4 + capacity.fixedBytesPerSequence);
  });
});
