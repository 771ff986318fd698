// Most lines of one log share a layout: the same keys in the same order and the same kinds of values,
// with only the values changing. From a line the byte scanner has read, this learns its layout as a
// sticky regular expression that matches exactly the valid JSON lines of that layout (any string where
// the line had a string, any number where it had a number, the LF or CRLF after it) and captures the
// values a request needs. V8 compiles the expression to machine code, so a line of a known layout is
// validated and read in one native call; any other line goes to the scanner as before.

import { latin1 } from "./line-text.js";
import type { RecordNames, RecordResult } from "./log-record.js";
import { recordFromValues } from "./log-record.js";

/** A JSON string: no raw control byte, only JSON's escapes (the unrolled form, so no backtracking per character). */
const STRING = String.raw`"[^"\\\x00-\x1f]*(?:\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})[^"\\\x00-\x1f]*)*"`;
const NUMBER = String.raw`-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?`;
/** A string the scanner would read as it is: printable ASCII, no quote, no backslash. */
const PLAIN_STRING = String.raw`[\x20\x21\x23-\x5b\x5d-\x7e]*`;

/** The values a request is read from, in the order recordFromValues takes them. */
const EPISODE = 0;
const ORDER = 1;
const PROMPT = 2;
const CACHED = 3;
const COMPLETION = 4;
const TARGETS = 5;

/**
 * Past these a line's layout is not worth a regular expression, or is too big for one (V8 refuses to
 * compile an expression of a 40 KB key: "Regular expression too large").
 */
const MAX_PARTS = 8192;
const MAX_DEPTH = 64;
const MAX_LITERAL_BYTES = 256;

/** What a capture holds: number text, or a plain string's contents. */
const ABSENT = 0;
const NUMBER_TEXT = 1;
const STRING_TEXT = 2;

/** One learned layout: its expression, and per target the capture that holds it and what kind. */
export interface LineShape {
  regex: RegExp;
  groups: Int32Array;
  kinds: Int8Array;
}

/** The dotted paths of the targets, segment by segment (null: a target that is never read, like the order in file order). */
export type TargetPaths = (string[] | null)[];

/** The paths an analyzer reads, in target order. */
export function targetPaths(episodePath: string, orderPath: string | null): TargetPaths {
  return [
    episodePath.split("."),
    orderPath === null ? null : orderPath.split("."),
    ["usage", "prompt_tokens"],
    ["usage", "prompt_tokens_details", "cached_tokens"],
    ["usage", "completion_tokens"],
  ];
}

/** The request a match of `shape` holds, exactly as JSON.parse + recordFromJson would read its line. */
export function shapeRecord(shape: LineShape, match: RegExpExecArray, names: RecordNames): RecordResult {
  return recordFromValues(
    captured(shape, match, EPISODE),
    captured(shape, match, ORDER),
    captured(shape, match, PROMPT),
    captured(shape, match, CACHED),
    captured(shape, match, COMPLETION),
    names,
  );
}

function captured(shape: LineShape, match: RegExpExecArray, target: number): unknown {
  const kind = shape.kinds[target];
  if (kind === ABSENT) return undefined;
  const text = match[shape.groups[target] as number] as string;
  return kind === NUMBER_TEXT ? Number(text) : text;
}

/** Characters with a meaning in a regular expression, escaped in a key. */
function literal(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
}

function isSpace(c: number | undefined): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** Builds the expression while walking one line; every method answers the position after what it read, or -1 to give up. */
class ShapeBuilder {
  readonly parts: string[] = [];
  readonly groups = new Int32Array(TARGETS);
  readonly kinds = new Int8Array(TARGETS);
  private captures = 0;

  constructor(
    private readonly b: Uint8Array,
    private readonly end: number,
    private readonly paths: TargetPaths,
  ) {}

  /** The bytes `[from, to)` as text (ASCII here: keys, whitespace and separators, of any length). */
  private text(from: number, to: number): string {
    return latin1(this.b, from, to);
  }

