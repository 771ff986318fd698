/** A binary min-heap of events by time; equal times pop in the order pushed (so runs are deterministic). */
export class EventHeap<T> {
  private readonly times: number[] = [];
  private readonly orders: number[] = [];
  private readonly items: T[] = [];
  private pushed = 0;

  get size(): number {
    return this.items.length;
  }

  /** The earliest event's time (Infinity when empty). */
  peekTime(): number {
    return this.times[0] ?? Number.POSITIVE_INFINITY;
  }

  push(time: number, item: T): void {
    let i = this.items.length;
    const order = this.pushed++;
    this.times.push(time);
    this.orders.push(order);
    this.items.push(item);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(time, order, parent)) break;
      this.move(parent, i);
      i = parent;
    }
    this.set(i, time, order, item);
  }

  /** The time of the event `pop` last returned. */
  poppedTime = 0;

  /** Removes and returns the earliest event (its time in `poppedTime`). */
  pop(): T | undefined {
    const n = this.items.length;
    if (n === 0) return undefined;
    this.poppedTime = this.times[0] as number;
    const top = this.items[0] as T;
    const time = this.times.pop() as number;
    const order = this.orders.pop() as number;
    const item = this.items.pop() as T;
    if (n > 1) {
      let i = 0;
      const size = n - 1;
      while (true) {
        const left = 2 * i + 1;
        if (left >= size) break;
        const right = left + 1;
        const child =
          right < size && this.before(this.times[right] as number, this.orders[right] as number, left)
            ? right
            : left;
        if (!this.lessThanAt(child, time, order)) break;
        this.move(child, i);
        i = child;
      }
      this.set(i, time, order, item);
    }
    return top;
  }

  private lessThanAt(index: number, time: number, order: number): boolean {
    const t = this.times[index] as number;
    return t < time || (t === time && (this.orders[index] as number) < order);
  }

  private before(time: number, order: number, index: number): boolean {
    const t = this.times[index] as number;
    return time < t || (time === t && order < (this.orders[index] as number));
  }

  private move(from: number, to: number): void {
    this.times[to] = this.times[from] as number;
    this.orders[to] = this.orders[from] as number;
    this.items[to] = this.items[from] as T;
  }

  private set(index: number, time: number, order: number, item: T): void {
    this.times[index] = time;
    this.orders[index] = order;
    this.items[index] = item;
  }
}
