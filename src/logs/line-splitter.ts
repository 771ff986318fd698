// Splits a byte stream into lines without decoding it: LF, CRLF and lone CR all end a line, in any mix,
// also when a CRLF pair straddles two chunks. A UTF-8 byte-order mark at the very start is dropped.
import { copyOf } from "./line-text.js";

/** Receives one line as `bytes[start, end)`, without its terminator; `terminated` is false only for a last line with no line break. */
export type LineHandler = (bytes: Uint8Array, start: number, end: number, terminated: boolean) => void;

const LF = 10;
const CR = 13;

function isBom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

const LF_WORD = 0x0a0a0a0a;

/** The first index at or after `from` that is not LF (or chunk.length): 4 bytes a step once aligned. */
function lfRunEnd(chunk: Uint8Array, from: number): number {
  const length = chunk.length;
  let i = from;
  // Short runs (a blank line between records) stay byte by byte, without allocating a view.
  for (const stop = Math.min(length, from + 64); i < stop; i++) if (chunk[i] !== LF) return i;
  while (i < length && (chunk.byteOffset + i) % 4 !== 0) {
    if (chunk[i] !== LF) return i;
    i++;
  }
  const words = (length - i) >> 2;
  if (words > 0) {
    const view = new Uint32Array(chunk.buffer, chunk.byteOffset + i, words);
    let w = 0;
    while (w < words && view[w] === LF_WORD) w++;
    i += w * 4;
  }
  while (i < length && chunk[i] === LF) i++;
  return i;
}

/** Optional handlers: runs of empty LF-ended lines counted at once, and a line past the longest allowed. */
export interface SplitterOptions {
  /** Receives `count` empty lines in a row (LF endings), instead of `count` calls to the line handler. */
  onBlankLines?: (count: number) => void;
  /** The longest line, in bytes; past it `onTooLong` is called (it should throw) before more is kept. */
  maxLineBytes?: number;
  onTooLong?: () => never;
  /** Drop a UTF-8 byte-order mark at the start (default true; false for a range in the middle of a file). */
  bom?: boolean;
  /**
   * Offered the chunk at each line start inside it: reads as many whole lines ended by LF or CRLF from `pos` as it
   * can by itself and returns where it stopped (`pos` when it read none); the rest go to the line handler.
   */
  readRun?: (chunk: Uint8Array, pos: number) => number;
}

/** A push-based line splitter over Uint8Array chunks (Node Buffers or browser stream chunks). */
export class LineSplitter {
  /** Bytes of a line started in earlier chunks, kept as they came. */
  private parts: Uint8Array[] = [];
  private partsLength = 0;
  /** The previous chunk ended with CR: an LF at the start of the next one belongs to it. */
  private pendingCr = false;
  private atStart = true;

  private readonly maxLineBytes: number;

  constructor(
    private readonly onLine: LineHandler,
    private readonly options: SplitterOptions = {},
  ) {
    this.maxLineBytes = options.maxLineBytes ?? Number.POSITIVE_INFINITY;
    if (options.bom === false) this.atStart = false;
  }

  private tooLong(): never {
    if (this.options.onTooLong) this.options.onTooLong();
    throw new RangeError(`a line is longer than ${this.maxLineBytes} bytes`);
  }

  /** Feeds the next chunk; complete lines are handed to the handler before this returns. */
  push(input: Uint8Array): void {
    let chunk = input;
    if (this.atStart) {
      if (this.parts.length > 0) {
        chunk = this.takeRest(chunk, chunk.length);
      }
      if (chunk.length < 3 && (chunk.length === 0 || chunk[0] === 0xef)) {
        // Too short to tell whether it begins with a byte-order mark: wait for more.
        if (chunk.length > 0) this.keep(copyOf(chunk, 0, chunk.length));
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
    const readRun = this.options.readRun;
    while (true) {
      if (readRun !== undefined && this.parts.length === 0 && pos < length) pos = readRun(chunk, pos);
      if (nextLf !== -1 && nextLf < pos) nextLf = chunk.indexOf(LF, pos);
      if (nextCr !== -1 && nextCr < pos) nextCr = chunk.indexOf(CR, pos);
      const brk = nextCr !== -1 && (nextLf === -1 || nextCr < nextLf) ? nextCr : nextLf;
      if (brk === -1) break;
      if (brk === pos && this.parts.length === 0 && chunk[brk] === LF && this.options.onBlankLines) {
        // A run of empty lines (a file of bare line breaks): counted in one pass, not one call each.
        const runEnd = lfRunEnd(chunk, brk + 1);
        this.options.onBlankLines(runEnd - brk);
        pos = runEnd;
        continue;
      }
      if (this.partsLength + brk - pos > this.maxLineBytes) this.tooLong();
      if (this.parts.length > 0) {
        const line = this.takeRest(chunk, brk);
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
    // Copied: the caller may refill the chunk, and a long-lived partial line must not pin all of it.
    if (pos < length) this.keep(copyOf(chunk, pos, length));
  }

  private keep(part: Uint8Array): void {
    if (this.partsLength + part.length > this.maxLineBytes) this.tooLong();
    this.parts.push(part);
    this.partsLength += part.length;
  }

  /** The kept parts followed by chunk[0, end), joined once (a line spanning many chunks costs one copy). */
  private takeRest(chunk: Uint8Array, end: number): Uint8Array {
    const out = new Uint8Array(this.partsLength + end);
    let at = 0;
    for (const part of this.parts) {
      out.set(part, at);
      at += part.length;
    }
    out.set(chunk.subarray(0, end), at);
    this.parts = [];
    this.partsLength = 0;
    return out;
  }

  /** Ends the stream: a last line without a line break is handed over with `terminated` false. */
  end(): void {
    let rest = this.parts.length > 0 ? this.takeRest(new Uint8Array(0), 0) : null;
    if (rest && this.atStart && isBom(rest)) rest = rest.subarray(3);
    this.atStart = false;
    if (rest && rest.length > 0) this.onLine(rest, 0, rest.length, false);
  }
}