  /** Whitespace at `i`, copied as it is: a line of this layout spaces its tokens the same way (-1: too long a run). */
  space(i: number): number {
    let k = i;
    while (k < this.end && isSpace(this.b[k])) k++;
    if (k - i > MAX_LITERAL_BYTES) return -1;
    if (k > i) this.parts.push(this.text(i, k));
    return k;
  }

  /** A value at `i`; `targets` are those whose path continues into it, `leaf` the one it is (-1: none). */
  value(i: number, targets: number, depth: number, leaf: number): number {
    if (depth > MAX_DEPTH) return -1;
    const c = this.b[i];
    if (leaf !== -1) return this.leafValue(i, leaf);
    if (c === 123) return this.object(i, targets, depth);
    if (c === 91) return this.array(i, depth);
    if (c === 34) {
      const k = this.stringEnd(i);
      if (k !== -1) this.parts.push(STRING);
      return k;
    }
    if (c === 116 || c === 102) {
      this.parts.push("(?:true|false)");
      return i + (c === 116 ? 4 : 5);
    }
    if (c === 110) {
      this.parts.push("null");
      return i + 4;
    }
    const k = this.numberEnd(i);
    if (k !== -1) this.parts.push(NUMBER);
    return k;
  }

  /** A target's value: a number, or a plain string, captured; anything else is left to the scanner. */
  private leafValue(i: number, leaf: number): number {
    this.groups[leaf] = ++this.captures;
    if (this.b[i] === 34) {
      const k = this.stringEnd(i);
      if (k === -1) return -1;
      for (let j = i + 1; j < k - 1; j++) {
        const d = this.b[j] as number;
        if (d < 0x20 || d >= 0x7f || d === 92) return -1;
      }
      this.kinds[leaf] = STRING_TEXT;
      this.parts.push(`"(${PLAIN_STRING})"`);
      return k;
    }
    const k = this.numberEnd(i);
    if (k === -1) return -1;
    this.kinds[leaf] = NUMBER_TEXT;
    this.parts.push(`(${NUMBER})`);
    return k;
  }

  private object(i: number, targets: number, depth: number): number {
    this.parts.push("\\{");
    let k = this.space(i + 1);
    if (this.b[k] === 125) {
      this.parts.push("\\}");
      return k + 1;
    }
    const keys = new Set<string>();
    for (;;) {
      const keyEnd = this.stringEnd(k);
      if (keyEnd === -1 || keyEnd - k > MAX_LITERAL_BYTES) return -1;
      for (let j = k + 1; j < keyEnd - 1; j++) {
        const d = this.b[j] as number;
        // Keys spelled with escapes or non-ASCII bytes could be duplicates in disguise: the scanner decides.
        if (d < 0x20 || d >= 0x7f || d === 92) return -1;
      }
      const key = this.text(k + 1, keyEnd - 1);
      if (keys.has(key)) return -1;
      keys.add(key);
      this.parts.push(`"${literal(key)}"`);
      const { inner, leaf } = this.match(key, targets, depth);
      if (leaf === -2) return -1;
      k = this.space(keyEnd);
      if (this.b[k] !== 58) return -1;
      this.parts.push(":");
      k = this.value(this.space(k + 1), inner, depth + 1, leaf);
      if (k === -1) return -1;
      k = this.space(k);
      if (this.b[k] === 125) {
        this.parts.push("\\}");
        return k + 1;
      }
      if (this.b[k] !== 44) return -1;
      this.parts.push(",");
      k = this.space(k + 1);
    }
  }

  /** The targets whose segment at `depth` is `key`: the one it ends (leaf; -2 for an odd case) and those it leads into. */
  private match(key: string, targets: number, depth: number): { inner: number; leaf: number } {
    let inner = 0;
    let leaf = -1;
    for (let t = 0; t < TARGETS; t++) {
      const path = this.paths[t];
      if ((targets & (1 << t)) === 0 || !path || path[depth] !== key) continue;
      if (path.length === depth + 1) leaf = leaf === -1 ? t : -2;
      else inner |= 1 << t;
    }
    // Two targets on one value, or a leaf of one on the way to another: the scanner leaves these to JSON.parse.
    if (leaf !== -1 && inner !== 0) leaf = -2;
    return { inner, leaf };
  }

