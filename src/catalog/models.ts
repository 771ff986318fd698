import type { Model } from "./schema.js";
import { GATHERED_AS_OF, REFERENCE_AS_OF, SOURCES } from "./sources.js";

// The Fireworks page names each model with its window at Tinker's price tier ("128K", "256K"). Those
// labels are read as decimal thousands, so the page's default shape (8,000 + 10 × 12,000 = 128,000
// tokens of prompt at turn 11, plus 2,000 generated) passes the window at 11 turns, as BRIEF.md says.
const tier = `${SOURCES.referencePage}: the model label's context tier`;
// Llama-3.1's window is 128 Ki tokens, from Meta's model list, not from a price tier.
const llama = { contextWindowTokens: 131_072, source: SOURCES.llamaModels, asOf: GATHERED_AS_OF } as const;

export const MODELS: Model[] = [
  {
    id: "kimi-k2p6",
    aliases: ["kimi-k2.6", "kimi-k2-6", "moonshotai/Kimi-K2.6", "accounts/fireworks/models/kimi-k2p6"],
    label: "Kimi K2.6 (128K)",
    contextWindowTokens: 128_000,
    source: tier,
    asOf: REFERENCE_AS_OF,
  },
  {
    id: "kimi-k2p5",
    aliases: ["kimi-k2.5", "kimi-k2-5", "moonshotai/Kimi-K2.5", "accounts/fireworks/models/kimi-k2p5"],
    label: "Kimi K2.5 (128K)",
    contextWindowTokens: 128_000,
    source: tier,
    asOf: REFERENCE_AS_OF,
  },
  {
    id: "qwen3p5-397b",
    aliases: [
      "qwen3.5-397b",
      "qwen3.5-397b-a17b",
      "Qwen/Qwen3.5-397B-A17B",
      "accounts/fireworks/models/qwen3p5-397b-a17b",
    ],
    label: "Qwen3.5-397B-A17B (256K)",
    contextWindowTokens: 256_000,
    source: tier,
    asOf: REFERENCE_AS_OF,
  },
  {
    id: "gpt-oss-120b",
    aliases: ["openai/gpt-oss-120b", "accounts/fireworks/models/gpt-oss-120b"],
    label: "GPT-OSS-120B (128K)",
    contextWindowTokens: 128_000,
    source: tier,
    asOf: REFERENCE_AS_OF,
  },
  {
    id: "llama-3.1-8b",
    label: "Llama-3.1-8B (128K)",
    aliases: ["llama3.1-8b", "meta-llama/Llama-3.1-8B", "meta-llama/Llama-3.1-8B-Instruct"],
    ...llama,
  },
  {
    id: "llama-3.1-70b",
    label: "Llama-3.1-70B (128K)",
    aliases: ["llama3.1-70b", "meta-llama/Llama-3.1-70B", "meta-llama/Llama-3.1-70B-Instruct"],
    ...llama,
  },
];
