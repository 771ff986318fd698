import Table from "cli-table3";
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

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? "" : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 CSV: a header row from `columns`, then one row per record. */
export function csvText(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  const lines = [columns.join(",")];
  for (const row of rows) lines.push(columns.map((c) => csvCell(row[c])).join(","));
  return `${lines.join("\n")}\n`;
}

/** A plain box table without colour codes, safe to pipe. */
export function tableText(head: string[], rows: string[][], align?: ("left" | "right")[]): string {
  const table = new Table({
    head,
    style: { head: [], border: [] },
    chars: { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" },
    ...(align ? { colAligns: align } : {}),
  });
  table.push(...rows);
  return table.toString();
}
