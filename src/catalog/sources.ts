/** The public pages the catalog's figures were read from, named once. */
export const SOURCES = {
  referencePage:
    "Fireworks docs, 'Price comparison vs Tinker' (multi-turn cost calculator), constants verified 2026-05-16",
  tinkerPricing: "https://thinkingmachines.ai/tinker (as quoted by the reference page)",
  fireworksPricing: "https://fireworks.ai/pricing (as quoted by the reference page)",
  tinker202605:
    "Tinker rate card May-Jun 2026, third-party transcription (OpenPipe ART src/art/costs.py); DATA.md §2",
  tinker202610:
    "Tinker rate card 2026-10-07 (api-evangelist/thinking-machines plans/thinking-machines-plans-pricing.yml; " +
    "tangled.org/cameron.stream/machine src/pricing.ts); DATA.md §2",
  fireworksServerless: "https://docs.fireworks.ai/serverless/pricing (read 2026-11); DATA.md §2",
  fireworks202610: "transcription of https://fireworks.ai/pricing dated 2026-10-07; DATA.md §2",
  fireworksRft: "Fireworks' RFT cost estimator page (read 2026-11, undated); DATA.md §2",
  llamaModels: "meta-llama/llama-models models/llama3_1/api/sku_list.py; DATA.md §3",
} as const;

/** The date the reference page says its rates were last verified. */
export const REFERENCE_AS_OF = "2026-05-16";

/** Tinker's rate card that added the cached-prefill discount. */
export const TINKER_2026_10_AS_OF = "2026-10-07";

/**
 * DATA.md's figures were gathered in 2026-11 from stored pages that carry no date of their own; the day
 * was not recorded, so the first of the month stands for it.
 */
export const GATHERED_AS_OF = "2026-11-01";
