// The SQL that has DuckDB read a log for `analyze --engine duckdb`: one row per line (or Parquet row), in
// file order, with the request's five raw values where DuckDB's JSON reading is sure to give what
// JSON.parse gives; otherwise the line's text, for the streaming reader's own code to judge. Nothing here
// judges a request: validity, skip kinds and messages all stay with recordFromValues and LogAnalyzer.

/** What a row of the query holds: the low two bits of its `kind` column. */
export const ROW_KIND = {
  /** Empty, or only spaces and tabs. */
  blank: 0,
  /** A JSON object whose five values were read faithfully (see the value columns). */
  values: 1,
  /** Anything else: the `text` column holds the line for LogAnalyzer. */
  text: 2,
  /** Longer than the longest line allowed. */
  tooLong: 3,
} as const;

/** How value `i` was found, in bits 2 + 2i of `kind`: as JSON.parse would give it. */
export const VALUE_TAG = { absent: 0, null: 1, present: 2 } as const;

/** Where the rows come from: a line-delimited text file, or a Parquet file. */
export type RowSource =
  | { kind: "lines"; path: string; maxLineBytes: number }
  | { kind: "parquet"; path: string };

/** The fields a request is read from, as dotted paths; `order` null reads requests in file order. */
export interface RowFields {
  episode: string;
  order: string | null;
  maxLineBytes: number;
}

const TOKEN_PATHS = [
  "usage.prompt_tokens",
  "usage.prompt_tokens_details.cached_tokens",
  "usage.completion_tokens",
];

/** Bytes that never occur in a line of valid JSON: DuckDB's CSV reader, split by them, yields whole lines. */
const NO_SUCH_DELIMITER = "\\x01\\x02\\x03\\x04";

// DuckDB's JSON reader also takes NaN, Infinity (any case, signed) and trailing commas, which JSON.parse
// refuses: a line that may hold one (or that holds ", info" in a string) goes to LogAnalyzer.
const LAX_JSON = String.raw`[:\[,]\s*[-+]?[NnIi][AaNn][NnFf]|,\s*[\]}]`;

const MAX_SAFE = 2 ** 53 - 1;

/** DuckDB's read buffer at the least, whatever --max-line-bytes says. */
const MIN_BUFFER_BYTES = 16 << 20;

