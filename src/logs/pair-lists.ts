// Each open episode's requests as (order, prompt) pairs sorted by order, all in one pool of numbers
// instead of a JS array each: no object per episode, no old arrays left for the garbage collector when a
// list grows, 16 bytes a request. A list that outgrows its block moves to the pool's end; when the pool is
// full, the open lists are moved to its front, and the pool grows by half if that leaves too little room.

const MIN_PAIRS = 4;

export class PairLists {
  private pool: Float64Array;
  /** The first number of the pool no block has used yet. */
  private top = 0;
  /** Numbers in blocks of open lists (their capacity, not their length). */
  private held = 0;
  /** Per list: its block's first number, its pairs, its block's capacity in pairs (0: closed). */
  private starts: Int32Array = new Int32Array(1024);
  private lengths: Int32Array = new Int32Array(1024);
  private capacities: Int32Array = new Int32Array(1024);
  private count = 0;

  /** `initialNumbers`: the pool's first size (tests make it small, to compact often). */
  constructor(initialNumbers = 1 << 16) {
    this.pool = new Float64Array(initialNumbers);
  }

  /** Opens list `count` (lists are numbered in the order they are opened) with one pair. */
  open(order: number, prompt: number): number {
    const id = this.count++;
    if (id === this.starts.length) {
      this.starts = grown(this.starts);
      this.lengths = grown(this.lengths);
      this.capacities = grown(this.capacities);
    }
    const at = this.allocate(MIN_PAIRS);
    this.starts[id] = at;
    this.capacities[id] = MIN_PAIRS;
    this.lengths[id] = 1;
    this.pool[at] = order;
    this.pool[at + 1] = prompt;
    return id;
  }

  isOpen(id: number): boolean {
    return (this.capacities[id] as number) > 0;
  }

  /** Frees list `id`'s block (its numbers are reused at the next compaction). */
  close(id: number): void {
    this.held -= 2 * (this.capacities[id] as number);
    this.capacities[id] = 0;
    this.lengths[id] = 0;
  }

  length(id: number): number {
    return this.lengths[id] as number;
  }

  order(id: number, i: number): number {
    return this.pool[(this.starts[id] as number) + 2 * i] as number;
  }

  prompt(id: number, i: number): number {
    return this.pool[(this.starts[id] as number) + 2 * i + 1] as number;
  }

  /** How many pairs of list `id` have an order <= `value`. */
  upperBound(id: number, value: number): number {
    const pool = this.pool;
    const at = this.starts[id] as number;
    let lo = 0;
    let hi = this.lengths[id] as number;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((pool[at + 2 * mid] as number) <= value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Puts (order, prompt) at pair `i` of open list `id`, moving the pairs from `i` on one place up. */
  insert(id: number, i: number, order: number, prompt: number): void {
    const length = this.lengths[id] as number;
    if (length === this.capacities[id]) this.grow(id);
    const at = this.starts[id] as number;
    if (i < length) this.pool.copyWithin(at + 2 * i + 2, at + 2 * i, at + 2 * length);
    this.pool[at + 2 * i] = order;
    this.pool[at + 2 * i + 1] = prompt;
    this.lengths[id] = length + 1;
  }

  /** Doubles list `id`'s block: in place when it is the last one, else at the pool's end. */
  private grow(id: number): void {
    const capacity = this.capacities[id] as number;
    const start = this.starts[id] as number;
    if (start + 2 * capacity === this.top && this.top + 2 * capacity <= this.pool.length) {
      this.top += 2 * capacity;
      this.held += 2 * capacity;
    } else {
      const at = this.allocate(2 * capacity);
      // allocate() may have compacted the pool and moved this list.
      const from = this.starts[id] as number;
      this.pool.copyWithin(at, from, from + 2 * (this.lengths[id] as number));
      this.held -= 2 * capacity;
      this.starts[id] = at;
    }
    this.capacities[id] = 2 * capacity;
  }

  /** A block of `pairs` pairs at the pool's end, compacting or growing the pool first when it is full. */
  private allocate(pairs: number): number {
    const size = 2 * pairs;
    if (this.top + size > this.pool.length) this.compact(size);
    const at = this.top;
    this.top += size;
    this.held += size;
    return at;
  }

  /**
   * Moves the open lists' blocks to the front of the pool, in the order they lie (so no block is written
   * over before it is moved), then grows the pool by half if it is still short of `size` more numbers.
   */
  private compact(size: number): void {
    const ids: number[] = [];
    for (let id = 0; id < this.count; id++) if ((this.capacities[id] as number) > 0) ids.push(id);
    ids.sort((a, b) => (this.starts[a] as number) - (this.starts[b] as number));
    const pool = this.pool;
    let top = 0;
    for (const id of ids) {
      const start = this.starts[id] as number;
      pool.copyWithin(top, start, start + 2 * (this.lengths[id] as number));
      this.starts[id] = top;
      top += 2 * (this.capacities[id] as number);
    }
    this.top = top;
    // Room for half again what is held, so that compactions stay rare.
    const wanted = Math.ceil(1.5 * (top + size));
    if (wanted > pool.length) {
      this.pool = new Float64Array(Math.max(wanted, Math.ceil(pool.length * 1.5)));
      this.pool.set(pool.subarray(0, top));
    }
  }
}

function grown(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
