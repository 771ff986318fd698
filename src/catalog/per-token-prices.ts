import type { PerTokenPrice } from "./schema.js";
import { REFERENCE_AS_OF, SOURCES } from "./sources.js";

const reference = { provider: "Tinker", source: SOURCES.tinkerPricing, asOf: REFERENCE_AS_OF } as const;

/** Per-token prices in $ per 1M tokens. */
export const PER_TOKEN_PRICES: PerTokenPrice[] = [
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
];
