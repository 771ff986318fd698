import { ENGINE_METRICS, ENGINES, type Engine, type Quantity } from "./engine-metrics.js";
import type { PrometheusSample } from "./prometheus-text.js";

/** One quantity as scraped: the metric name that gave it and its value per series (labels as the key). */
export interface QuantityReading {
  name: string;
  series: Map<string, number>;
}

/** What one scrape said, quantity by quantity; a quantity the endpoint does not export is absent. */
export type EngineReading = Partial<Record<Quantity, QuantityReading>>;

/** Label filters: a sample counts only if it has every one of these label values. */
export type LabelMatch = Record<string, string>;

function matches(sample: PrometheusSample, match: LabelMatch): boolean {
  for (const [name, value] of Object.entries(match)) if (sample.labels[name] !== value) return false;
  return true;
}

function seriesKey(sample: PrometheusSample): string {
  const names = Object.keys(sample.labels).sort();
  return JSON.stringify(names.map((n) => [n, sample.labels[n]]));
}

/**
 * The engine whose metric names `samples` carry most of (ENGINE_METRICS), or undefined when none: the
 * "vllm:" and "sglang:" prefixes count for their engine when no listed name is present.
 */
export function detectEngine(samples: readonly PrometheusSample[]): Engine | undefined {
  const names = new Set(samples.map((s) => s.name));
  let best: { engine: Engine; score: number } | undefined;
  for (const engine of ENGINES) {
    let score = 0;
    for (const source of Object.values(ENGINE_METRICS[engine].metrics))
      if (source.names.some((n) => names.has(n))) score++;
    if (score === 0 && engine !== "fireworks" && [...names].some((n) => n.startsWith(`${engine}:`)))
      score = 0.5;
    if (score > 0 && (best === undefined || score > best.score)) best = { engine, score };
  }
  return best?.engine;
}

/** Each quantity of `engine` found in `samples` (filtered by `match`), by series; NaN and ±Inf values are left out. */
export function engineReading(
  engine: Engine,
  samples: readonly PrometheusSample[],
  match: LabelMatch = {},
): EngineReading {
  const kept = samples.filter((s) => matches(s, match) && Number.isFinite(s.value));
  const byName = new Map<string, PrometheusSample[]>();
  for (const s of kept) {
    const list = byName.get(s.name);
    if (list) list.push(s);
    else byName.set(s.name, [s]);
  }
  const reading: EngineReading = {};
  for (const [quantity, source] of Object.entries(ENGINE_METRICS[engine].metrics)) {
    const name = source.names.find((n) => byName.has(n));
    if (name === undefined) continue;
    const series = new Map<string, number>();
    // A repeated series (the same labels twice in one scrape) keeps its last value, as Prometheus does.
    for (const s of byName.get(name) ?? []) series.set(seriesKey(s), s.value);
    reading[quantity as Quantity] = { name, series };
  }
  return reading;
}

/** A reading's quantity combined over its series (sum or max, as ENGINE_METRICS says); undefined if absent. */
export function combined(engine: Engine, reading: EngineReading, quantity: Quantity): number | undefined {
  const found = reading[quantity];
  const source = ENGINE_METRICS[engine].metrics[quantity];
  if (!found || !source || found.series.size === 0) return undefined;
  const values = [...found.series.values()];
  return source.combine === "max" ? Math.max(...values) : values.reduce((a, b) => a + b, 0);
}
