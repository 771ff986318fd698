// A fast path for the common JSONL line: one pass over the bytes that checks the whole line is valid
// JSON and picks out only the fields a request needs, without decoding the line or building objects.
// Whenever anything is unusual (escapes in a key or value it needs, a value that is not a plain whole
// number, duplicate keys on its paths, nesting past 64, invalid JSON...) it answers null and the caller
// uses JSON.parse; the fuzz test in fast-record.test.ts checks that it never disagrees with JSON.parse.
import type { Decode } from "./log-analyzer.js";
import { type RecordNames, type RecordResult, recordFromValues } from "./log-record.js";

const QUOTE = 34;
const BACKSLASH = 92;
const MAX_DEPTH = 64;
const MAX_PLAIN_DIGITS = 15;

const EPISODE = 0;
const ORDER = 1;
const PROMPT = 2;
const COMPLETION = 3;
const CACHED = 4;

/** Reads requests from JSON lines by byte scanning; `read` returns null when JSON.parse must decide. */
export class FastRecordReader {
  private readonly segments: Uint8Array[][];
  private readonly targetCount: number;
  // Per line: where each target's value was found (-1 none), and plain numbers read.
  private readonly numbers = new Float64Array(5);
  private readonly found = new Int8Array(5);
  private readonly stringStart = new Int32Array(5);
  private readonly stringEnd = new Int32Array(5);
  private bytes: Uint8Array = new Uint8Array(0);
  private end = 0;
  private pos = 0;

  constructor(
    episodePath: string,
    orderPath: string | null,
    private readonly names: RecordNames,
    private readonly decode: Decode,
  ) {
    const encoder = new TextEncoder();
    const split = (path: string) => path.split(".").map((s) => encoder.encode(s));
    this.segments = [
      split(episodePath),
      orderPath === null ? [] : split(orderPath),
      split("usage.prompt_tokens"),
      split("usage.completion_tokens"),
      split("usage.prompt_tokens_details.cached_tokens"),
    ];
    this.targetCount = this.segments.length;
  }

  /** The line `bytes[start, end)` as a request or a skip, exactly as JSON.parse + recordFromJson would; null = not sure. */
  read(bytes: Uint8Array, start: number, end: number): RecordResult | null {
    this.bytes = bytes;
    this.end = end;
    this.pos = start;
    this.found.fill(0);
    this.skipWhitespace();
    if (this.pos >= end || bytes[this.pos] !== 123) return null;
    // Targets with an empty path (no order key) never match.
    let mask = 0;
    for (let t = 0; t < this.targetCount; t++)
      if ((this.segments[t] as Uint8Array[]).length > 0) mask |= 1 << t;
    if (!this.object(mask, 0)) return null;
    this.skipWhitespace();
    if (this.pos !== end) return null;
    // A dotted episode or order path that was not found may still be a flat key: JSON.parse decides.
    if (this.found[EPISODE] === 0 && (this.segments[EPISODE] as Uint8Array[]).length > 1) return null;
    if (this.found[ORDER] === 0 && (this.segments[ORDER] as Uint8Array[]).length > 1) return null;
    return recordFromValues(
      this.value(EPISODE),
      this.value(ORDER),
      this.value(PROMPT),
      this.value(CACHED),
      this.value(COMPLETION),
      this.names,
    );
  }

  private value(target: number): unknown {
    const kind = this.found[target];
    if (kind === 1) return this.numbers[target];
    if (kind === 2)
      return this.decode(this.bytes, this.stringStart[target] as number, this.stringEnd[target] as number);
    return undefined;
  }

  private skipWhitespace(): void {
    const b = this.bytes;
    while (this.pos < this.end) {
      const c = b[this.pos];
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return;
      this.pos++;
    }
  }

  /** An object at `pos` ("{"), with `mask` the targets whose path matched so far at `depth`. */
  private object(mask: number, depth: number): boolean {
    if (depth > MAX_DEPTH) return false;
    const b = this.bytes;
    this.pos++;
    this.skipWhitespace();
    if (b[this.pos] === 125) {
      this.pos++;
      return true;
    }
    let seen = 0;
    while (true) {
      if (b[this.pos] !== QUOTE) return false;
      const keyStart = this.pos + 1;
      if (!this.string()) return false;
      const keyEnd = this.pos - 1;
      let matched = 0;
      if (mask !== 0) {
        // A key spelled with escapes or non-ASCII bytes where we look for a path: let JSON.parse decide.
        for (let k = keyStart; k < keyEnd; k++) {
          const c = b[k] as number;
          if (c === BACKSLASH || c >= 0x80) return false;
        }
        for (let t = 0; t < this.targetCount; t++) {
          if ((mask & (1 << t)) === 0) continue;
          const segment = (this.segments[t] as Uint8Array[])[depth] as Uint8Array;
          if (segment.length !== keyEnd - keyStart) continue;
          let same = true;
          for (let k = 0; k < segment.length; k++) {
            if (b[keyStart + k] !== segment[k]) {
              same = false;
              break;
            }
          }
          if (same) matched |= 1 << t;
        }
        if ((matched & seen) !== 0) return false;
        seen |= matched;
      }
      this.skipWhitespace();
      if (b[this.pos] !== 58) return false;
      this.pos++;
      this.skipWhitespace();
      if (!this.member(matched, depth + 1)) return false;
      this.skipWhitespace();
      const c = b[this.pos];
      if (c === 44) {
        this.pos++;
        this.skipWhitespace();
        continue;
      }
      if (c === 125) {
        this.pos++;
        return true;
      }
      return false;
    }
  }

