// Small facts about one line, shared by the readers.
import type { Decode } from "./log-analyzer.js";

/** A UTF-8 decoder for line bytes (the page's; Node passes Buffer#toString). */
export function textDecoder(): Decode {
  // ignoreBOM keeps a BOM inside the file as text, as Buffer#toString does: only the first is dropped, by the splitter.
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  return (bytes, start, end) => decoder.decode(bytes.subarray(start, end));
}

/**
 * A copy of bytes[start, end). Not `slice`: on a Node Buffer that is a view, which a caller refilling its
 * buffer would overwrite (and which keeps the whole chunk alive).
 */
export function copyOf(bytes: Uint8Array, start: number, end: number): Uint8Array {
  const copy = new Uint8Array(end - start);
  copy.set(bytes.subarray(start, end));
  return copy;
}

const singleByte = new TextDecoder("windows-1252");

/**
 * bytes[start, end) as one character per byte, so that positions in the text are positions in the
 * bytes (ASCII as itself, other bytes as some non-ASCII character). Node's Buffer has a native
 * latin1Slice, several times faster than a TextDecoder; the page's chunks are plain Uint8Arrays.
 */
export function latin1(bytes: Uint8Array, start: number, end: number): string {
  const buffer = bytes as Uint8Array & { latin1Slice?: (start: number, end: number) => string };
  return typeof buffer.latin1Slice === "function"
    ? buffer.latin1Slice(start, end)
    : singleByte.decode(bytes.subarray(start, end));
}

/** True when bytes[start, end) holds only spaces and tabs. */
export function isBlank(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const b = bytes[i];
    if (b !== 32 && b !== 9) return false;
  }
  return true;
}

/** True when JSON text stops inside a string or with brackets still open (a record cut off). */
export function endsMidRecord(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) depth++;
    else if (c === 125 || c === 93) depth--;
  }
  return inString || depth > 0;
}
