// A plan's $ per 1M tokens as the CLI table and the page both print it.
import type { RatesPerMillion } from "../scenario/effective-rates.js";

function rateText(usd: number): string {
  return Number.isFinite(usd) ? `$${usd.toFixed(2)}` : "—";
}

/** "$1.11 · $18.52*": prefilled prompt · generated, starred when a dedicated plan's GPU-hours give them. */
export function ratesText(rates: RatesPerMillion | undefined): string {
  if (!rates) return "";
  return `${rateText(rates.prompt)} · ${rateText(rates.generated)}${rates.from === "GPU-hours" ? "*" : ""}`;
}