  /** A member's value; targets in `matched` have matched `depth` segments. */
  private member(matched: number, depth: number): boolean {
    if (matched === 0) return this.any(depth);
    let leaves = 0;
    let inner = 0;
    for (let t = 0; t < this.targetCount; t++) {
      if ((matched & (1 << t)) === 0) continue;
      if ((this.segments[t] as Uint8Array[]).length === depth) leaves |= 1 << t;
      else inner |= 1 << t;
    }
    const c = this.bytes[this.pos];
    if (leaves !== 0) {
      // Two targets on one value, or a leaf of one on the way to another (odd flags): JSON.parse decides.
      if (inner !== 0 || (leaves & (leaves - 1)) !== 0) return false;
      const target = 31 - Math.clz32(leaves);
      if (c === QUOTE) {
        if (target !== EPISODE) return false;
        const start = this.pos + 1;
        if (!this.string()) return false;
        for (let k = start; k < this.pos - 1; k++) {
          const byte = this.bytes[k] as number;
          if (byte === BACKSLASH || byte >= 0x80) return false;
        }
        this.found[target] = 2;
        this.stringStart[target] = start;
        this.stringEnd[target] = this.pos - 1;
        return true;
      }
      if (c !== undefined && c >= 48 && c <= 57) {
        const value = this.plainInteger();
        if (value < 0) return false;
        this.found[target] = 1;
        this.numbers[target] = value;
        return true;
      }
      return false;
    }
    if (c === 123) return this.object(inner, depth);
    // A non-object on the way (null, a number, an array...): the fields under it are absent.
    return this.any(depth);
  }

  /** A whole number without sign, fraction or exponent and at most 15 digits; -1 if the number is anything else. */
  private plainInteger(): number {
    const b = this.bytes;
    const start = this.pos;
    let value = 0;
    while (this.pos < this.end) {
      const c = b[this.pos] as number;
      if (c < 48 || c > 57) break;
      value = value * 10 + (c - 48);
      this.pos++;
    }
    const digits = this.pos - start;
    if (digits > MAX_PLAIN_DIGITS || (digits > 1 && b[start] === 48)) return -1;
    const next = b[this.pos];
    if (next === 46 || next === 101 || next === 69) return -1;
    return value;
  }

  /** Any JSON value, validated and skipped. */
  private any(depth: number): boolean {
    const b = this.bytes;
    const c = b[this.pos];
    if (c === QUOTE) return this.string();
    if (c === 123) return this.object(0, depth);
    if (c === 91) return this.array(depth);
    if (c === 45 || (c !== undefined && c >= 48 && c <= 57)) return this.number();
    if (c === 116) return this.literal("true");
    if (c === 102) return this.literal("false");
    if (c === 110) return this.literal("null");
    return false;
  }

  private array(depth: number): boolean {
    if (depth > MAX_DEPTH) return false;
    const b = this.bytes;
    this.pos++;
    this.skipWhitespace();
    if (b[this.pos] === 93) {
      this.pos++;
      return true;
    }
    while (true) {
      if (!this.any(depth + 1)) return false;
      this.skipWhitespace();
      const c = b[this.pos];
      if (c === 44) {
        this.pos++;
        this.skipWhitespace();
        continue;
      }
      if (c === 93) {
        this.pos++;
        return true;
      }
      return false;
    }
  }

  /** A string at `pos` (the opening quote); leaves `pos` after the closing quote. */
  private string(): boolean {
    const b = this.bytes;
    const end = this.end;
    let i = this.pos + 1;
    while (i < end) {
      const c = b[i] as number;
      if (c === QUOTE) {
        this.pos = i + 1;
        return true;
      }
      if (c < 0x20) return false;
      if (c === BACKSLASH) {
        const e = b[i + 1];
        if (e === 117) {
          for (let k = 2; k < 6; k++) {
            const h = b[i + k];
            const hex =
              h !== undefined && ((h >= 48 && h <= 57) || (h >= 65 && h <= 70) || (h >= 97 && h <= 102));
            if (!hex) return false;
          }
          i += 6;
          continue;
        }
        if (
          e === QUOTE ||
          e === BACKSLASH ||
          e === 47 ||
          e === 98 ||
          e === 102 ||
          e === 110 ||
          e === 114 ||
          e === 116
        ) {
          i += 2;
          continue;
        }
        return false;
      }
      i++;
    }
    return false;
  }

  private number(): boolean {
    const b = this.bytes;
    if (b[this.pos] === 45) this.pos++;
    if (b[this.pos] === 48) this.pos++;
    else if (this.digits() === 0) return false;
    if (b[this.pos] === 46) {
      this.pos++;
      if (this.digits() === 0) return false;
    }
    const e = b[this.pos];
    if (e === 101 || e === 69) {
      this.pos++;
      if (b[this.pos] === 43 || b[this.pos] === 45) this.pos++;
      if (this.digits() === 0) return false;
    }
    return true;
  }

  /** Skips decimal digits; how many. */
  private digits(): number {
    const b = this.bytes;
    const start = this.pos;
    let i = start;
    while (i < this.end) {
      const c = b[i] as number;
      if (c < 48 || c > 57) break;
      i++;
    }
    this.pos = i;
    return i - start;
  }

  private literal(word: string): boolean {
    for (let k = 0; k < word.length; k++) if (this.bytes[this.pos + k] !== word.charCodeAt(k)) return false;
    this.pos += word.length;
    return this.pos <= this.end;
  }
}
