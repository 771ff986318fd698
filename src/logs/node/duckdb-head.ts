// Node-only: the start of a log file for the DuckDB engine. The first line is read by the streaming reader
// itself (format detection, the byte-order mark, the model named), so DuckDB reads only what follows it.
import { closeSync, openSync, readSync } from "node:fs";

const WINDOW_BYTES = 1 << 16;
const LF = 10;
const CR = 13;

/** What the first bytes say: Parquet ("PAR1"), gzip (1f 8b), or text. */
export type FileKind = "parquet" | "gzip" | "text";

/** The first line of a text file, as pushed to the reader. */
export interface TextHead {
  /** Bytes pushed: up to and including the line feed that ends the first non-blank line. */
  bytes: number;
  /** Line feeds in them: the rows DuckDB's line reader gives for them. */
  rows: number;
  /** 2 when that line ends with CRLF, else 1: the bytes each later line break takes. */
  newlineBytes: number;
  /** The file's last byte is a line feed (else its last line has no line break). */
  endsWithNewline: boolean;
}

/** The kind of file at `path`, by its first bytes. */
export function fileKind(path: string): FileKind {
  const head = readAt(path, 0, 4);
  if (head[0] === 0x1f && head[1] === 0x8b) return "gzip";
  return head.toString("latin1") === "PAR1" ? "parquet" : "text";
}

/**
 * Pushes the file's bytes to `push` up to the line feed ending its first line with anything but
 * whitespace (the whole file when there is none); a byte-order mark at the start is not such a line.
 */
export function pushTextHead(path: string, sizeBytes: number, push: (chunk: Buffer) => void): TextHead {
  const fd = openSync(path, "r");
  let at = 0;
  let rows = 0;
  let started = false;
  let newlineBytes = 1;
  let previous = -1;
  let found = false;
  try {
    while (at < sizeBytes) {
      const window = Buffer.allocUnsafe(Math.min(WINDOW_BYTES, sizeBytes - at));
      const read = readSync(fd, window, 0, window.length, at);
      if (read <= 0) break;
      let cut = read;
      const bom = at === 0 && window[0] === 0xef && window[1] === 0xbb && window[2] === 0xbf;
      for (let i = bom ? 3 : 0; i < read; i++) {
        const byte = window[i] as number;
        if (byte === LF) {
          rows++;
          if (started) {
            found = true;
            cut = i + 1;
            newlineBytes = previous === CR ? 2 : 1;
            break;
          }
        } else if (!isSpace(byte)) started = true;
        previous = byte;
      }
      push(window.subarray(0, cut));
      at += cut;
      if (found) break;
    }
  } finally {
    closeSync(fd);
  }
  const last = sizeBytes > 0 ? readAt(path, sizeBytes - 1, 1)[0] : LF;
  return { bytes: at, rows, newlineBytes, endsWithNewline: last === LF };
}

function isSpace(byte: number): boolean {
  return byte === 32 || byte === 9 || byte === 13 || byte === 11 || byte === 12;
}

function readAt(path: string, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  const fd = openSync(path, "r");
  try {
    readSync(fd, buffer, 0, length, position);
  } finally {
    closeSync(fd);
  }
  return buffer;
}
