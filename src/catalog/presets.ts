import type { Preset } from "./schema.js";
import { REFERENCE_AS_OF, SOURCES } from "./sources.js";

const page = { source: SOURCES.referencePage, asOf: REFERENCE_AS_OF } as const;

/** `reference`: exactly the reference page's prices, defaults and saturated throughputs. */
export const REFERENCE_PRESET: Preset = {
  id: "reference",
  label: "The reference page's assumptions (rates of 2026-05-16)",
  perTokenPriceIds: [
    "tinker-2026-05-kimi-k2p6",
    "tinker-2026-05-kimi-k2p5",
    "tinker-2026-05-qwen3p5-397b",
    "tinker-2026-05-gpt-oss-120b",
  ],
  gpuPriceIds: [
    "fireworks-2026-05-h100",
    "fireworks-2026-05-h200",
    "fireworks-2026-05-b200",
    "fireworks-2026-05-b300",
  ],
  fallbackUsdPerGpuHour: 10,
  fallbackSource: `${SOURCES.referencePage}: $10/GPU-hour for any GPU type without a listed rate`,
  workloadDefaults: {
    modelId: "kimi-k2p6",
    episodes: 1000,
    turns: 8,
    initialPromptTokens: 8000,
    addedTokensPerTurn: 12000,
    generatedTokensPerTurn: 2000,
    ...page,
  },
  dedicatedDefaults: [
    {
      modelId: "kimi-k2p6",
      gpuType: "B300_288GB",
      gpus: 8,
      promptTokensPerSecond: 30000,
      decodeTokensPerSecond: 1500,
      ...page,
    },
    {
      modelId: "kimi-k2p5",
      gpuType: "B300_288GB",
      gpus: 8,
      promptTokensPerSecond: 30000,
      decodeTokensPerSecond: 1500,
      ...page,
    },
    {
      modelId: "qwen3p5-397b",
      gpuType: "B200_180GB",
      gpus: 8,
      promptTokensPerSecond: 20000,
      decodeTokensPerSecond: 1200,
      ...page,
    },
    {
      modelId: "gpt-oss-120b",
      gpuType: "H200_141GB",
      gpus: 4,
      promptTokensPerSecond: 25000,
      decodeTokensPerSecond: 2500,
      ...page,
    },
  ],
};

export const PRESETS: Preset[] = [REFERENCE_PRESET];
