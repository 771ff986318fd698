// The Prometheus text exposition format (version 0.0.4, which OpenMetrics text extends), as servers
// such as vLLM and SGLang write it on /metrics: https://prometheus.io/docs/instrumenting/exposition_formats/
// Pure: text in, samples and counted problems out. A line that cannot be read is counted by kind and
// kept (cut) for the report, never dropped silently.

/** The metric types a `# TYPE` line may name (Prometheus text and OpenMetrics). */
export const PROMETHEUS_TYPES = [
  "counter",
  "gauge",
  "histogram",
  "summary",
  "untyped",
  "unknown",
  "info",
  "stateset",
  "gaugehistogram",
] as const;
export type PrometheusType = (typeof PROMETHEUS_TYPES)[number];

/** Every reason a line is not read, checked in this order (the first that applies wins). */
export const MALFORMED_KINDS = [
  /** The metric name is missing or has a character outside [a-zA-Z0-9_:] (or starts with a digit). */
  "invalidName",
  /** The `{...}` label set is unterminated, has a bad name, an unquoted value, or a bad escape. */
  "invalidLabels",
  /** A label name appears twice in one sample. */
  "duplicateLabel",
  /** The value is missing or is not a float (NaN, +Inf and -Inf are floats). */
  "invalidValue",
  /** Something other than an integer timestamp follows the value. */
  "invalidTimestamp",
  /** A `# TYPE` line without a valid name and one of PROMETHEUS_TYPES. */
  "invalidTypeLine",
  /** A `# HELP` line without a valid metric name. */
  "invalidHelpLine",
] as const;
export type MalformedKind = (typeof MALFORMED_KINDS)[number];

/** One sample line: `name{label="value",...} value [timestamp]`. Labels have no prototype. */
export interface PrometheusSample {
  name: string;
  labels: Record<string, string>;
  value: number;
  timestampMs?: number;
  /** 1-based line number. */
  line: number;
}

/** A line that could not be read. */
export interface MalformedLine {
  line: number;
  kind: MalformedKind;
  /** The line itself, cut to 120 characters. */
  text: string;
}

