import type { PerTokenPrice } from "./schema.js";
import { GATHERED_AS_OF, REFERENCE_AS_OF, SOURCES, TINKER_2026_10_AS_OF } from "./sources.js";

const reference = { provider: "Tinker", source: SOURCES.tinkerPricing, asOf: REFERENCE_AS_OF } as const;
// The May-Jun 2026 card's transcription agrees with the page's figures for the long-context tier; it is
// dated by the day the page verified that card.
const tinker202605 = {
  provider: "Tinker",
  card: "tinker-2026-05",
  source: SOURCES.tinker202605,
  asOf: REFERENCE_AS_OF,
} as const;
const tinker202610 = {
  provider: "Tinker",
  card: "tinker-2026-10",
  source: SOURCES.tinker202610,
  asOf: TINKER_2026_10_AS_OF,
} as const;
const serverless = {
  provider: "Fireworks",
  card: "fireworks-serverless",
  source: SOURCES.fireworksServerless,
  asOf: GATHERED_AS_OF,
} as const;

// Context tiers read as decimal thousands ("32K" = 32,000 tokens), as models.ts reads the page's labels.
const tier = (thousands: number) => ({ contextTierTokens: thousands * 1000 });

/** Per-token prices in $ per 1M tokens. */
export const PER_TOKEN_PRICES: PerTokenPrice[] = [
  // The Fireworks page's quote (preset `reference`): one flat rate, no cached rate, no train rate.
  {
    id: "tinker-2026-05-kimi-k2p6",
    modelId: "kimi-k2p6",
    usdPerMillionPrefill: 5.15,
    usdPerMillionSample: 12.81,
    ...reference,
  },
  {
    id: "tinker-2026-05-kimi-k2p5",
    modelId: "kimi-k2p5",
    usdPerMillionPrefill: 5.15,
    usdPerMillionSample: 12.81,
    ...reference,
  },
  {
    id: "tinker-2026-05-qwen3p5-397b",
    modelId: "qwen3p5-397b",
    usdPerMillionPrefill: 4.0,
    usdPerMillionSample: 10.0,
    ...reference,
  },
  {
    id: "tinker-2026-05-gpt-oss-120b",
    modelId: "gpt-oss-120b",
    usdPerMillionPrefill: 0.63,
    usdPerMillionSample: 1.54,
    ...reference,
  },
  // Tinker's May-Jun 2026 card: base and long-context tiers, with train rates.
  ...(["kimi-k2p6", "kimi-k2p5"] as const).flatMap((modelId) => [
    {
      id: `tinker-2026-05-${modelId}-32k`,
      modelId,
      usdPerMillionPrefill: 1.47,
      usdPerMillionSample: 3.66,
      usdPerMillionTrain: 4.4,
      ...tier(32),
      ...tinker202605,
    },
    {
      id: `tinker-2026-05-${modelId}-128k`,
      modelId,
      usdPerMillionPrefill: 5.15,
      usdPerMillionSample: 12.81,
      usdPerMillionTrain: 15.4,
      ...tier(128),
      ...tinker202605,
    },
  ]),
  {
    id: "tinker-2026-05-qwen3p5-397b-64k",
    modelId: "qwen3p5-397b",
    usdPerMillionPrefill: 2.0,
    usdPerMillionSample: 5.0,
    usdPerMillionTrain: 6.0,
    ...tier(64),
    ...tinker202605,
  },
  {
    id: "tinker-2026-05-qwen3p5-397b-256k",
    modelId: "qwen3p5-397b",
    usdPerMillionPrefill: 4.0,
    usdPerMillionSample: 10.0,
    usdPerMillionTrain: 12.0,
    ...tier(256),
    ...tinker202605,
  },
  {
    id: "tinker-2026-05-gpt-oss-120b-32k",
    modelId: "gpt-oss-120b",
    usdPerMillionPrefill: 0.18,
    usdPerMillionSample: 0.44,
    usdPerMillionTrain: 0.52,
    ...tier(32),
    ...tinker202605,
  },
  {
    id: "tinker-2026-05-gpt-oss-120b-128k",
    modelId: "gpt-oss-120b",
    usdPerMillionPrefill: 0.63,
    usdPerMillionSample: 1.54,
    usdPerMillionTrain: 1.82,
    ...tier(128),
    ...tinker202605,
  },
  {
    id: "tinker-2026-05-llama-3.1-8b",
    modelId: "llama-3.1-8b",
    usdPerMillionPrefill: 0.13,
    usdPerMillionSample: 0.4,
    usdPerMillionTrain: 0.4,
    ...tinker202605,
  },
  {
    id: "tinker-2026-05-llama-3.1-70b",
    modelId: "llama-3.1-70b",
    usdPerMillionPrefill: 1.05,
    usdPerMillionSample: 3.16,
    usdPerMillionTrain: 3.16,
    ...tinker202605,
  },
  // Tinker's 2026-10-07 card: cached prefill at 80% off. Only these models' figures were transcribed.
  {
    id: "tinker-2026-10-qwen3p5-397b-64k",
    modelId: "qwen3p5-397b",
    usdPerMillionPrefill: 3.0,
    usdPerMillionCachedPrefill: 0.6,
    usdPerMillionSample: 7.5,
    usdPerMillionTrain: 6.6,
    ...tier(64),
    ...tinker202610,
  },
  {
    id: "tinker-2026-10-gpt-oss-120b",
    modelId: "gpt-oss-120b",
    usdPerMillionPrefill: 0.33,
    // No cached figure was transcribed for GPT-OSS; 0.066 is the card's stated rule (80% off 0.33).
    usdPerMillionCachedPrefill: 0.066,
    usdPerMillionSample: 0.84,
    usdPerMillionTrain: 0.737,
    ...tinker202610,
    source: `${SOURCES.tinker202610}; cached prefill = 20% of prefill by the card's 80% discount rule`,
  },
  // Fireworks serverless: input / cached input / output.
  {
    id: "fireworks-serverless-kimi-k2p6",
    modelId: "kimi-k2p6",
    usdPerMillionPrefill: 0.95,
    usdPerMillionCachedPrefill: 0.16,
    usdPerMillionSample: 4.0,
    ...serverless,
  },
  {
    id: "fireworks-serverless-kimi-k2p5",
    modelId: "kimi-k2p5",
    usdPerMillionPrefill: 0.6,
    usdPerMillionCachedPrefill: 0.1,
    usdPerMillionSample: 3.0,
    ...serverless,
  },
  {
    id: "fireworks-serverless-gpt-oss-120b",
    modelId: "gpt-oss-120b",
    usdPerMillionPrefill: 0.15,
    usdPerMillionCachedPrefill: 0.015,
    usdPerMillionSample: 0.6,
    ...serverless,
  },
];
