import type { Preset } from "./schema.js";
import { REFERENCE_AS_OF, SOURCES } from "./sources.js";

const page = { source: SOURCES.referencePage, asOf: REFERENCE_AS_OF } as const;

/** `reference`: exactly the Fireworks page's prices, defaults and saturated throughputs. */
export const REFERENCE_PRESET: Preset = {
  id: "reference",
  label: "The Fireworks page's assumptions (rates of 2026-05-16)",
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
  contextPolicy: {
    policy: "ignore",
    source: `${SOURCES.referencePage}: the context grows without limit`,
  },
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

/**
 * `current`: the newest dated figures in the catalog, every rate card offered as a plan. `estimate`
 * (the page's two-plan comparison, flat rates) bills Tinker at the 2026-05 card's long-context tier,
 * the tier of the model labels, and GPUs at Fireworks' list of 2026-10-07.
 */
export const CURRENT_PRESET: Preset = {
  id: "current",
  label: "The newest dated figures in the catalog (rate cards of 2026-05 to 2026-11)",
  perTokenPriceIds: [
    "tinker-2026-05-kimi-k2p6-128k",
    "tinker-2026-05-kimi-k2p5-128k",
    "tinker-2026-05-qwen3p5-397b-256k",
    "tinker-2026-05-gpt-oss-120b-128k",
    "tinker-2026-05-llama-3.1-8b",
    "tinker-2026-05-llama-3.1-70b",
  ],
  gpuPriceIds: [
    "fireworks-2026-10-h100",
    "fireworks-2026-10-h200",
    "fireworks-2026-10-b200",
    "fireworks-2026-10-b300",
    "fireworks-2026-10-gb300",
  ],
  contextPolicy: {
    policy: "stop",
    source:
      "rollout-cost's choice, not a figure: with the newest prices an episode ends at the last turn that fits the model's window (switch it with --context-policy)",
  },
  fallbackUsdPerGpuHour: REFERENCE_PRESET.fallbackUsdPerGpuHour,
  fallbackSource: REFERENCE_PRESET.fallbackSource,
  workloadDefaults: REFERENCE_PRESET.workloadDefaults,
  // The page's saturated throughputs are the only dedicated throughputs the catalog has.
  dedicatedDefaults: REFERENCE_PRESET.dedicatedDefaults,
  cardIds: [
    "tinker-2026-10",
    "tinker-2026-05",
    "fireworks-serverless",
    "fireworks-2026-10",
    "fireworks-rft",
    "fireworks-2026-05",
  ],
};

export const PRESETS: Preset[] = [REFERENCE_PRESET, CURRENT_PRESET];

/** The preset used when none is named: the Fireworks page's, so its users see its figures first. */
export const DEFAULT_PRESET_ID = REFERENCE_PRESET.id;
