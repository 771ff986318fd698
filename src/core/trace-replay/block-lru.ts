/**
 * A set of KV block ids under least-recently-used eviction, O(1) per operation: a Map from id to its node
 * in a doubly linked list ordered from least to most recently used.
 */
interface BlockNode {
  id: number;
  prev: BlockNode | undefined;
  next: BlockNode | undefined;
}

export class BlockLru {
  private readonly nodes = new Map<number, BlockNode>();
  private oldest: BlockNode | undefined;
  private newest: BlockNode | undefined;
  /** Blocks evicted since construction. */
  evicted = 0;

  /** `capacityBlocks`: the most blocks held at once (Infinity for an unlimited cache). */
  constructor(readonly capacityBlocks: number) {}

  /** Blocks held. */
  get size(): number {
    return this.nodes.size;
  }

  /** Whether `id` is held (does not change its recency). */
  has(id: number): boolean {
    return this.nodes.has(id);
  }

  /** Marks `id` most recently used, inserting it if absent and evicting the least recently used past capacity. */
  touch(id: number): void {
    const found = this.nodes.get(id);
    if (found) {
      if (found === this.newest) return;
      this.unlink(found);
      this.append(found);
      return;
    }
    if (this.capacityBlocks < 1) return;
    const node: BlockNode = { id, prev: undefined, next: undefined };
    this.nodes.set(id, node);
    this.append(node);
    while (this.nodes.size > this.capacityBlocks && this.oldest) {
      const victim = this.oldest;
      this.unlink(victim);
      this.nodes.delete(victim.id);
      this.evicted++;
    }
  }

  /** Empties the cache. */
  clear(): void {
    this.nodes.clear();
    this.oldest = undefined;
    this.newest = undefined;
  }

  private unlink(node: BlockNode): void {
    if (node.prev) node.prev.next = node.next;
    else this.oldest = node.next;
    if (node.next) node.next.prev = node.prev;
    else this.newest = node.prev;
    node.prev = undefined;
    node.next = undefined;
  }

  private append(node: BlockNode): void {
    node.prev = this.newest;
    if (this.newest) this.newest.next = node;
    else this.oldest = node;
    this.newest = node;
  }
}
