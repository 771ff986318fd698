// The lines of what may be one JSON document (a first line "[" or a lone "{"), held until the input ends
// or grows past a cap. A document is read as one only if the whole input parses; otherwise every held
// line is handed back to be read line by line, so a stray "[" before a JSONL log loses nothing.
import { copyOf } from "./line-text.js";

/** One held line: its bytes (copied), its number and whether a line break ended it. */
export interface HeldLine {
  bytes: Uint8Array;
  line: number;
  terminated: boolean;
}

/** The most bytes held for a document by default (64 MiB); past it the input is read line by line. */
export const DEFAULT_MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

/** Collects a candidate document's lines up to `maxBytes`. */
export class DocumentBuffer {
  readonly lines: HeldLine[] = [];
  private heldBytes = 0;

  constructor(private readonly maxBytes: number) {}

  /** Holds a line; false when the document has grown past the cap (the line is held all the same). */
  add(bytes: Uint8Array, start: number, end: number, line: number, terminated: boolean): boolean {
    this.lines.push({ bytes: copyOf(bytes, start, end), line, terminated });
    this.heldBytes += end - start + 1;
    return this.heldBytes <= this.maxBytes;
  }

  /** The held lines joined by "\n", decoded; null if the text cannot be built (past the engine's longest string). */
  text(decode: (bytes: Uint8Array, start: number, end: number) => string): string | null {
    try {
      return this.lines.map((l) => decode(l.bytes, 0, l.bytes.length)).join("\n");
    } catch {
      return null;
    }
  }
}
