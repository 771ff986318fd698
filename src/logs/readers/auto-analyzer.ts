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

  constructor(private readonly options: AutoAnalyzeOptions = {}) {
    const format = options.format ?? "auto";
    if (isReaderFormat(format)) this.inner = new ReaderAnalyzer(readerFor(format), options);
    else if (format !== "auto") this.inner = new LogAnalyzer({ ...options, format });
  }

  get lines(): number {
    return this.inner?.lines ?? 0;
  }

  get openEpisodes(): number {
    return this.inner?.openEpisodes ?? 0;
  }

  push(chunk: Uint8Array): void {
    if (this.inner) {
      this.inner.push(chunk);
      return;
    }
    this.held.push(chunk);
    this.heldBytes += chunk.length;
    const first = this.sniff.push(chunk);
    if (first !== undefined || this.heldBytes >= SNIFF_LIMIT_BYTES) this.choose(first);
  }

  end(): LogAnalysis {
    if (!this.inner) this.choose(this.sniff.rest());
    return (this.inner as Inner).end();
  }

  private choose(first: string | undefined): void {
    let value: unknown;
    try {
      value = first === undefined ? undefined : JSON.parse(first);
    } catch {
      value = undefined;
    }
    const reader = detectReader(value);
    const { format: _format, ...rest } = this.options;
    this.inner = reader ? new ReaderAnalyzer(reader, rest) : new LogAnalyzer(rest as AnalyzeOptions);
    const held = this.held;
    this.held = [];
    for (const chunk of held) this.inner.push(chunk);
  }
}

/** Finds the first non-blank line of a stream as its chunks arrive, decoding each chunk once. */
class FirstLine {
  private readonly decoder = new TextDecoder("utf-8");
  private text = "";
  private searched = 0;

  /** The first non-blank line once it is complete, else undefined. */
  push(chunk: Uint8Array): string | undefined {
    this.text += this.decoder.decode(chunk, { stream: true });
    for (let i = this.searched; i < this.text.length; i++) {
      const c = this.text.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      const line = this.text.slice(0, i).replace(/^[\s\uFEFF]+/, "");
      if (line.trim() !== "") return line;
    }
    this.searched = this.text.length;
    return undefined;
  }

  /** Whatever was read, when the input ended before a line break. */
  rest(): string {
    return this.text.replace(/^[\s\uFEFF]+/, "");
  }
}
