/** The public pages the catalog's figures were read from, named once. */
export const SOURCES = {
  referencePage:
    "Fireworks docs, 'Price comparison vs Tinker' (multi-turn cost calculator), constants verified 2026-05-16",
  tinkerPricing: "https://thinkingmachines.ai/tinker (as quoted by the reference page)",
  fireworksPricing: "https://fireworks.ai/pricing (as quoted by the reference page)",
} as const;

/** The date the reference page says its rates were last verified. */
export const REFERENCE_AS_OF = "2026-05-16";
