import type { EpisodeLedger } from "./turn-ledger.js";
import type { WorkloadTokens } from "./workload-tokens.js";

/** The workload's tokens when every one of `episodes` episodes follows `ledger`. */
export function workloadTokensFromLedger(ledger: EpisodeLedger, episodes: number): WorkloadTokens {
  return {
    episodes,
    promptTokens: ledger.promptTokens * episodes,
    cachedPromptTokens: ledger.cachedPromptTokens * episodes,
    decodeTokens: ledger.decodeTokens * episodes,
    peakContextTokens: ledger.peakContextTokens,
  };
}
