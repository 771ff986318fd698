const TOKENS_PER_MILLION = 1_000_000;

/** Per-token rates in $ per 1M tokens. */
export interface PerTokenRates {
  usdPerMillionPrefill: number;
  usdPerMillionSample: number;
}

/** $ for one episode billed per token with no cross-turn cache: every prompt token at the prefill rate. */
export function perTokenEpisodeCostUsd(
  tokens: { promptTokens: number; decodeTokens: number },
  rates: PerTokenRates,
): number {
  return (
    (tokens.promptTokens / TOKENS_PER_MILLION) * rates.usdPerMillionPrefill +
    (tokens.decodeTokens / TOKENS_PER_MILLION) * rates.usdPerMillionSample
  );
}
