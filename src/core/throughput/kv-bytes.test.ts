import { describe, expect, it } from "vitest";
import { ARCHITECTURES } from "../../catalog/architectures.js";
import { attentionFlopsPerAttendedToken, linearFlopsPerToken } from "./flops.js";
import { fixedBytesPerSequence, kvBytesPerToken, slidingWindowBytesPerSequence } from "./kv-bytes.js";

const arch = (id: string) => {
  const found = ARCHITECTURES.find((a) => a.id === id);
  if (!found) throw new Error(`no architecture ${id}`);
  return found;
};

describe("kvBytesPerToken(model)", () => {
  // DATA.md §3, each worked by hand:
  //   Kimi K2.x: 61 layers × (512 latent + 64 rope) × 2 B                = 70,272
  //   Qwen3.5-397B: 15 attention layers × 2 (K,V) × 2 heads × 256 × 2 B  = 30,720
  //   GPT-OSS-120B: 18 full layers × 2 × 8 heads × 64 × 2 B              = 36,864
  //   Llama-3.1-8B: 32 × 2 × 8 × 128 × 2 B                               = 131,072
  //   Llama-3.1-70B: 80 × 2 × 8 × 128 × 2 B                              = 327,680
  it.each([
    ["kimi-k2p6", 70_272],
    ["kimi-k2p5", 70_272],
    ["qwen3p5-397b", 30_720],
    ["gpt-oss-120b", 36_864],
    ["llama-3.1-8b", 131_072],
    ["llama-3.1-70b", 327_680],
  ])("reproduces DATA.md §3 for %s: %i bytes", (id, bytes) => {
    expect(kvBytesPerToken(arch(id))).toBe(bytes);
  });
});

describe("fixedBytesPerSequence(model)", () => {
  it("gives GPT-OSS 18 layers × 128 tokens × 2,048 B = 4,718,592 B of sliding-window KV (DATA.md: ≤4.7 MB)", () => {
    expect(slidingWindowBytesPerSequence(arch("gpt-oss-120b"))).toBe(4_718_592);
  });

  it("gives Qwen3.5 about 192 MB of Gated DeltaNet state (DATA.md §3)", () => {
    expect(fixedBytesPerSequence(arch("qwen3p5-397b")) / 1e6).toBeCloseTo(192, 0);
  });

  it("is 0 for a model whose every layer caches every token", () => {
    expect(fixedBytesPerSequence(arch("llama-3.1-8b"))).toBe(0);
  });
});

describe("attentionFlopsPerAttendedToken(model)", () => {
  // 2 × layers × query heads × (q·k width + p·v width): DATA.md §3 gives 0.52M, 2.6M, 0.29M, 0.49M, 2.5M.
  it.each([
    ["llama-3.1-8b", 0.52e6],
    ["llama-3.1-70b", 2.6e6],
    ["gpt-oss-120b", 0.29e6],
    ["qwen3p5-397b", 0.49e6],
    ["kimi-k2p6", 2.5e6],
  ])("matches DATA.md §3 for %s within 2%%", (id, flops) => {
    expect(Math.abs(attentionFlopsPerAttendedToken(arch(id)) / flops - 1)).toBeLessThan(0.02);
  });

  it("counts MLA's absorbed decode form (latent 512 + 64 keys, 512 values) above its prefill form", () => {
    // 2 × 61 × 64 × (512 + 64 + 512) = 8,495,104 against 2 × 61 × 64 × (128 + 64 + 128) = 2,498,560.
    expect(attentionFlopsPerAttendedToken(arch("kimi-k2p6"), "decode")).toBe(8_495_104);
    expect(attentionFlopsPerAttendedToken(arch("kimi-k2p6"), "prefill")).toBe(2_498_560);
  });
});

describe("linearFlopsPerToken(model)", () => {
  it("is 2 × active params less the untied input embedding: 2 × (8.03B − 0.525B) for Llama-3.1-8B", () => {
    expect(linearFlopsPerToken(arch("llama-3.1-8b"))).toBe(2 * (8_030_261_248 - 128_256 * 4_096));
  });
});
