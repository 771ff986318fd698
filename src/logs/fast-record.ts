// A fast path for the common JSONL line: one flat pass over the bytes (no recursion, no fields touched
// in the loop) that checks the whole line is valid JSON and picks out only the fields a request needs,
// without decoding the line or building objects. Keys on the wanted paths are dispatched by length and
// first byte; string values are skipped with native search (ByteSearch). Whenever anything is unusual
// (escapes in a key or value it needs, a value that is not a plain whole number, duplicate keys on its
// paths, nesting past 64, invalid JSON...) it answers null and the caller uses JSON.parse; the fuzz tests
// in fast-record.test.ts check that it never disagrees with JSON.parse.
import { ByteSearch } from "./byte-search.js";
import { skipNumber, skipSpace, skipString } from "./json-skip.js";
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
const TARGETS = 5;

/** Key lengths told apart by the dispatch table (longer keys share its last slot), and depths it covers. */
const MAX_TABLE_KEY_BYTES = 64;
const TABLE_DEPTHS = 16;

/** 1 for the bytes that stop a key's byte loop: as STOP, and any non-ASCII byte. */
const KEY_STOP = new Uint8Array(256);
for (let c = 0; c < 256; c++) KEY_STOP[c] = c < 0x20 || c >= 0x80 || c === 34 || c === 92 ? 1 : 0;

/** What one scan found: per target, 0 none / 1 a plain number / 2 an ASCII string at [start, end). */
interface Found {
  kind: Int8Array;
  number: Float64Array;
  start: Int32Array;
  end: Int32Array;
}

/** Reads requests from JSON lines by byte scanning; `read` returns null when JSON.parse must decide. */
export class FastRecordReader {
  /** Per target, its path's segments. */
  private readonly segments: Uint8Array[][];
  private readonly rootMask: number;
  private readonly found: Found = {
    kind: new Int8Array(TARGETS),
    number: new Float64Array(TARGETS),
    start: new Int32Array(TARGETS),
    end: new Int32Array(TARGETS),
  };
  readonly search = new ByteSearch();
  readonly lengths = new Int32Array(TABLE_DEPTHS * MAX_TABLE_KEY_BYTES);
  /** Per open container: the targets still matching, the targets' keys seen, and whether it is an array. */
  readonly masks = new Int32Array(MAX_DEPTH + 1);
  readonly seens = new Int32Array(MAX_DEPTH + 1);
  readonly arrays = new Uint8Array(MAX_DEPTH + 1);

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
    // Targets with an empty path (no order key) never match.
    let mask = 0;
    for (let t = 0; t < TARGETS; t++) if ((this.segments[t] as Uint8Array[]).length > 0) mask |= 1 << t;
    this.rootMask = mask;
    for (let t = 0; t < TARGETS; t++) {
      const path = this.segments[t] as Uint8Array[];
      for (let d = 0; d < Math.min(path.length, TABLE_DEPTHS); d++) {
        const slot =
          d * MAX_TABLE_KEY_BYTES + Math.min((path[d] as Uint8Array).length, MAX_TABLE_KEY_BYTES - 1);
        this.lengths[slot] = (this.lengths[slot] as number) | (1 << t);
      }
    }
  }

  /** The bytes of earlier lines may be reused for new data: drop what the searches remember. */
  forget(): void {
    this.search.forget();
  }

  /** The line `bytes[start, end)` as a request or a skip, exactly as JSON.parse + recordFromJson would; null = not sure. */
  read(bytes: Uint8Array, start: number, end: number): RecordResult | null {
    const found = this.found;
    const kind = found.kind;
    kind[0] = kind[1] = kind[2] = kind[3] = kind[4] = 0;
    if (!scan(bytes, start, end, this.segments, this.rootMask, found, this)) return null;
    // A dotted episode or order path that was not found may still be a flat key: JSON.parse decides.
    if (found.kind[EPISODE] === 0 && (this.segments[EPISODE] as Uint8Array[]).length > 1) return null;
    if (found.kind[ORDER] === 0 && (this.segments[ORDER] as Uint8Array[]).length > 1) return null;
    return recordFromValues(
      this.value(bytes, EPISODE),
      this.value(bytes, ORDER),
      this.value(bytes, PROMPT),
      this.value(bytes, CACHED),
      this.value(bytes, COMPLETION),
      this.names,
    );
  }

  private value(bytes: Uint8Array, target: number): unknown {
    const found = this.found;
    const kind = found.kind[target];
    if (kind === 1) return found.number[target];
    if (kind === 2) return this.decode(bytes, found.start[target] as number, found.end[target] as number);
    return undefined;
  }
}

