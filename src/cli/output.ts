import Table from "cli-table3";
import { cutText, stripControls } from "../format/echo.js";
import { CliError } from "./cli-error.js";

export type OutputFormat = "table" | "json" | "csv";

/** The flags every reporting command takes for its output format. */
export const OUTPUT_FLAGS = {
  json: { type: "boolean" },
  csv: { type: "boolean" },
} as const;

/** Which format `--json` / `--csv` ask for; both at once is an error. */
export function outputFormat(values: {
  json?: boolean | undefined;
  csv?: boolean | undefined;
}): OutputFormat {
  if (values.json && values.csv) throw new CliError("--json and --csv cannot be used together");
  return values.json ? "json" : values.csv ? "csv" : "table";
}

/** JSON for scripts: two-space indent and a trailing newline. */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** The widest a table cell's line may be (characters): longer text is cut with "…", keeping layout linear. */
const MAX_CELL_CHARS = 100;

/**
 * Untrusted text (a plan id or label from an imported price map, a log's episode id, a message quoting a
 * log line) for a human report: control characters replaced, cut to `maxChars` with "…".
 */
export function plainText(text: string, maxChars = 160): string {
  return cutText(stripControls(escapedBytes(text)), maxChars);
}

// A lone U+DC80–U+DCFF is an invalid UTF-8 byte the log reader kept distinct (src/logs/utf8-escape.ts).
const LONE_BYTE = /(?<![\uD800-\uDBFF])[\uDC80-\uDCFF]/g;

/** Invalid UTF-8 bytes kept by the log reader, written as `\xFE`, so two ids that differ there print differently. */
export function escapedBytes(text: string): string {
  return text.replace(LONE_BYTE, (c) => `\\x${(c.charCodeAt(0) - 0xdc00).toString(16).toUpperCase()}`);
}

/** A whole human report made safe to print: every line's control characters replaced; line breaks kept. */
export function terminalSafe(report: string): string {
  return report
    .split("\n")
    .map((line) => stripControls(line))
    .join("\n");
}

function csvCell(value: unknown): string {
  // Control characters never reach the terminal that prints the CSV; a value's length is kept.
  const text = value === null || value === undefined ? "" : stripControls(escapedBytes(String(value)));
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 CSV: a header row from `columns`, then one row per record. */
export function csvText(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  const lines = [columns.join(",")];
  for (const row of rows) lines.push(columns.map((c) => csvCell(row[c])).join(","));
  return `${lines.join("\n")}\n`;
}

function tableCell(text: string): string {
  return text
    .split("\n")
    .map((line) => plainText(line, MAX_CELL_CHARS))
    .join("\n");
}

/**
 * A plain box table without colour codes, safe to pipe: each cell's lines are stripped of control
 * characters and cut to 100 characters, so a hostile or huge label costs linear time.
 */
export function tableText(head: string[], rows: string[][], align?: ("left" | "right")[]): string {
  const table = new Table({
    head: head.map(tableCell),
    style: { head: [], border: [] },
    chars: { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" },
    ...(align ? { colAligns: align } : {}),
  });
  table.push(...rows.map((row) => row.map(tableCell)));
  return table.toString();
}
