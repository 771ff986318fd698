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
  private readonly counts = new Map<number, number>();
  private n = 0;
  private total = 0;

  add(value: number): void {
    this.counts.set(value, (this.counts.get(value) ?? 0) + 1);
    this.n++;
    this.total += value;
  }

  /** Removes one occurrence of `value`; throws a RangeError if there is none. */
  remove(value: number): void {
    const count = this.counts.get(value);
    if (count === undefined) throw new RangeError(`value ${value} is not in the histogram`);
    if (count === 1) this.counts.delete(value);
    else this.counts.set(value, count - 1);
    this.n--;
    this.total -= value;
  }

  get size(): number {
    return this.n;
  }

  /** The set's statistics, or null when it is empty. */
  stats(): DistributionStats | null {
    if (this.n === 0) return null;
    const values = [...this.counts.keys()].sort((a, b) => a - b);
    return {
      count: this.n,
      mean: this.total / this.n,
      p50: this.quantile(values, 0.5),
      p90: this.quantile(values, 0.9),
      max: values[values.length - 1] as number,
    };
  }

  private quantile(sorted: number[], p: number): number {
    const h = (this.n - 1) * p;
    const lowRank = Math.floor(h);
    const low = this.valueAtRank(sorted, lowRank);
    if (h === lowRank) return low;
    const high = this.valueAtRank(sorted, lowRank + 1);
    return low + (h - lowRank) * (high - low);
  }

  /** The value at 0-based rank `rank` of the sorted multiset. */
  private valueAtRank(sorted: number[], rank: number): number {
    let seen = 0;
    for (const value of sorted) {
      seen += this.counts.get(value) as number;
      if (rank < seen) return value;
    }
    return sorted[sorted.length - 1] as number;
  }
}
