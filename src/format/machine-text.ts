// Text for scripts, identical from the CLI and the page: JSON with two-space indent, RFC 4180 CSV.
import { escapedBytes, stripControls } from "./echo.js";

/** JSON for scripts: two-space indent and a trailing newline. */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
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
