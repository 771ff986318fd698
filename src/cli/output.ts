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
