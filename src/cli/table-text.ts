// Box tables for people (cli-table3), loaded only by the reports that print one.
import Table from "cli-table3";

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
