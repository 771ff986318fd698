import { describe, expect, it } from "vitest";
import { jsonPointer, requestRowsSql } from "./duckdb-rows-sql.js";

describe("jsonPointer(path)", () => {
  it.each([
    ["episode_id", "/episode_id"],
    ["metadata.episode_id", "/metadata/episode_id"],
    ["a/b.c~d", "/a~1b/c~0d"],
    ["items.0", "/items/0"],
  ])("%s → %s (RFC 6901: ~ as ~0, / as ~1)", (path, pointer) => {
    expect(jsonPointer(path)).toBe(pointer);
  });
});

describe("requestRowsSql(source, fields)", () => {
  it("quotes paths and file names as SQL strings", () => {
    const sql = requestRowsSql(
      { kind: "lines", path: "logs/it's.jsonl", maxLineBytes: 1024 },
      { episode: "o'k", order: null, maxLineBytes: 1024 },
    );
    expect(sql).toContain("read_csv('logs/it''s.jsonl'");
    expect(sql).toContain("'/o''k'");
    // File order: no order value is read.
    expect(sql).not.toContain("'/turn'");
  });
});