  /**
   * An array, element by element; one of only numbers or only strings, spaced alike, becomes a pattern
   * for any number of them (token ids, stop sequences). Arrays hold no targets: the scanner reads none there.
   */
  private array(i: number, depth: number): number {
    const start = this.parts.length;
    this.parts.push("\\[");
    let k = this.space(i + 1);
    if (k === -1) return -1;
    if (this.b[k] === 93) {
      this.parts.push("\\]");
      return k + 1;
    }
    const lead = this.text(i + 1, k);
    const kind = scalarKind(this.b[k]);
    let uniform = kind !== 0;
    let separator: string | null = null;
    let trailing = "";
    for (;;) {
      if (scalarKind(this.b[k]) !== kind) uniform = false;
      k = this.value(k, 0, depth + 1, -1);
      if (k === -1) return -1;
      const after = k;
      k = this.space(k);
      if (this.b[k] === 93) {
        trailing = this.text(after, k);
        this.parts.push("\\]");
        break;
      }
      if (this.b[k] !== 44) return -1;
      this.parts.push(",");
      k = this.space(k + 1);
      if (k === -1) return -1;
      const between = this.text(after, k);
      if (separator === null) separator = between;
      else if (between !== separator) uniform = false;
    }
    if (uniform) {
      const element = kind === STRING_TEXT ? STRING : NUMBER;
      this.parts.length = start;
      this.parts.push(`\\[${lead}${element}(?:${separator ?? ","}${element})*${trailing}\\]`);
    }
    return k + 1;
  }

  /** The position after the string at `i` (escapes stepped over, not checked), or -1. */
  private stringEnd(i: number): number {
    if (this.b[i] !== 34) return -1;
    let j = i + 1;
    while (j < this.end) {
      const d = this.b[j];
      if (d === 34) return j + 1;
      j += d === 92 ? 2 : 1;
    }
    return -1;
  }

  /** The position after the number-like run at `i`, or -1 (the expression checks its grammar). */
  private numberEnd(i: number): number {
    let k = i;
    while (k < this.end && NUMBER_BYTE[this.b[k] as number] === 1) k++;
    return k > i ? k : -1;
  }

  found(target: number): boolean {
    return this.kinds[target] !== ABSENT;
  }
}

/** 1 for the bytes a JSON number is written with. */
const NUMBER_BYTE = new Uint8Array(256);
for (const c of "0123456789+-.eE") NUMBER_BYTE[c.charCodeAt(0)] = 1;

/** STRING_TEXT for a string, NUMBER_TEXT for a number, 0 for anything else. */
function scalarKind(c: number | undefined): number {
  if (c === 34) return STRING_TEXT;
  return c === 45 || (c !== undefined && c >= 48 && c <= 57) ? NUMBER_TEXT : 0;
}

/**
 * The layout of the JSON line `b[start, end)` as a shape, or null when it is not one worth learning: a
 * key spelled with escapes or repeated, a target that is not a number or a plain string, a dotted
 * episode or order path not found (a flat key might hold it), too many tokens, or a line the shape does
 * not match whole (one that is not valid JSON).
 */
export function learnShape(b: Uint8Array, start: number, end: number, paths: TargetPaths): LineShape | null {
  const builder = new ShapeBuilder(b, end, paths);
  let k = builder.space(start);
  if (b[k] !== 123) return null;
  let roots = 0;
  for (let t = 0; t < TARGETS; t++) if (paths[t]) roots |= 1 << t;
  k = builder.value(k, roots, 0, -1);
  if (k === -1 || builder.space(k) !== end || builder.parts.length > MAX_PARTS) return null;
  for (const target of [EPISODE, ORDER]) {
    const path = paths[target];
    if (path && path.length > 1 && !builder.found(target)) return null;
  }
  const regex = new RegExp(`${builder.parts.join("")}\\r?\\n`, "y");
  const text = `${latin1(b, start, end)}\n`;
  regex.lastIndex = 0;
  try {
    if (regex.exec(text) === null || regex.lastIndex !== text.length) return null;
  } catch {
    // Too large to compile after all: the scanner reads lines of this layout.
    return null;
  }
  return { regex, groups: builder.groups, kinds: builder.kinds };
}
