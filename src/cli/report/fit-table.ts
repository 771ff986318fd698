import { plainText } from "../../format/echo.js";
import { tableText } from "../table-text.js";

/** Below this many columns the description column is dropped (the plan list below names each plan). */
const DESCRIPTION_MIN_WIDTH = 100;
/** A description narrower than this says too little to keep. */
const DESCRIPTION_MIN_CHARS = 16;

/** One row per plan: the table's columns, which may go when it is too wide, and each row's description. */
export interface FitTableInput {
  head: string[];
  rows: string[][];
  align: ("left" | "right")[];
  /** Column indices that may be dropped to fit, first dropped first. */
  droppable: number[];
  descriptions: string[];
  width: number;
  /** Where the description column goes (default 2: after the rank and the plan). */
  descriptionAt?: number;
}

const widthOf = (table: string) => (table.split("\n")[0] ?? "").length;

/**
 * The table fitted to `width` columns: the droppable columns removed, in order, until it fits (the
 * returned `dropped` names them for a visible cue), then a description column at `descriptionAt`, cut to the room left, when `width` is at least 100 and that room is worth it.
 */
export function fitTable(input: FitTableInput): { text: string; dropped: string[] } {
  const { width } = input;
  let keep = input.head.map((_, i) => i);
  const pick = <T>(row: T[]) => keep.map((i) => row[i] as T);
  const render = () => tableText(pick(input.head), input.rows.map(pick), pick(input.align));
  let text = render();
  for (const column of input.droppable) {
    if (widthOf(text) <= width) break;
    keep = keep.filter((i) => i !== column);
    text = render();
  }
  const dropped = input.head.filter((_, i) => !keep.includes(i));
  // A column costs its text plus one space each side and a border.
  const room = width - widthOf(text) - 3;
  if (width < DESCRIPTION_MIN_WIDTH || room < DESCRIPTION_MIN_CHARS) return { text, dropped };
  const at = input.descriptionAt ?? 2;
  const insert = <T>(row: T[], cell: T) => [...row.slice(0, at), cell, ...row.slice(at)];
  return {
    text: tableText(
      insert(pick(input.head), "description"),
      input.rows.map((row, i) => insert(pick(row), plainText(input.descriptions[i] ?? "", room))),
      insert(pick(input.align), "left"),
    ),
    dropped,
  };
}
