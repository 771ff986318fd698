import { copyOf } from "../line-text.js";
import type { LogAnalysis, LogFormat } from "../log-analysis.js";
import { type AnalyzeOptions, LogAnalyzer } from "../log-analyzer.js";
import { detectReader, readerFor } from "./index.js";
import { READER_FORMATS, type ReaderFormat } from "./reader.js";
import { ReaderAnalyzer } from "./reader-analyzer.js";

/** Every format `--format` accepts. */
export const ALL_FORMATS = ["auto", "jsonl", "csv", "tinker", ...READER_FORMATS] as const;

/** Options of the dispatching analyzer: a framework format may be forced as well as the request-log ones. */
export interface AutoAnalyzeOptions extends Omit<AnalyzeOptions, "format"> {
  format?: LogFormat | "auto";
}

/** Bytes held back while looking for the end of the first non-blank line. */
const SNIFF_LIMIT_BYTES = 64 << 20;

type Inner = LogAnalyzer | ReaderAnalyzer;

function isReaderFormat(format: string): format is ReaderFormat {
  return (READER_FORMATS as readonly string[]).includes(format);
}

/**
 * Recognises a framework's rollout file by its first record and reads it with that reader; anything else
 * (OpenAI-style JSONL, CSV, Tinker billing, a JSON document) goes to LogAnalyzer unchanged. Holds the
 * input back only until the first non-blank line is complete.
 */
export class AutoLogAnalyzer {
  private inner: Inner | undefined;
  private held: Uint8Array[] = [];
  private heldBytes = 0;
  private readonly sniff = new FirstLine();
  private modelNamed: string | undefined;

  constructor(private readonly options: AutoAnalyzeOptions = {}) {
    const format = options.format ?? "auto";
    if (isReaderFormat(format)) this.inner = new ReaderAnalyzer(readerFor(format), options);
    else if (format !== "auto") this.inner = new LogAnalyzer({ ...options, format });
  }

  get lines(): number {
    return this.inner?.lines ?? 0;
  }

  /** The format decided so far: a framework's, or the request-log analyzer's (undefined while undecided). */
  get detectedFormat(): LogFormat | undefined {
    return this.inner instanceof ReaderAnalyzer ? this.inner.format : this.inner?.detectedFormat;
  }

  /** The request-log analyzer, when what it has read so far is JSONL line by line (later ranges may then be read elsewhere). */
  rangeTarget(): LogAnalyzer | null {
    return this.inner instanceof LogAnalyzer && this.inner.readsJsonlLines ? this.inner : null;
  }

  get openEpisodes(): number {
    return this.inner?.openEpisodes ?? 0;
  }

  push(chunk: Uint8Array): void {
    if (this.inner) {
      this.inner.push(chunk);
      return;
    }
    // Copied: the caller may refill its buffer before the first line is complete.
    this.held.push(copyOf(chunk, 0, chunk.length));
    this.heldBytes += chunk.length;
    const first = this.sniff.push(chunk);
    if (first !== undefined || this.heldBytes >= SNIFF_LIMIT_BYTES) this.choose(first);
  }

  /** The input stopped before its end (a cut gzip stream): passed to the reader chosen. */
  cut(reason: string): void {
    if (!this.inner) this.choose(this.sniff.rest());
    (this.inner as Inner).cut(reason);
  }

  end(): LogAnalysis {
    if (!this.inner) this.choose(this.sniff.rest());
    const analysis = (this.inner as Inner).end();
    return this.modelNamed === undefined ? analysis : { ...analysis, modelNamed: this.modelNamed };
  }

  private choose(first: string | undefined): void {
    let value: unknown;
    try {
      value = first === undefined ? undefined : JSON.parse(first);
    } catch {
      value = undefined;
    }
    const reader = detectReader(value);
    this.modelNamed = modelNamedBy(value);
    const { format: _format, ...rest } = this.options;
    this.inner = reader ? new ReaderAnalyzer(reader, rest) : new LogAnalyzer(rest as AnalyzeOptions);
    const held = this.held;
    this.held = [];
    for (const chunk of held) this.inner.push(chunk);
  }
}

/** The model a record names: OpenAI-style `model` at the top, or in its `request` or `response`. */
function modelNamedBy(record: unknown): string | undefined {
  if (typeof record !== "object" || record === null) return undefined;
  const r = record as Record<string, unknown>;
  for (const candidate of [
    r.model,
    (r.request as Record<string, unknown> | undefined)?.model,
    (r.response as Record<string, unknown> | undefined)?.model,
  ]) {
    if (typeof candidate === "string" && candidate.length > 0 && candidate.length <= 200) return candidate;
  }
  return undefined;
}

/**
 * Finds the first non-blank line of a stream as its chunks arrive: bytes are scanned once, and only the
 * line itself is decoded, so a stream with no line break costs no more than the bytes held for it.
 */
class FirstLine {
  private readonly chunks: Uint8Array[] = [];
  private offset = 0;
  /** Where the first non-blank byte is (offset in the stream), once one has arrived. */
  private start = -1;

  /** The first non-blank line once it is complete, else undefined. */
  push(chunk: Uint8Array): string | undefined {
    const base = this.offset;
    this.offset += chunk.length;
    let i = 0;
    if (this.start < 0) {
      // A UTF-8 byte-order mark at the very start is not part of the line.
      if (base === 0 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) i = 3;
      while (i < chunk.length && isSpaceByte(chunk[i])) i++;
      if (i === chunk.length) return undefined;
      this.start = base + i;
    }
    this.chunks.push(chunk);
    for (; i < chunk.length; i++) {
      const c = chunk[i];
      if (c === 10 || c === 13) return this.decode(base + i);
    }
    return undefined;
  }

  /** Whatever was read, when the input ended before a line break. */
  rest(): string {
    return this.start < 0 ? "" : this.decode(this.offset);
  }

  private decode(end: number): string {
    const bytes = new Uint8Array(end - this.start);
    let at = this.offset;
    for (let k = this.chunks.length - 1; k >= 0; k--) {
      const chunk = this.chunks[k] as Uint8Array;
      at -= chunk.length;
      const from = Math.max(this.start - at, 0);
      const to = Math.min(end - at, chunk.length);
      if (to > from) bytes.set(chunk.subarray(from, to), at + from - this.start);
    }
    return new TextDecoder("utf-8").decode(bytes);
  }
}

// Blank-line bytes: ASCII whitespace.
function isSpaceByte(c: number | undefined): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12;
}
