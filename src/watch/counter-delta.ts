import type { QuantityReading } from "./engine-reading.js";

/** A counter's growth between two scrapes, summed over its series, and whether any series restarted. */
export interface CounterDelta {
  delta: number;
  /** A series went down (its server restarted and counts from zero again), or the metric was renamed. */
  reset: boolean;
}

/**
 * The growth of one counter from `before` to `after`, series by series as Prometheus' rate() takes it:
 * a series that went down was reset, so its growth is its new value; a series not seen before (a new
 * engine, or labels changed by a restart) grows by its whole value too. A metric read under another name
 * than before (a server upgraded across a rename) counts as a reset of every series. The first scrape
 * (`before` undefined) only starts the count.
 */
export function counterDelta(before: QuantityReading | undefined, after: QuantityReading): CounterDelta {
  if (before === undefined) return { delta: 0, reset: false };
  const renamed = before.name !== after.name;
  let delta = 0;
  let reset = renamed;
  for (const [key, value] of after.series) {
    const previous = renamed ? undefined : before.series.get(key);
    if (previous === undefined) {
      delta += value;
      continue;
    }
    if (value < previous) {
      reset = true;
      delta += value;
    } else delta += value - previous;
  }
  return { delta, reset };
}
