// The Mooncake trace format (kvcache-ai/Mooncake FAST25-release/traces): one JSON object a line with
// `timestamp` (ms), `input_length`, `output_length` and `hash_ids` (ids of 512-token prefix blocks).
import type { TraceRequest } from "../core/trace-replay/trace-request.js";

/** Why a line of a trace was not read as a request; each skipped line counts under one kind. */
export const TRACE_SKIP_KINDS = ["malformedJson", "missingField", "invalidValue"] as const;
export type TraceSkipKind = (typeof TRACE_SKIP_KINDS)[number];

/** The requests read so far, the lines skipped by kind, and the first few skipped lines' numbers. */
export interface MooncakeTrace {
  requests: TraceRequest[];
  lines: number;
  blankLines: number;
  skipped: Record<TraceSkipKind, number>;
  firstSkipped: { line: number; kind: TraceSkipKind }[];
}

const FIELDS = ["timestamp", "input_length", "output_length", "hash_ids"] as const;
const isCount = (value: unknown): value is number =>
  typeof value === "number" && Number.isSafeInteger(value) && value >= 0;

/** One line → a request, or the kind of problem it has. */
export function parseMooncakeLine(text: string): TraceRequest | TraceSkipKind {
  let row: unknown;
  try {
    row = JSON.parse(text);
  } catch {
    return "malformedJson";
  }
  if (typeof row !== "object" || row === null || Array.isArray(row)) return "malformedJson";
  const record = row as Record<string, unknown>;
  if (FIELDS.some((field) => record[field] === undefined || record[field] === null)) return "missingField";
  const { timestamp, input_length, output_length, hash_ids } = record;
  if (typeof timestamp !== "number" || !Number.isFinite(timestamp) || timestamp < 0) return "invalidValue";
  if (!isCount(input_length) || !isCount(output_length) || !Array.isArray(hash_ids)) return "invalidValue";
  if (!hash_ids.every(isCount)) return "invalidValue";
  return {
    timestampMs: timestamp,
    inputTokens: input_length,
    outputTokens: output_length,
    hashIds: hash_ids as number[],
  };
}

/** A reader fed line by line: never drops a line without counting it. */
export class MooncakeTraceReader {
  readonly trace: MooncakeTrace = {
    requests: [],
    lines: 0,
    blankLines: 0,
    skipped: { malformedJson: 0, missingField: 0, invalidValue: 0 },
    firstSkipped: [],
  };

  /** Reads the next line (without its terminator). */
  line(text: string): void {
    const number = ++this.trace.lines;
    if (text.trim() === "") {
      this.trace.blankLines++;
      return;
    }
    const parsed = parseMooncakeLine(text);
    if (typeof parsed !== "string") {
      this.trace.requests.push(parsed);
      return;
    }
    this.trace.skipped[parsed]++;
    if (this.trace.firstSkipped.length < 5) this.trace.firstSkipped.push({ line: number, kind: parsed });
  }
}

/** Every line of `text` read as a trace. */
export function parseMooncakeTrace(text: string): MooncakeTrace {
  const reader = new MooncakeTraceReader();
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  for (const line of lines) reader.line(line.replace(/^\uFEFF/, ""));
  return reader.trace;
}
