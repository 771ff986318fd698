// Splits a byte stream into lines without decoding it: LF, CRLF and lone CR all end a line, in any mix,
// also when a CRLF pair straddles two chunks. A UTF-8 byte-order mark at the very start is dropped.

/** Receives one line as `bytes[start, end)`, without its terminator; `terminated` is false only for a last line with no line break. */
export type LineHandler = (bytes: Uint8Array, start: number, end: number, terminated: boolean) => void;

const LF = 10;
const CR = 13;

function concat(a: Uint8Array, b: Uint8Array, bEnd: number): Uint8Array {
  const out = new Uint8Array(a.length + bEnd);
  out.set(a, 0);
  out.set(b.subarray(0, bEnd), a.length);
  return out;
}

function isBom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** A push-based line splitter over Uint8Array chunks (Node Buffers or browser stream chunks). */
export class LineSplitter {
  /** Bytes of a line started in an earlier chunk. */
  private rest: Uint8Array | null = null;
  /** The previous chunk ended with CR: an LF at the start of the next one belongs to it. */
  private pendingCr = false;
  private atStart = true;

  constructor(private readonly onLine: LineHandler) {}

  /** Feeds the next chunk; complete lines are handed to the handler before this returns. */
  push(input: Uint8Array): void {
    let chunk = input;
    if (this.atStart) {
      if (this.rest) {
        chunk = concat(this.rest, chunk, chunk.length);
        this.rest = null;
      }
      if (chunk.length < 3 && (chunk.length === 0 || chunk[0] === 0xef)) {
        // Too short to tell whether it begins with a byte-order mark: wait for more.
        if (chunk.length > 0) this.rest = chunk;
        return;
      }
      this.atStart = false;
      if (isBom(chunk)) chunk = chunk.subarray(3);
    }
    const length = chunk.length;
    let pos = 0;
    if (this.pendingCr && length > 0) {
      this.pendingCr = false;
      if (chunk[0] === LF) pos = 1;
    }
    const hasCr = chunk.indexOf(CR, pos) !== -1;
    let nextLf = chunk.indexOf(LF, pos);
    let nextCr = hasCr ? chunk.indexOf(CR, pos) : -1;
    while (true) {
      if (nextLf !== -1 && nextLf < pos) nextLf = chunk.indexOf(LF, pos);
      if (nextCr !== -1 && nextCr < pos) nextCr = chunk.indexOf(CR, pos);
      const brk = nextCr !== -1 && (nextLf === -1 || nextCr < nextLf) ? nextCr : nextLf;
      if (brk === -1) break;
      if (this.rest) {
        const line = concat(this.rest, chunk, brk);
        this.rest = null;
        this.onLine(line, 0, line.length, true);
      } else {
        this.onLine(chunk, pos, brk, true);
      }
      pos = brk + 1;
      if (chunk[brk] === CR) {
        if (pos < length) {
          if (chunk[pos] === LF) pos++;
        } else {
          this.pendingCr = true;
        }
      }
    }
    if (pos < length) {
      const tail = chunk.subarray(pos);
      this.rest = this.rest ? concat(this.rest, tail, tail.length) : tail.slice();
    }
  }

  /** Ends the stream: a last line without a line break is handed over with `terminated` false. */
  end(): void {
    let rest = this.rest;
    this.rest = null;
    if (rest && this.atStart && isBom(rest)) rest = rest.subarray(3);
    this.atStart = false;
    if (rest && rest.length > 0) this.onLine(rest, 0, rest.length, false);
  }
}
