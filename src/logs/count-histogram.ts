/** Mean, median, 90th percentile and maximum of a set of values; null fields never occur (an empty set has no stats). */
export interface DistributionStats {
  /** How many values. */
  count: number;
  mean: number;
  /** Percentiles by linear interpolation between closest ranks (numpy's default, d3.quantile, R type 7). */
  p50: number;
  p90: number;
  max: number;
}

/**
 * An exact multiset of integer token counts (value → how many), so that percentiles over millions of
 * requests cost memory per distinct value, not per request; values can also be removed.
 */
export class CountHistogram {
  /** Counts of the values 0..DENSE-1, the common case (token counts per turn), without hashing. */
  private readonly dense = new Float64Array(DENSE);
  private readonly sparse = new Map<number, number>();
  private n = 0;
  private total = 0;

  add(value: number): void {
    if (value >= 0 && value < DENSE && Number.isInteger(value))
      this.dense[value] = (this.dense[value] as number) + 1;
    else this.sparse.set(value, (this.sparse.get(value) ?? 0) + 1);
    this.n++;
    this.total += value;
  }

  /** Removes one occurrence of `value`; throws a RangeError if there is none. */
  remove(value: number): void {
    if (value >= 0 && value < DENSE && Number.isInteger(value)) {
      if (this.dense[value] === 0) throw new RangeError(`value ${value} is not in the histogram`);
      this.dense[value] = (this.dense[value] as number) - 1;
    } else {
      const count = this.sparse.get(value);
      if (count === undefined) throw new RangeError(`value ${value} is not in the histogram`);
      if (count === 1) this.sparse.delete(value);
      else this.sparse.set(value, count - 1);
    }
    this.n--;
    this.total -= value;
  }

  get size(): number {
    return this.n;
  }

  /** The set's statistics, or null when it is empty. */
  stats(): DistributionStats | null {
    if (this.n === 0) return null;
    const counts = new Map(this.sparse);
    for (let v = 0; v < DENSE; v++) if (this.dense[v] !== 0) counts.set(v, this.dense[v] as number);
    const values = [...counts.keys()].sort((a, b) => a - b);
    return {
      count: this.n,
      mean: this.total / this.n,
      p50: quantile(values, counts, this.n, 0.5),
      p90: quantile(values, counts, this.n, 0.9),
      max: values[values.length - 1] as number,
    };
  }
}

const DENSE = 1 << 16;

function quantile(sorted: number[], counts: Map<number, number>, n: number, p: number): number {
  const h = (n - 1) * p;
  const lowRank = Math.floor(h);
  const low = valueAtRank(sorted, counts, lowRank);
  if (h === lowRank) return low;
  const high = valueAtRank(sorted, counts, lowRank + 1);
  return low + (h - lowRank) * (high - low);
}

/** The value at 0-based rank `rank` of the sorted multiset. */
function valueAtRank(sorted: number[], counts: Map<number, number>, rank: number): number {
  let seen = 0;
  for (const value of sorted) {
    seen += counts.get(value) as number;
    if (rank < seen) return value;
  }
  return sorted[sorted.length - 1] as number;
}
