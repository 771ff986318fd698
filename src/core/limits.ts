/**
 * The input ranges every surface accepts. The Fireworks page caps episodes at 10^7 and turns at 200;
 * token counts are capped at 10^7 so that every product the engine forms stays an exact double; GPU counts
 * only need to be positive integers (at-par GPU counts can be large for tiny workloads). Throughputs have a
 * floor so that every accepted input gives finite figures: the largest workload these limits allow
 * (about 2·10^18 prompt tokens) at 0.001 tok/s is about 6·10^17 hours, far inside a double.
 */
export const LIMITS = {
  episodes: { min: 1, max: 10_000_000 },
  turns: { min: 1, max: 200 },
  tokens: { min: 0, max: 10_000_000 },
  gpus: { min: 1, max: 1_000_000_000_000 },
  tokensPerSecond: { min: 0.001, max: 1_000_000_000_000 },
  usd: { max: 1_000_000 },
  hours: { max: 1_000_000 },
} as const;
