import { counterDelta } from "./counter-delta.js";
import { ENGINE_METRICS, type Engine, type Quantity } from "./engine-metrics.js";
import { combined, type EngineReading } from "./engine-reading.js";

/** What the deployment did between two scrapes; null where the endpoint does not export the figure. */
export interface IntervalFigures {
  seconds: number;
  promptTokensPerSecond: number | null;
  /** Prompt tokens served from the prefix cache, per second (≤ promptTokensPerSecond). */
  cachedPromptTokensPerSecond: number | null;
  generationTokensPerSecond: number | null;
  /** Cached ÷ prompt tokens over the interval, 0..1; null when no prompt token was looked up. */
  cacheHitFraction: number | null;
  requestsPerSecond: number | null;
  /** Preemptions in the interval (vLLM: requests evicted from the KV cache to be recomputed). */
  preemptions: number | null;
  running: number | null;
  waiting: number | null;
  kvUsageFraction: number | null;
  /** Counters that went down (a server restart) in this interval: their new value was taken as the delta. */
  resets: Quantity[];
}

/** Work done per second over an interval: a counter's delta ÷ seconds, or a rate as exported. */
function perSecond(
  engine: Engine,
  before: EngineReading,
  after: EngineReading,
  quantity: Quantity,
  seconds: number,
  resets: Quantity[],
): number | null {
  const source = ENGINE_METRICS[engine].metrics[quantity];
  const now = after[quantity];
  if (!source || !now) return null;
  if (source.kind !== "counter") return combined(engine, after, quantity) ?? null;
  if (!before[quantity]) return null;
  const { delta, reset } = counterDelta(before[quantity], now);
  if (reset) resets.push(quantity);
  return delta / seconds;
}

const clampFraction = (x: number) => Math.min(1, Math.max(0, x));

/**
 * The interval's figures from two readings `seconds` apart (> 0). Cached prompt tokens are the
 * engine's cached-token counter (SGLang, Fireworks), or vLLM's hit ÷ query tokens times the prompt
 * tokens: vLLM queries the cache again for a preempted request, so its own counters would overstate.
 */
export function intervalFigures(
  engine: Engine,
  before: EngineReading,
  after: EngineReading,
  seconds: number,
): IntervalFigures {
  if (!(seconds > 0)) throw new RangeError(`seconds must be > 0, got ${seconds}`);
  const resets: Quantity[] = [];
  const rate = (q: Quantity) => perSecond(engine, before, after, q, seconds, resets);
  const prompt = rate("promptTokens");
  const cachedDirect = rate("cachedPromptTokens");
  const queries = rate("cacheQueryTokens");
  const hits = rate("cacheHitTokens");
  const preemptionsPerSecond = rate("preemptions");
  let hit: number | null = null;
  if (cachedDirect !== null && prompt !== null && prompt > 0) hit = clampFraction(cachedDirect / prompt);
  else if (queries !== null && hits !== null && queries > 0) hit = clampFraction(hits / queries);
  else if (prompt === null || prompt > 0) {
    const gauge = combined(engine, after, "cacheHitFraction");
    if (gauge !== undefined) hit = clampFraction(gauge);
  }
  const level = (q: Quantity) => combined(engine, after, q) ?? null;
  const kv = level("kvUsageFraction");
  return {
    seconds,
    promptTokensPerSecond: prompt,
    cachedPromptTokensPerSecond:
      prompt === null ? null : hit === null ? (prompt === 0 ? 0 : null) : prompt * hit,
    generationTokensPerSecond: rate("generationTokens"),
    cacheHitFraction: hit,
    requestsPerSecond: rate("requests"),
    preemptions: preemptionsPerSecond === null ? null : Math.round(preemptionsPerSecond * seconds),
    running: level("running"),
    waiting: level("waiting"),
    kvUsageFraction: kv === null ? null : clampFraction(kv),
    resets,
  };
}
