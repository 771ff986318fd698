// The layouts a log's lines were seen in (line-shape.ts), tried in turn on the lines of each chunk: a
// run of lines in known layouts is read without the scanner, one native match a line.

import { type LineShape, learnShape, shapeRecord, type TargetPaths } from "./line-shape.js";
import { latin1 } from "./line-text.js";
import type { RecordNames, RecordResult } from "./log-record.js";

/** Layouts kept; the one that matched last is tried first. */
const MAX_SHAPES = 8;
/** Bytes of a chunk turned into text at a time (an ordinary heap string; see window()). */
const WINDOW_BYTES = 64 << 10;

/** Whether two outcomes are the same request, or the same skip. */
function sameResult(a: RecordResult, b: RecordResult): boolean {
  if (a.ok && b.ok)
    return (
      a.episodeId === b.episodeId &&
      Object.is(a.order, b.order) &&
      a.promptTokens === b.promptTokens &&
      a.cachedPromptTokens === b.cachedPromptTokens &&
      a.completionTokens === b.completionTokens
    );
  return !a.ok && !b.ok && a.kind === b.kind && a.message === b.message;
}

/** Learns layouts from lines the scanner read, and reads later lines of those layouts by itself. */
export class ShapeCache {
  private readonly shapes: LineShape[] = [];
  /** Lines offered to learn from, and lines read by a layout: learning stops when it stops paying. */
  private offered = 0;
  private hits = 0;
  /** The chunk whose bytes [base, base + text.length) are `text`. */
  private chunk: Uint8Array | null = null;
  private base = 0;
  private text = "";

  constructor(
    private readonly paths: TargetPaths,
    private readonly names: RecordNames,
  ) {}

  get size(): number {
    return this.shapes.length;
  }

  /** The bytes of earlier chunks may be reused for new data: drop the text made from them. */
  forget(): void {
    this.chunk = null;
  }

  /** The line `b[start, end)` was read by the scanner as `result`: learn its layout if it is new and agrees. */
  offer(b: Uint8Array, start: number, end: number, result: RecordResult): void {
    // A log whose lines never repeat a layout (arrays of varying objects) stops being offered soon.
    if (this.offered > 16 + this.hits / 16) return;
    // A line longer than the text window could never be read by its layout.
    if (end - start >= WINDOW_BYTES) return;
    this.offered++;
    const shape = learnShape(b, start, end, this.paths);
    if (shape === null) return;
    shape.regex.lastIndex = 0;
    const match = shape.regex.exec(`${latin1(b, start, end)}\n`);
    if (match === null || !sameResult(shapeRecord(shape, match, this.names), result)) return;
    // A line of a known layout comes here when it ran past a chunk's end: the layout is kept once.
    if (this.shapes.some((known) => known.regex.source === shape.regex.source)) return;
    this.shapes.unshift(shape);
    if (this.shapes.length > MAX_SHAPES) this.shapes.pop();
  }

  /**
   * Reads the whole lines of `chunk` from `pos` that are in a known layout, each ended by LF or CRLF, no longer
   * than `maxLineBytes`, handing each outcome to `each`; returns where it stopped (at the first other line).
   */
  read(chunk: Uint8Array, pos: number, maxLineBytes: number, each: (result: RecordResult) => void): number {
    const shapes = this.shapes;
    if (chunk !== this.chunk || pos < this.base || pos >= this.base + this.text.length)
      this.window(chunk, pos);
    let at = pos - this.base;
    next: for (;;) {
      // The line's end first: an expression is only tried on a whole line that fits the text.
      let lf = this.text.indexOf("\n", at);
      if (lf === -1) {
        // It runs past the text: start the text again at it, unless the chunk ends there (the splitter
        // joins the line with the next chunk) or the text starts there (a line longer than the text).
        if (at === 0 || this.base + this.text.length >= chunk.length) break;
        this.window(chunk, this.base + at);
        at = 0;
        lf = this.text.indexOf("\n");
        if (lf === -1) break;
      }
      if (lf - at > maxLineBytes) break;
      for (let s = 0; s < shapes.length; s++) {
        const shape = shapes[s] as LineShape;
        const regex = shape.regex;
        regex.lastIndex = at;
        let match: RegExpExecArray | null;
        try {
          match = regex.exec(this.text);
        } catch {
          // The expression's backtracking ran out of stack (a string of very many escapes): the scanner reads it.
          match = null;
        }
        if (match === null) continue;
        // The expression ends with the line's LF (no string or number it allows holds one).
        at = lf + 1;
        this.hits++;
        if (s > 0) {
          shapes[s] = shapes[0] as LineShape;
          shapes[0] = shape;
        }
        each(shapeRecord(shape, match, this.names));
        continue next;
      }
      break;
    }
    return this.base + at;
  }

  /**
   * Bytes of `chunk` from `pos` as text, a window at a time: a string past about 1 MB would be made
   * outside the heap by Node (an external string), freed late and counted against the process.
   */
  private window(chunk: Uint8Array, pos: number): void {
    this.chunk = chunk;
    this.base = pos;
    this.text = latin1(chunk, pos, Math.min(chunk.length, pos + WINDOW_BYTES));
  }
}
