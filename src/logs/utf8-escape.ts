// Invalid UTF-8 must not make two different byte strings one text: a decoder turns every bad byte into
// U+FFFD, so episode ids "a\xFE" and "a\xFF" would merge. Here each invalid byte 0xXY becomes the lone
// surrogate U+DCXY instead (Python's "surrogateescape"): distinct bytes stay distinct strings.
import type { Decode } from "./log-analyzer.js";

const REPLACEMENT = "\uFFFD";

/** `decode`, except that text holding U+FFFD is decoded again with invalid bytes escaped distinctly. */
export function escapingDecode(decode: Decode): Decode {
  return (bytes, start, end) => {
    const text = decode(bytes, start, end);
    return text.includes(REPLACEMENT) ? decodeEscaped(bytes, start, end) : text;
  };
}

/** The length of the UTF-8 sequence starting with `lead`, with the allowed range of its second byte. */
function sequence(lead: number): [length: number, low: number, high: number] | null {
  if (lead >= 0xc2 && lead <= 0xdf) return [2, 0x80, 0xbf];
  if (lead === 0xe0) return [3, 0xa0, 0xbf];
  if (lead === 0xed) return [3, 0x80, 0x9f];
  if (lead >= 0xe1 && lead <= 0xef) return [3, 0x80, 0xbf];
  if (lead === 0xf0) return [4, 0x90, 0xbf];
  if (lead === 0xf4) return [4, 0x80, 0x8f];
  if (lead >= 0xf1 && lead <= 0xf3) return [4, 0x80, 0xbf];
  return null;
}

/** UTF-8 bytes[start, end) as text, each byte of an invalid sequence as U+DC00 + byte. */
export function decodeEscaped(bytes: Uint8Array, start: number, end: number): string {
  const units: number[] = [];
  let out = "";
  let i = start;
  while (i < end) {
    const lead = bytes[i] as number;
    let point = -1;
    let length = 1;
    if (lead < 0x80) point = lead;
    else {
      const shape = sequence(lead);
      if (shape && i + shape[0] <= end) {
        const [n, low, high] = shape;
        const second = bytes[i + 1] as number;
        let ok = second >= low && second <= high;
        for (let k = 2; ok && k < n; k++) ok = ((bytes[i + k] as number) & 0xc0) === 0x80;
        if (ok) {
          length = n;
          point = lead & (0xff >> (n + 1));
          for (let k = 1; k < n; k++) point = (point << 6) | ((bytes[i + k] as number) & 0x3f);
        }
      }
    }
    if (point === -1) units.push(0xdc00 + lead);
    else if (point > 0xffff)
      units.push(0xd800 + ((point - 0x10000) >> 10), 0xdc00 + ((point - 0x10000) & 0x3ff));
    else units.push(point);
    i += length;
    if (units.length >= 4096) {
      out += String.fromCharCode(...units);
      units.length = 0;
    }
  }
  return out + String.fromCharCode(...units);
}
