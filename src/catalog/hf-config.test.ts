import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { attentionFlopsPerAttendedToken } from "../core/throughput/flops.js";
import { fixedBytesPerSequence, kvBytesPerToken } from "../core/throughput/kv-bytes.js";
import { ARCHITECTURES } from "./architectures.js";
import { architectureFromHfConfig } from "./hf-config.js";

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../../test/fixtures/hf-configs/${name}.json`, import.meta.url), "utf8"));

function read(json: unknown) {
  const result = architectureFromHfConfig(json, "config.json");
  if (!result.ok) throw new Error(result.reason);
  return result.architecture;
}

describe("architectureFromHfConfig(config.json)", () => {
  // Each config reproduces the catalog entry's KV bytes per token (DATA.md §3) and lands within 3% of its
  // parameter totals; the configs are trimmed copies of the published ones.
  it.each([
    ["llama-3.1-8b", "llama-3.1-8b"],
    ["llama-3.1-70b", "llama-3.1-70b"],
    ["kimi-k2", "kimi-k2p6"],
    ["gpt-oss-120b", "gpt-oss-120b"],
    ["qwen3.5-397b-a17b", "qwen3p5-397b"],
  ])("reads %s like the catalog's %s", (file, id) => {
    const fromConfig = read(fixture(file));
    const catalog = ARCHITECTURES.find((a) => a.id === id)!;
    expect(kvBytesPerToken(fromConfig)).toBe(kvBytesPerToken(catalog));
    expect(attentionFlopsPerAttendedToken(fromConfig)).toBe(attentionFlopsPerAttendedToken(catalog));
    expect(Math.abs(fromConfig.paramsTotal / catalog.paramsTotal - 1)).toBeLessThan(0.03);
    expect(Math.abs(fixedBytesPerSequence(fromConfig) - fixedBytesPerSequence(catalog))).toBe(0);
  });

  // Shapes the catalog does not hold, each KV figure worked by hand.
  it.each([
    ["deepseek-v2-lite", 31_104, "27 MLA layers × (512 + 64) × 2 B; q_lora_rank null"],
    ["gemma-3-27b", 81_920, "62 layers, every 6th global: 10 × 2 × 16 heads × 128 × 2 B (52 sliding)"],
    ["qwen3-30b-a3b", 98_304, "48 × 2 × 4 heads × 128 × 2 B"],
    ["mistral-7b-v0.1", 131_072, "a window on every layer is read as full attention: 32 × 2 × 8 × 128 × 2 B"],
    ["qwen2.5-0.5b", 12_288, "24 × 2 × 2 heads × 64 × 2 B"],
    ["mixtral-8x7b", 131_072, "32 × 2 × 8 × 128 × 2 B"],
  ])("reads %s: %i KV bytes per token (%s)", (file, bytes) => {
    expect(kvBytesPerToken(read(fixture(file)))).toBe(bytes);
  });

  it("reads Gemma 2's unstated alternation: half the layers sliding", () => {
    const config = {
      model_type: "gemma2",
      num_hidden_layers: 42,
      hidden_size: 3584,
      num_attention_heads: 16,
      num_key_value_heads: 8,
      head_dim: 256,
      intermediate_size: 14336,
      vocab_size: 256000,
      sliding_window: 4096,
    };
    expect(read(config)).toMatchObject({
      attention: { layers: 21 },
      slidingWindow: { layers: 21, windowTokens: 4096 },
    });
  });

  it("follows text_config and counts Qwen3.5's 45 linear-attention layers", () => {
    const model = read(fixture("qwen3.5-397b-a17b"));
    expect(model.linearAttention).toEqual({ layers: 45, stateBytesPerSequence: 192_061_440 });
    expect(model.attention).toMatchObject({ kind: "gqa", layers: 15, kvHeads: 2, headDim: 256 });
  });

  it("reads GPT-OSS's layer_types as 18 full and 18 sliding layers of 128 tokens, MXFP4 experts", () => {
    const model = read(fixture("gpt-oss-120b"));
    expect(model.slidingWindow).toEqual({ layers: 18, windowTokens: 128 });
    expect(model.weightBytes / 1e9).toBeCloseTo(65, 0);
  });

  it("reads Mixtral's experts: 46.7B total, 12.9B active", () => {
    const model = read(fixture("mixtral-8x7b"));
    expect(model.moe).toEqual({ experts: 8, expertsPerToken: 2, layers: 32 });
    expect(model.paramsTotal / 1e9).toBeCloseTo(46.7, 1);
    expect(model.paramsActive / 1e9).toBeCloseTo(12.9, 1);
  });

  it("counts a tied embedding once and as the output head, not as a look-up (Qwen2.5-0.5B)", () => {
    const model = read(fixture("qwen2.5-0.5b"));
    expect(model.inputEmbeddingParams).toBe(0);
    expect(model.paramsTotal / 1e6).toBeCloseTo(494, -1);
    expect(kvBytesPerToken(model)).toBe(24 * 2 * 2 * 64 * 2);
  });

  it("reads an FP8 checkpoint as 1 byte a weight, computed at the FP8 peak (Kimi K2)", () => {
    const model = read(fixture("kimi-k2"));
    expect(model.computePrecision).toBe("fp8");
    expect(model.weightBytes).toBe(model.paramsTotal);
  });

  it.each([
    ["fp8 (DeepSeek/Kimi K2 block FP8)", { quant_method: "fp8" }, { dense: "fp8", experts: "fp8" }],
    ["mxfp4 (gpt-oss)", { quant_method: "mxfp4" }, { dense: "bf16", experts: "mxfp4" }],
    [
      "ModelOpt NVFP4 with an FP8 KV cache (nvidia/*-FP4)",
      { quant_method: "modelopt", quant_algo: "NVFP4", kv_cache_quant_algo: "FP8" },
      { dense: "nvfp4", experts: "nvfp4", kv: "fp8" },
    ],
    [
      "compressed-tensors 4-bit on a MoE (Kimi K2.5)",
      { quant_method: "compressed-tensors", config_groups: { g: { weights: { num_bits: 4 } } } },
      { dense: "bf16", experts: "int4" },
    ],
  ])("reads quantization_config %s into weight and KV formats", (_, quant, formats) => {
    const result = architectureFromHfConfig({ ...fixture("mixtral-8x7b"), quantization_config: quant });
    if (!result.ok) throw new Error(result.reason);
    expect(result.precision).toEqual({ kv: undefined, ...formats });
  });

  it.each([
    [
      "a missing field",
      (c: Record<string, unknown>) => delete c.num_hidden_layers,
      /^num_hidden_layers is missing/,
    ],
    [
      "a string for a number",
      (c: Record<string, unknown>) => (c.num_attention_heads = "32"),
      /^num_attention_heads must be an integer .* got "32"/,
    ],
    [
      "a negative width",
      (c: Record<string, unknown>) => (c.hidden_size = -4096),
      /^hidden_size must be an integer/,
    ],
    ["a fraction", (c: Record<string, unknown>) => (c.vocab_size = 1.5), /^vocab_size must be an integer/],
    [
      "more KV heads than heads",
      (c: Record<string, unknown>) => (c.num_key_value_heads = 64),
      /^num_key_value_heads 64/,
    ],
    [
      "a bad tie flag",
      (c: Record<string, unknown>) => (c.tie_word_embeddings = "no"),
      /^tie_word_embeddings must be true or false/,
    ],
  ])("names the field for %s", (_, mutate, message) => {
    const config = fixture("llama-3.1-8b");
    mutate(config);
    expect(architectureFromHfConfig(config)).toEqual({ ok: false, reason: expect.stringMatching(message) });
  });

  it("names the nested path when the field is inside text_config", () => {
    const config = fixture("qwen3.5-397b-a17b");
    delete (config.text_config as Record<string, unknown>).num_attention_heads;
    expect(architectureFromHfConfig(config)).toEqual({
      ok: false,
      reason: "text_config.num_attention_heads is missing from config.json",
    });
  });

  it("rejects what is not an object", () => {
    expect(architectureFromHfConfig([1, 2])).toEqual({
      ok: false,
      reason: "config.json must be a JSON object",
    });
  });
});

describe("architectureFromHfConfig (fuzz)", () => {
  const files = [
    "llama-3.1-8b",
    "mixtral-8x7b",
    "kimi-k2",
    "gpt-oss-120b",
    "qwen3.5-397b-a17b",
    "qwen2.5-0.5b",
  ];

  it("never throws: a damaged config gives finite figures or a reason naming a config field", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...files),
        fc.array(fc.tuple(fc.nat(), fc.oneof(fc.constant(undefined), fc.jsonValue())), {
          minLength: 1,
          maxLength: 3,
        }),
        (file, edits) => {
          const config = fixture(file);
          const target = (config.text_config as Record<string, unknown> | undefined) ?? config;
          const keys = Object.keys(target);
          for (const [index, value] of edits) {
            const key = keys[index % keys.length] as string;
            if (value === undefined) delete target[key];
            else target[key] = value;
          }
          const result = architectureFromHfConfig(config);
          if (result.ok) {
            const model = result.architecture;
            for (const n of [
              model.paramsTotal,
              model.paramsActive,
              model.weightBytes,
              kvBytesPerToken(model),
              fixedBytesPerSequence(model),
            ]) {
              expect(Number.isFinite(n)).toBe(true);
              expect(n).toBeGreaterThanOrEqual(0);
            }
          } else {
            const named =
              keys.some((key) => result.reason.includes(key)) ||
              /config\.json|layer_types/.test(result.reason);
            expect(named).toBe(true);
          }
        },
      ),
      { seed: 42, numRuns: 400 },
    );
  });

  it("never throws on arbitrary JSON", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        const result = architectureFromHfConfig(json);
        expect(typeof result.ok).toBe("boolean");
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});
