import type { Card, Discount } from "./schema.js";
import { GATHERED_AS_OF, REFERENCE_AS_OF, SOURCES, TINKER_2026_10_AS_OF } from "./sources.js";

/** Rate cards: a provider's prices on one date; per-token entries and GPU rates name their card. */
export const CARDS: Card[] = [
  {
    id: "tinker-2026-10",
    kind: "per-token",
    label: "Tinker 2026-10, cached prefill 80% off",
    provider: "Tinker",
    source: SOURCES.tinker202610,
    asOf: TINKER_2026_10_AS_OF,
  },
  {
    id: "tinker-2026-05",
    kind: "per-token",
    label: "Tinker 2026-05, no cross-turn cache",
    provider: "Tinker",
    source: SOURCES.tinker202605,
    asOf: REFERENCE_AS_OF,
  },
  {
    id: "fireworks-serverless",
    kind: "per-token",
    label: "Fireworks serverless, cached input",
    provider: "Fireworks",
    source: SOURCES.fireworksServerless,
    asOf: GATHERED_AS_OF,
  },
  {
    id: "fireworks-2026-10",
    kind: "gpu-hour",
    label: "Fireworks Dedicated, list of 2026-10-07",
    provider: "Fireworks",
    source: SOURCES.fireworks202610,
    asOf: "2026-10-07",
  },
  {
    id: "fireworks-rft",
    kind: "gpu-hour",
    label: "Fireworks Dedicated, RFT estimator rates",
    provider: "Fireworks",
    source: SOURCES.fireworksRft,
    asOf: GATHERED_AS_OF,
  },
  {
    id: "fireworks-2026-05",
    kind: "gpu-hour",
    label: "Fireworks Dedicated, the Fireworks page's rates",
    provider: "Fireworks",
    source: SOURCES.fireworksPricing,
    asOf: REFERENCE_AS_OF,
  },
];

/** Discounts a card states as a rule (used where the card's own figure for a model is missing). */
export const DISCOUNTS: Discount[] = [
  {
    id: "tinker-2026-10-cached-prefill",
    label: "Tinker rate card of 2026-10-07",
    fractionOff: 0.8,
    source: SOURCES.tinker202610,
    asOf: TINKER_2026_10_AS_OF,
  },
];
