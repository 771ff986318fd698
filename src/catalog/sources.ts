/** The public pages the catalog's figures were read from, named once. */
export const SOURCES = {
  referencePage:
    "the Fireworks page 'Price comparison vs Tinker', https://docs.fireworks.ai/fine-tuning/multi-turn-cost-comparison (constants verified 2026-05-16)",
  tinkerPricing: "https://thinkingmachines.ai/tinker (as quoted by the Fireworks page)",
  fireworksPricing: "https://fireworks.ai/pricing (as quoted by the Fireworks page)",
  tinker202605:
    "Tinker rate card May-Jun 2026, as transcribed in https://github.com/OpenPipe/ART/blob/main/src/art/costs.py",
  tinker202610:
    "Tinker rate card 2026-10-07, as transcribed in https://github.com/api-evangelist/thinking-machines/blob/main/plans/thinking-machines-plans-pricing.yml " +
    "and https://tangled.org/cameron.stream/machine (src/pricing.ts)",
  fireworksServerless: "https://docs.fireworks.ai/serverless/pricing (read 2026-11)",
  fireworks202610: "https://fireworks.ai/pricing, as transcribed on 2026-10-07",
  fireworksRft:
    "Fireworks' RFT cost estimator (read 2026-11, undated; its address was not recorded, so this figure cannot be re-checked: prefer the other lists)",
  llamaModels: "https://github.com/meta-llama/llama-models/blob/main/models/llama3_1/api/sku_list.py",
} as const;

/** The date the Fireworks page says its rates were last verified. */
export const REFERENCE_AS_OF = "2026-05-16";

/** Tinker's rate card that added the cached-prefill discount. */
export const TINKER_2026_10_AS_OF = "2026-10-07";

/**
 * Figures gathered in 2026-11 from stored public pages that carry no date of their own; the day was not
 * recorded, so the first of the month stands for it.
 */
export const GATHERED_AS_OF = "2026-11-01";