/** Targets in `matched` whose path ends at `depth + 1` (leaves) or goes deeper (inner), packed leaves | inner << 8. */
function split(segments: Uint8Array[][], matched: number, depth: number): number {
  let leaves = 0;
  let inner = 0;
  for (let t = 0; t < TARGETS; t++) {
    if ((matched & (1 << t)) === 0) continue;
    if ((segments[t] as Uint8Array[]).length === depth + 1) leaves |= 1 << t;
    else inner |= 1 << t;
  }
  return leaves | (inner << 8);
}

/** The targets of `mask` whose segment at `depth` is the key `b[from, to)`. */
function matchKey(
  segments: Uint8Array[][],
  mask: number,
  depth: number,
  b: Uint8Array,
  from: number,
  to: number,
): number {
  const length = to - from;
  const first = b[from];
  let matched = 0;
  for (let t = 0; t < TARGETS; t++) {
    if ((mask & (1 << t)) === 0) continue;
    const segment = (segments[t] as Uint8Array[])[depth] as Uint8Array;
    if (segment.length !== length || segment[0] !== first) continue;
    let k = 1;
    while (k < length && b[from + k] === segment[k]) k++;
    if (k === length) matched |= 1 << t;
  }
  return matched;
}

/** Scratch kept across lines: the searches and the stack of open containers. */
interface ScanState {
  search: ByteSearch;
  /** Per depth and key length, the targets whose key there is that long. */
  lengths: Int32Array;
  masks: Int32Array;
  seens: Int32Array;
  arrays: Uint8Array;
}

const OPEN_OBJECT = 0;
const KEY = 1;
const VALUE = 2;
const OPEN_ARRAY = 3;
const AFTER = 4;

/**
 * One pass over `b[start, end)`: true if it is one valid JSON object whose wanted fields were found
 * plainly (written to `found`); false when JSON.parse must decide. Containers nest on a stack of
 * typed arrays, so there is no recursion and the loop's state lives in locals.
 */
