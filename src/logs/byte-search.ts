// Forward searches over one chunk of bytes that remember their last answer, so the strings of every
// line in a chunk are skipped with native search (memchr) at no more than one pass over the chunk each.

const LF = 10;
const CR = 13;

function isControl(c: number): boolean {
  return c < 0x20 && c !== LF && c !== CR;
}

/**
 * The next quote, backslash and control byte (below 0x20, other than the line breaks that separate
 * lines) at or after a position. Answers are remembered per buffer: `[from, at)` holds none, `at` is
 * one (or -1: none to the end). Call `forget()` when a buffer's bytes may have changed.
 */
export class ByteSearch {
  private buffer: Uint8Array | null = null;
  private quoteFrom = 0;
  private quoteAt = 0;
  private slashFrom = 0;
  private slashAt = 0;
  private controlFrom = 0;
  private controlAt = 0;

  forget(): void {
    this.buffer = null;
  }

  private use(b: Uint8Array): void {
    if (b === this.buffer) return;
    this.buffer = b;
    // Empty ranges: every first question is searched.
    this.quoteFrom = this.slashFrom = this.controlFrom = 1;
    this.quoteAt = this.slashAt = this.controlAt = 0;
  }

  /** The first `"` at or after `i`, or -1. */
  quote(b: Uint8Array, i: number): number {
    this.use(b);
    if (i < this.quoteFrom || (this.quoteAt !== -1 && i > this.quoteAt)) {
      this.quoteFrom = i;
      this.quoteAt = b.indexOf(34, i);
    }
    return this.quoteAt;
  }

  /** The first `\` at or after `i`, or -1. */
  backslash(b: Uint8Array, i: number): number {
    this.use(b);
    if (i < this.slashFrom || (this.slashAt !== -1 && i > this.slashAt)) {
      this.slashFrom = i;
      this.slashAt = b.indexOf(92, i);
    }
    return this.slashAt;
  }

  /** The first control byte (< 0x20, not LF or CR) at or after `i`, or -1. */
  control(b: Uint8Array, i: number): number {
    this.use(b);
    if (i < this.controlFrom || (this.controlAt !== -1 && i > this.controlAt)) {
      this.controlFrom = i;
      this.controlAt = findControl(b, i);
    }
    return this.controlAt;
  }
}

/** The first word at or after `from` with a byte below 0x20 (exact for a threshold up to 0x80), or -1. */
function flaggedWord(view: Int32Array, from: number): number {
  const words = view.length;
  for (let w = from; w < words; w++) {
    const x = view[w] as number;
    if (((x - 0x20202020) & ~x & 0x80808080) !== 0) return w;
  }
  return -1;
}

/** The first control byte in `b[from, to)`, or -1. */
function controlIn(b: Uint8Array, from: number, to: number): number {
  for (let k = from; k < to; k++) if (isControl(b[k] as number)) return k;
  return -1;
}

/** Four bytes at a time once aligned: a word with no byte below 0x20 is passed in one test. */
export function findControl(b: Uint8Array, from: number): number {
  const n = b.length;
  const aligned = Math.min(n, from + ((4 - ((b.byteOffset + from) & 3)) & 3));
  const head = controlIn(b, from, aligned);
  if (head !== -1) return head;
  const words = (n - aligned) >> 2;
  const tail = aligned + words * 4;
  if (words > 0) {
    // Line breaks flag their word too: each flagged word is looked at byte by byte.
    const view = new Int32Array(b.buffer, b.byteOffset + aligned, words);
    let w = flaggedWord(view, 0);
    while (w !== -1) {
      const at = controlIn(b, aligned + w * 4, aligned + w * 4 + 4);
      if (at !== -1) return at;
      w = flaggedWord(view, w + 1);
    }
  }
  return controlIn(b, tail, n);
}
