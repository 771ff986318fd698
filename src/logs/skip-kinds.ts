import { cutText, stripControls } from "../format/echo.js";

/**
 * Every reason a line is not counted as a request. Each skipped line is counted under exactly one kind,
 * checked in this order (the first that applies wins).
 */
export const SKIP_KINDS = [
  /** The line is not JSON, or not a JSON object (JSONL, Tinker). */
  "malformedJson",
  /** A CSV row whose cells do not match the header (count, quoting). */
  "malformedRow",
  /** The last line has no line break and cannot be read: the file was cut off mid-record. */
  "truncatedLine",
  /** The episode id, prompt_tokens, completion_tokens, cached_tokens (unless optional) or a named --order-key is absent or null. */
  "missingField",
  /** A token count that is negative, fractional, not a number, or above 2^53. */
  "invalidCount",
  /** The order value (turn or --order-key) is neither a finite number nor a date. */
  "invalidOrder",
  /** cached_tokens is greater than prompt_tokens. */
  "cachedExceedsPrompt",
  /** A second request for the same (episode, turn): the first one in the file is kept. */
  "duplicateTurn",
  /**
   * A request that belongs between two turns of an episode that went quiet for more than the reorder
   * window (lines) and was already folded up: it can no longer be placed exactly.
   */
  "lateTurn",
  /** A Tinker billing event whose type carries no tokens we can read (its type is unknown). */
  "unknownEvent",
  /**
   * The gzip stream stops before its end or is corrupt: one more line, after what was read before the
   * cut (which is counted), standing for the missing rest.
   */
  "truncatedGzip",
] as const;

export type SkipKind = (typeof SKIP_KINDS)[number];

/** One skipped line, as reported to the user. */
export interface BadLine {
  /** 1-based line number in the (decompressed) input. */
  line: number;
  kind: SkipKind;
  message: string;
}

/** The longest message kept for a skipped line, in characters. */
const MAX_MESSAGE_CHARS = 200;

/** Counts skipped lines by kind and keeps the first few of each kind with their line numbers. */
export class BadLineLog {
  readonly counts: Record<SkipKind, number>;
  private readonly examples: BadLine[] = [];

  constructor(private readonly examplesPerKind = 5) {
    this.counts = Object.fromEntries(SKIP_KINDS.map((kind) => [kind, 0])) as Record<SkipKind, number>;
  }

  record(line: number, kind: SkipKind, message: string): void {
    const count = ++this.counts[kind];
    // A message may quote the line (JSON.parse does): kept short and free of control characters.
    if (count <= this.examplesPerKind)
      this.examples.push({ line, kind, message: cutText(stripControls(message), MAX_MESSAGE_CHARS) });
  }

  get total(): number {
    let sum = 0;
    for (const kind of SKIP_KINDS) sum += this.counts[kind];
    return sum;
  }

  /** The kept examples, by line number. */
  firstFew(): BadLine[] {
    return [...this.examples].sort((a, b) => a.line - b.line);
  }
}