function scan(
  b: Uint8Array,
  start: number,
  end: number,
  segments: Uint8Array[][],
  rootMask: number,
  found: Found,
  state: ScanState,
): boolean {
  const { masks, seens, arrays, search, lengths } = state;
  let i = start;
  let c = 0;
  i = skipSpace(b, i, end);
  if (i >= end || b[i] !== 123) return false;
  i++;
  let depth = 0;
  let mask = rootMask;
  let seen = 0;
  let inArray = false;
  let step = OPEN_OBJECT;
  // The target the next value is for (-1: none), and the targets an object value would carry on.
  let leaf = -1;
  let inner = 0;
  for (;;) {
    i = skipSpace(b, i, end);
    if (i >= end) return false;
    c = b[i] as number;
    let close = false;
    if (step === VALUE || step === OPEN_ARRAY) {
      if (step === OPEN_ARRAY && c === 93) close = true;
      else if (c === 123 || c === 91) {
        if (leaf !== -1 || depth >= MAX_DEPTH) return false;
        masks[depth] = mask;
        seens[depth] = seen;
        arrays[depth] = inArray ? 1 : 0;
        depth++;
        inArray = c === 91;
        mask = inArray ? 0 : inner;
        seen = 0;
        inner = 0;
        i++;
        step = inArray ? OPEN_ARRAY : OPEN_OBJECT;
        continue;
      } else {
        if (c === QUOTE) {
          if (leaf !== -1) {
            if (leaf !== EPISODE) return false;
            let j = i + 1;
            while (j < end) {
              const d = b[j] as number;
              if (d === QUOTE) break;
              if (d === BACKSLASH || d >= 0x80 || d < 0x20) return false;
              j++;
            }
            if (j >= end) return false;
            found.kind[EPISODE] = 2;
            found.start[EPISODE] = i + 1;
            found.end[EPISODE] = j;
            i = j + 1;
          } else {
            i = skipString(b, i, end, search);
            if (i < 0) return false;
          }
        } else if (leaf !== -1) {
          // A plain whole number: no sign, fraction or exponent, at most 15 digits, no leading zero.
          const from = i;
          let value = 0;
          while (i < end) {
            const d = b[i] as number;
            if (d < 48 || d > 57) break;
            value = value * 10 + (d - 48);
            i++;
          }
          const digits = i - from;
          if (digits === 0 || digits > MAX_PLAIN_DIGITS || (digits > 1 && b[from] === 48)) return false;
          const next = b[i];
          if (i < end && (next === 46 || next === 101 || next === 69)) return false;
          found.kind[leaf] = 1;
          found.number[leaf] = value;
        } else if (c === 45 || (c >= 48 && c <= 57)) {
          i = skipNumber(b, i, end);
          if (i < 0) return false;
        } else if (c === 116) {
          if (!(i + 4 <= end && b[i + 1] === 114 && b[i + 2] === 117 && b[i + 3] === 101)) return false;
          i += 4;
        } else if (c === 102) {
          if (!(i + 5 <= end && b[i + 1] === 97 && b[i + 2] === 108 && b[i + 3] === 115 && b[i + 4] === 101))
            return false;
          i += 5;
        } else if (c === 110) {
          if (!(i + 4 <= end && b[i + 1] === 117 && b[i + 2] === 108 && b[i + 3] === 108)) return false;
          i += 4;
        } else return false;
        leaf = -1;
        inner = 0;
        step = AFTER;
        continue;
      }
    } else if (step === AFTER) {
      if (c === 44) {
        i++;
        step = inArray ? VALUE : KEY;
        continue;
      }
      if (c !== (inArray ? 93 : 125)) return false;
      close = true;
    } else if (step === OPEN_OBJECT && c === 125) close = true;
    else {
      // A key.
      if (c !== QUOTE) return false;
      const keyStart = i + 1;
      let j = keyStart;
      const stop = Math.min(keyStart + MAX_TABLE_KEY_BYTES, end);
      while (j < stop && KEY_STOP[b[j] as number] === 0) j++;
      const plain = j < end && b[j] === QUOTE;
      if (plain) i = j + 1;
      else {
        i = skipString(b, i, end, search);
        if (i < 0) return false;
      }
      if (mask !== 0) {
        const keyEnd = i - 1;
        // A key spelled with escapes or non-ASCII bytes where we look for a path: let JSON.parse decide.
        if (!plain)
          for (let k = keyStart; k < keyEnd; k++) {
            const d = b[k] as number;
            if (d === BACKSLASH || d >= 0x80) return false;
          }
        // Dispatch by length: only targets whose key at this depth is as long are compared.
        const length = keyEnd - keyStart;
        const candidates =
          depth < TABLE_DEPTHS
            ? mask &
              (lengths[depth * MAX_TABLE_KEY_BYTES + Math.min(length, MAX_TABLE_KEY_BYTES - 1)] as number)
            : mask;
        const matched = candidates === 0 ? 0 : matchKey(segments, candidates, depth, b, keyStart, keyEnd);
        if (matched !== 0) {
          if ((matched & seen) !== 0) return false;
          seen |= matched;
          const parts = split(segments, matched, depth);
          const leaves = parts & 0xff;
          inner = parts >> 8;
          if (leaves !== 0) {
            // Two targets on one value, or a leaf of one on the way to another (odd flags): JSON.parse decides.
            if (inner !== 0 || (leaves & (leaves - 1)) !== 0) return false;
            leaf = 31 - Math.clz32(leaves);
          }
        }
      }
      i = skipSpace(b, i, end);
      if (i >= end || b[i] !== 58) return false;
      i++;
      step = VALUE;
      continue;
    }
    if (close) {
      i++;
      if (depth === 0) {
        return skipSpace(b, i, end) === end;
      }
      depth--;
      mask = masks[depth] as number;
      seen = seens[depth] as number;
      inArray = arrays[depth] === 1;
      step = AFTER;
    }
  }
}
