// Box tables for people (cli-table3), loaded only by the reports that print one.
import Table from "cli-table3";
import { plainText } from "../format/echo.js";

/** The widest a table cell's line may be (characters): longer text is cut with "…", keeping layout linear. */
const MAX_CELL_CHARS = 100;

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
