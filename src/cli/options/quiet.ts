import { CliError } from "../cli-error.js";
import type { OutputFormat } from "../output.js";

/** `--quiet`: print only the verdict. */
export const QUIET_FLAG = { quiet: { type: "boolean" } } as const;

/** "quiet" when `--quiet` is given (a CliError beside --json or --csv), else `format`. */
export function quietFormat(
  values: { quiet?: boolean | undefined },
  format: OutputFormat,
): OutputFormat | "quiet" {
  if (!values.quiet) return format;
  if (format !== "table")
    throw new CliError(`--quiet prints only the verdict, as text; it cannot be used with --${format}`);
  return "quiet";
}
