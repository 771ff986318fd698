// An independent transcription of the reference page's arithmetic, used only as a test oracle.
// Variable names follow the page's formulas (T, P1, Δ, G), not the engine's, so a slip in one shows.

export interface OracleInput {
  episodes: number;
  T: number;
  P1: number;
  delta: number;
  G: number;
  prefillPerM: number;
  samplePerM: number;
  gpus: number;
  gpuRate: number;
  promptTps: number;
  decodeTps: number;
}

export function pageOracle(x: OracleInput) {
  const summed = x.T * x.P1 + (x.delta * (x.T * (x.T - 1))) / 2;
  const finalCtx = x.P1 + (x.T - 1) * x.delta;
  const decode = x.T * x.G;
  const cached = Math.max(0, summed - finalCtx);
  const tinkerEp = (summed / 1e6) * x.prefillPerM + (decode / 1e6) * x.samplePerM;
  const tinkerTotal = tinkerEp * x.episodes;
  const uncachedTotal = finalCtx * x.episodes;
  const decodeTotal = decode * x.episodes;
  const busy = Math.max(uncachedTotal / x.promptTps, decodeTotal / x.decodeTps);
  const hours = busy / 3600;
  const dedTotal = hours * x.gpus * x.gpuRate;
  const tinkerSec = (tinkerTotal * 3600) / (x.gpus * x.gpuRate);
  return {
    summed,
    finalCtx,
    cached,
    decode,
    cacheHitPct: summed > 0 ? (cached / summed) * 100 : 0,
    tinkerEp,
    tinkerTotal,
    hours,
    dedTotal,
    dedEp: dedTotal / x.episodes,
    promptParity: uncachedTotal / Math.max(tinkerSec, 1),
    decodeParity: decodeTotal / Math.max(tinkerSec, 1),
    gpusParity: Math.max(1, Math.floor((tinkerTotal * 3600) / (busy * x.gpuRate))),
  };
}
