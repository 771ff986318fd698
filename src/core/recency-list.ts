/** The links an entry of a recency list carries: the entry used just before it and just after it. */
export interface RecencyLinks<T> {
  older: T | undefined;
  newer: T | undefined;
}

/**
 * A doubly linked list of entries in order of use, oldest first: O(1) to append the newest and to unlink
 * any entry, the order an LRU cache evicts in. The links live on the entries themselves.
 */
export class RecencyList<T extends RecencyLinks<T>> {
  oldest: T | undefined;
  newest: T | undefined;

  /** Puts `entry` (not in the list) last, as the most recently used. */
  append(entry: T): void {
    entry.older = this.newest;
    if (this.newest) this.newest.newer = entry;
    else this.oldest = entry;
    this.newest = entry;
  }

  /** Takes `entry` (in the list) out, joining its neighbours. */
  unlink(entry: T): void {
    if (entry.older) entry.older.newer = entry.newer;
    else this.oldest = entry.newer;
    if (entry.newer) entry.newer.older = entry.older;
    else this.newest = entry.older;
    entry.older = undefined;
    entry.newer = undefined;
  }

  /** Forgets every entry. */
  clear(): void {
    this.oldest = undefined;
    this.newest = undefined;
  }
}
