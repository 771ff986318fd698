import { type RecordNames, type RecordResult, recordFromValues, skip } from "./log-record.js";

/** Splits one CSV line (RFC 4180 quoting, no line breaks inside quotes) into cells; null if the quoting is broken. */
export function csvCells(line: string): string[] | null {
  const cells: string[] = [];
  let i = 0;
  const n = line.length;
  while (true) {
    if (line[i] === '"') {
      let cell = "";
      i++;
      while (true) {
        const quote = line.indexOf('"', i);
        if (quote === -1) return null;
        cell += line.slice(i, quote);
        if (line[quote + 1] === '"') {
          cell += '"';
          i = quote + 2;
        } else {
          i = quote + 1;
          break;
        }
      }
      cells.push(cell);
      if (i === n) return cells;
      if (line[i] !== ",") return null;
      i++;
    } else {
      const comma = line.indexOf(",", i);
      if (comma === -1) {
        cells.push(line.slice(i));
        return cells;
      }
      cells.push(line.slice(i, comma));
      i = comma + 1;
    }
  }
}

/** Column positions of the fields a request needs; cached and order may be absent. */
export interface CsvColumns {
  count: number;
  episode: number;
  order: number;
  prompt: number;
  cached: number;
  completion: number;
}

const ALIASES = {
  prompt: ["prompt_tokens", "usage.prompt_tokens", "input_tokens"],
  completion: ["completion_tokens", "usage.completion_tokens", "output_tokens"],
  cached: ["cached_tokens", "usage.prompt_tokens_details.cached_tokens", "cached_prompt_tokens"],
} as const;

/**
 * Finds the columns in a header row. Returns the reason, naming the missing column, when a required
 * one is absent: the whole file is then unreadable, not one line.
 */
export function csvColumns(
  header: string,
  names: RecordNames,
): { ok: true; columns: CsvColumns } | { ok: false; reason: string } {
  const cells = csvCells(header);
  if (cells === null) return { ok: false, reason: "the CSV header's quoting is broken" };
  const heads = cells.map((c) => c.trim());
  const find = (options: readonly string[]) => heads.findIndex((h) => options.includes(h));
  const columns: CsvColumns = {
    count: heads.length,
    episode: find([names.episode]),
    order: find([names.order]),
    prompt: find(ALIASES.prompt),
    cached: find(ALIASES.cached),
    completion: find(ALIASES.completion),
  };
  const missing = [
    columns.episode === -1 && names.episode,
    columns.prompt === -1 && ALIASES.prompt.join(" or "),
    columns.completion === -1 && ALIASES.completion.join(" or "),
    columns.order === -1 && names.orderRequired && names.order,
    columns.cached === -1 &&
      !names.cachedOptional &&
      `${ALIASES.cached.join(" or ")} (--cached-optional reads it as 0)`,
  ].filter((name): name is string => typeof name === "string");
  if (missing.length > 0)
    return {
      ok: false,
      reason: `the CSV header has no ${missing.join(", no ")} column (columns: ${heads.join(", ")})`,
    };
  return { ok: true, columns };
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A cell as JSON would hold it: "" → undefined, numeric text → number, anything else stays text. */
function cellValue(cells: string[], index: number): unknown {
  if (index === -1) return undefined;
  const text = (cells[index] as string).trim();
  if (text === "") return undefined;
  return NUMBER.test(text) ? Number(text) : text;
}

/** One CSV row as a request. */
export function recordFromCsv(line: string, columns: CsvColumns, names: RecordNames): RecordResult {
  const cells = csvCells(line);
  if (cells === null) return skip("malformedRow", "broken quoting");
  if (cells.length !== columns.count)
    return skip("malformedRow", `expected ${columns.count} cells as in the header, got ${cells.length}`);
  const episode = columns.episode === -1 ? undefined : (cells[columns.episode] as string).trim();
  const order = columns.order === -1 ? undefined : (cells[columns.order] as string).trim();
  return recordFromValues(
    episode,
    order,
    cellValue(cells, columns.prompt),
    cellValue(cells, columns.cached),
    cellValue(cells, columns.completion),
    names,
  );
}