/** A parsed exposition. */
export interface PrometheusText {
  samples: PrometheusSample[];
  types: Record<string, PrometheusType>;
  help: Record<string, string>;
  malformed: MalformedLine[];
  /** Comment lines read (HELP and TYPE included); a malformed HELP or TYPE is counted as malformed instead. */
  commentLines: number;
  /** Non-blank lines seen. */
  lines: number;
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*/;
const FLOAT = /^[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf|infinity|nan)$/i;
const INTEGER = /^[+-]?\d+$/;

class LineError extends Error {
  constructor(readonly kind: MalformedKind) {
    super(kind);
  }
}

/** A Prometheus float: decimal or exponent notation, NaN, +Inf / -Inf (case-insensitive); else undefined. */
export function prometheusFloat(text: string): number | undefined {
  if (!FLOAT.test(text)) return undefined;
  const lower = text.toLowerCase().replace(/^\+/, "");
  if (lower === "nan") return Number.NaN;
  if (lower === "inf" || lower === "infinity") return Number.POSITIVE_INFINITY;
  if (lower === "-inf" || lower === "-infinity") return Number.NEGATIVE_INFINITY;
  return Number(text);
}

/** Every sample, TYPE and HELP of `text`, and each line that could not be read, by kind. */
export function parsePrometheusText(text: string): PrometheusText {
  const result: PrometheusText = {
    samples: [],
    types: Object.create(null),
    help: Object.create(null),
    malformed: [],
    commentLines: 0,
    lines: 0,
  };
  const rows = text.split("\n");
  for (let i = 0; i < rows.length; i++) {
    const raw = rows[i] as string;
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (line.trim() === "") continue;
    result.lines++;
    try {
      if (line.trimStart().startsWith("#")) {
        readComment(line.trimStart(), result);
        result.commentLines++;
      } else {
        result.samples.push(readSample(line, i + 1));
      }
    } catch (error) {
      if (!(error instanceof LineError)) throw error;
      const cut = line.length > 120 ? `${line.slice(0, 119)}…` : line;
      result.malformed.push({ line: i + 1, kind: error.kind, text: cut });
    }
  }
  return result;
}

function readComment(line: string, into: PrometheusText): void {
  const match = /^#[ \t]+(HELP|TYPE)(?:[ \t]+(.*))?$/.exec(line);
  if (!match) return; // a plain comment, or OpenMetrics' "# EOF"
  const [, keyword, rest = ""] = match;
  const name = NAME.exec(rest)?.[0];
  const after = name === undefined ? "" : rest.slice(name.length);
  if (keyword === "TYPE") {
    const type = after.trim().toLowerCase();
    if (
      name === undefined ||
      !/^[ \t]/.test(after) ||
      !(PROMETHEUS_TYPES as readonly string[]).includes(type)
    )
      throw new LineError("invalidTypeLine");
    into.types[name] = type as PrometheusType;
    return;
  }
  if (name === undefined || (after !== "" && !/^[ \t]/.test(after))) throw new LineError("invalidHelpLine");
  into.help[name] = after.replace(/^[ \t]+/, "").replace(/\\(\\|n)/g, (_, c) => (c === "n" ? "\n" : "\\"));
}

function readSample(line: string, lineNumber: number): PrometheusSample {
  let at = 0;
  while (line[at] === " " || line[at] === "\t") at++;
  const name = NAME.exec(line.slice(at))?.[0];
  if (name === undefined) throw new LineError("invalidName");
  at += name.length;
  const labels: Record<string, string> = Object.create(null);
  if (line[at] === "{") at = readLabels(line, at + 1, labels);
  else if (at < line.length && line[at] !== " " && line[at] !== "\t") throw new LineError("invalidName");
  const fields = line
    .slice(at)
    .trim()
    .split(/[ \t]+/);
  const value = fields[0] === undefined || fields[0] === "" ? undefined : prometheusFloat(fields[0]);
  if (value === undefined) throw new LineError("invalidValue");
  if (fields.length > 2 || (fields[1] !== undefined && !INTEGER.test(fields[1])))
    throw new LineError("invalidTimestamp");
  const sample: PrometheusSample = { name, labels, value, line: lineNumber };
  if (fields[1] !== undefined) sample.timestampMs = Number(fields[1]);
  return sample;
}

// Reads `name="value", ...}` from `at` (just past "{"); returns the index just past "}".
function readLabels(line: string, start: number, labels: Record<string, string>): number {
  let at = skipSpace(line, start);
  while (line[at] !== "}") {
    const labelName = LABEL_NAME.exec(line.slice(at))?.[0];
    if (labelName === undefined) throw new LineError("invalidLabels");
    at = skipSpace(line, at + labelName.length);
    if (line[at] !== "=") throw new LineError("invalidLabels");
    at = skipSpace(line, at + 1);
    if (line[at] !== '"') throw new LineError("invalidLabels");
    let value = "";
    for (at++; ; at++) {
      const c = line[at];
      if (c === undefined) throw new LineError("invalidLabels");
      if (c === '"') break;
      if (c === "\\") {
        const next = line[++at];
        if (next === "n") value += "\n";
        else if (next === "\\" || next === '"') value += next;
        else throw new LineError("invalidLabels");
      } else value += c;
    }
    if (Object.hasOwn(labels, labelName)) throw new LineError("duplicateLabel");
    labels[labelName] = value;
    at = skipSpace(line, at + 1);
    if (line[at] === ",") at = skipSpace(line, at + 1);
    else if (line[at] !== "}") throw new LineError("invalidLabels");
  }
  return at + 1;
}

function skipSpace(line: string, at: number): number {
  let i = at;
  while (line[i] === " " || line[i] === "\t") i++;
  return i;
}
