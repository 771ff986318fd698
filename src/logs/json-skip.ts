// JSON values skipped and validated without decoding, for the flat scanner in fast-record.ts: whitespace,
// numbers, and strings (a short byte loop, then native search for the closing quote and any escape).
import type { ByteSearch } from "./byte-search.js";

const QUOTE = 34;
const BACKSLASH = 92;
/** Bytes of a string read one by one before switching to native search. */
const SHORT_STRING_BYTES = 24;

/** 1 for the bytes that stop a string's byte loop: a quote, a backslash, a control byte. */
const STOP = new Uint8Array(256);
for (let c = 0; c < 0x20; c++) STOP[c] = 1;
STOP[QUOTE] = 1;
STOP[BACKSLASH] = 1;

/** The first position at or after `i` that is not JSON whitespace (or `end`). */
export function skipSpace(b: Uint8Array, i: number, end: number): number {
  let k = i;
  while (k < end) {
    const c = b[k];
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break;
    k++;
  }
  return k;
}

/** A string at `i` (its opening quote): the position after its closing quote, or -1 if it is not valid. */
export function skipString(b: Uint8Array, i: number, end: number, search: ByteSearch): number {
  const from = i + 1;
  let j = from;
  const stop = Math.min(from + SHORT_STRING_BYTES, end);
  while (j < stop && STOP[b[j] as number] === 0) j++;
  if (j < end && b[j] === QUOTE) return j + 1;
  // Long, or with an escape: native search for the closing quote, escapes checked one by one.
  for (;;) {
    const q = search.quote(b, j);
    if (q === -1 || q >= end) return -1;
    const s = search.backslash(b, j);
    if (s !== -1 && s < q) {
      const e = b[s + 1];
      if (e === 117) {
        if (s + 5 >= end) return -1;
        for (let k = s + 2; k < s + 6; k++) {
          const h = b[k] as number;
          if (!((h >= 48 && h <= 57) || (h >= 65 && h <= 70) || (h >= 97 && h <= 102))) return -1;
        }
        j = s + 6;
      } else if (
        e === QUOTE ||
        e === BACKSLASH ||
        e === 47 ||
        e === 98 ||
        e === 102 ||
        e === 110 ||
        e === 114 ||
        e === 116
      )
        j = s + 2;
      else return -1;
      continue;
    }
    const control = search.control(b, from);
    if (control !== -1 && control < q) return -1;
    return q + 1;
  }
}

/** A JSON number at `i`: the position after it, or -1 if it is not valid. */
export function skipNumber(b: Uint8Array, i: number, end: number): number {
  let k = i;
  if (b[k] === 45) k++;
  if (k < end && b[k] === 48) k++;
  else {
    const from = k;
    while (k < end && (b[k] as number) >= 48 && (b[k] as number) <= 57) k++;
    if (k === from) return -1;
  }
  if (k < end && b[k] === 46) {
    const from = ++k;
    while (k < end && (b[k] as number) >= 48 && (b[k] as number) <= 57) k++;
    if (k === from) return -1;
  }
  if (k < end && (b[k] === 101 || b[k] === 69)) {
    k++;
    if (k < end && (b[k] === 43 || b[k] === 45)) k++;
    const from = k;
    while (k < end && (b[k] as number) >= 48 && (b[k] as number) <= 57) k++;
    if (k === from) return -1;
  }
  return k;
}
