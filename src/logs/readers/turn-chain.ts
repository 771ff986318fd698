type TurnIds = { prompt: ArrayLike<number>; completion: ArrayLike<number> };

/** The most token ids held for the turn before each episode's next: 16M ids (about 128 MiB). */
const MAX_HELD_IDS = 16 * 1024 * 1024;

/**
 * For formats with one turn a line (in file order): each episode's previous turn's token ids, kept until
 * its next turn arrives, so the two can be compared. Bounded: past `maxHeldIds` the least recently seen
 * episodes' turns are dropped (counted), and their next turn is not compared.
 */
export class TurnChain {
  private readonly last = new Map<string, { turn: number; ids: TurnIds | null }>();
  private held = 0;
  /** Episodes whose previous turn was dropped to bound memory. */
  dropped = 0;

  constructor(private readonly maxHeldIds = MAX_HELD_IDS) {}

  /**
   * Records `ids` (null: a turn without token ids) as `episode`'s next turn; returns the turn before it
   * and this turn's number (1-based) when both have ids, else null.
   */
  next(episode: string, ids: TurnIds | null): { before: TurnIds; turn: number } | null {
    const previous = this.last.get(episode);
    if (previous) {
      this.last.delete(episode);
      this.held -= size(previous.ids);
    }
    const turn = (previous?.turn ?? 0) + 1;
    this.last.set(episode, { turn, ids });
    this.held += size(ids);
    for (const [id, entry] of this.last) {
      if (this.held <= this.maxHeldIds || id === episode) break;
      this.last.delete(id);
      this.held -= size(entry.ids);
      this.dropped++;
    }
    return previous?.ids && ids ? { before: previous.ids, turn } : null;
  }
}

const size = (ids: TurnIds | null) => (ids ? ids.prompt.length + ids.completion.length : 0);