function quoted(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** A dotted path as a JSON pointer (RFC 6901), which DuckDB's json_extract takes. */
export function jsonPointer(path: string): string {
  return path
    .split(".")
    .map((segment) => `/${segment.replaceAll("~", "~0").replaceAll("/", "~1")}`)
    .join("");
}

// Every row from the first: the caller drops those the streaming reader read itself.
function linesOf(source: RowSource): string {
  if (source.kind === "parquet")
    return `SELECT to_json(t)::VARCHAR AS s FROM read_parquet(${quoted(source.path)}) t`;
  // No quoting, no sniffing, strict: a line break DuckDB would read otherwise (a lone CR) is an error.
  // DuckDB's own buffer is 16 lines of the longest (1 GiB at the default 64 MiB), filled before the first
  // row comes out: a 1 GiB log peaked at 1.26 GiB. Four lines' worth bounds it (690 MiB there). Less lost
  // lines in trials: one line's worth (caught by the engine's check that its lines hold every byte of the
  // file), two lines' worth 13,811 of 570,847 rows of a 256 MiB log read by the query alone.
  const maxLineSize = source.maxLineBytes + 2;
  return (
    `SELECT line AS s FROM read_csv(${quoted(source.path)}, columns = {'line': 'VARCHAR'}, header = false, ` +
    `delim = E'${NO_SUCH_DELIMITER}', quote = '', escape = '', auto_detect = false, strict_mode = true, ` +
    `max_line_size = ${maxLineSize}, buffer_size = ${Math.max(4 * maxLineSize, MIN_BUFFER_BYTES)})`
  );
}

/**
 * The query: per row `kind` (ROW_KIND, and VALUE_TAG per value), `n` (the line's UTF-8 bytes), `text` (kind
 * text only), then the five values (kind values only): the episode as text, the others as numbers.
 */
export function requestRowsSql(source: RowSource, fields: RowFields): string {
  const paths = [fields.episode, fields.order, ...TOKEN_PATHS];
  const pointers = paths.map((path) => (path === null ? null : jsonPointer(path)));
  const parents = new Set<string>();
  for (const path of paths) {
    if (path === null) continue;
    const segments = path.split(".");
    for (let k = 1; k < segments.length; k++) parents.add(jsonPointer(segments.slice(0, k).join(".")));
  }
  const extracted = [...pointers.filter((p): p is string => p !== null), ...parents];
  const at = (pointer: string) => `p[${extracted.indexOf(pointer) + 1}]`;
  const types = pointers.map(
    (pointer, i) => `${pointer === null ? "NULL" : `json_type(${at(pointer)})`} AS y${i}`,
  );
  const tags = pointers.map(
    (_, i) =>
      `((CASE WHEN y${i} IS NULL THEN ${VALUE_TAG.absent} WHEN y${i} = 'NULL' THEN ${VALUE_TAG.null} ELSE ${VALUE_TAG.present} END) << ${2 + 2 * i})`,
  );
  const faithful = pointers.map((pointer, i) => {
    if (pointer === null) return "true";
    // A dotted episode or order path that is not there may still be one flat key: LogAnalyzer decides.
    const absent = i >= 2 || !(paths[i] as string).includes(".") ? `y${i} IS NULL OR ` : "";
    const present =
      i === 0
        ? `(y0 = 'VARCHAR' AND strpos(${at(pointer)}::VARCHAR, '\\') = 0)`
        : `(y${i} IN ('UBIGINT', 'BIGINT') AND abs(TRY_CAST(${at(pointer)} AS DOUBLE)) <= ${MAX_SAFE})`;
    return `coalesce(${absent}y${i} = 'NULL' OR ${present}, false)`;
  });
  const values = pointers.map((pointer, i) => {
    if (pointer === null) return `NULL::${i === 0 ? "VARCHAR" : "DOUBLE"} AS v${i}`;
    const piece = at(pointer);
    return i === 0
      ? `CASE WHEN faithful AND y0 = 'VARCHAR' THEN (${piece}::VARCHAR)[2:-2] END AS v0`
      : `CASE WHEN faithful AND y${i} IN ('UBIGINT', 'BIGINT') THEN TRY_CAST(${piece} AS DOUBLE) END AS v${i}`;
  });
  // JSON.parse keeps the last of two equal keys, DuckDB the first: a repeated key on a path goes to LogAnalyzer.
  const distinct = (keys: string) => `coalesce(len(${keys}) = len(list_distinct(${keys})), true)`;
  const unique = [
    distinct("root_keys"),
    ...[...parents].map((pointer) => distinct(`json_keys(${at(pointer)})`)),
  ];
  const readable = `NOT blank AND n <= ${fields.maxLineBytes}`;
  return `
WITH lines AS (${linesOf(source)}),
measured AS (SELECT s, s IS NULL OR NOT regexp_matches(s, '[^ \\t]') AS blank, coalesce(strlen(s), 0) AS n FROM lines),
parsed AS (
  SELECT *,
    CASE WHEN ${readable} THEN try(json_keys(s)) END AS root_keys,
    CASE WHEN ${readable} THEN try(json_extract(s, [${extracted.map(quoted).join(", ")}])) END AS p
  FROM measured),
typed AS (SELECT *, ${types.join(", ")} FROM parsed),
judged AS (
  SELECT *, coalesce(${readable} AND root_keys IS NOT NULL AND p IS NOT NULL
    AND regexp_matches(s, '^[ \\t]*\\{') AND NOT regexp_matches(s, ${quoted(LAX_JSON)})
    AND ${unique.join(" AND ")} AND ${faithful.join(" AND ")}, false) AS faithful
  FROM typed)
SELECT
  (CASE WHEN blank THEN ${ROW_KIND.blank} WHEN n > ${fields.maxLineBytes} THEN ${ROW_KIND.tooLong}
    WHEN faithful THEN ${ROW_KIND.values} | ${tags.join(" | ")} ELSE ${ROW_KIND.text} END)::INTEGER AS kind,
  n::INTEGER AS n,
  CASE WHEN ${readable} AND NOT faithful THEN s END AS text,
  ${values.join(", ")}
FROM judged`;
}
