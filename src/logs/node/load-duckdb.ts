// The optional dependency, imported only when `--engine duckdb` asks for it: no other command pays for it.
import type * as DuckDb from "@duckdb/node-api";

/** The package the DuckDB engine needs. */
export const DUCKDB_PACKAGE = "@duckdb/node-api";

/** Thrown when @duckdb/node-api is not installed (or its native part does not load here). */
export class DuckdbMissingError extends Error {
  constructor(cause: unknown) {
    super(`${DUCKDB_PACKAGE} is not installed (or does not load here)`, { cause });
    this.name = "DuckdbMissingError";
  }
}

/** @duckdb/node-api, loaded on first use; a DuckdbMissingError when it cannot be. */
export async function loadDuckdb(): Promise<typeof DuckDb> {
  try {
    return await import("@duckdb/node-api");
  } catch (error) {
    throw new DuckdbMissingError(error);
  }
}
