import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fileKind, pushTextHead } from "./duckdb-head.js";

const dir = mkdtempSync(join(tmpdir(), "rollout-duckdb-head-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function head(content: string) {
  const path = file("head.jsonl", content);
  const pushed: Buffer[] = [];
  const result = pushTextHead(path, Buffer.byteLength(content), (chunk) => pushed.push(Buffer.from(chunk)));
  return { ...result, text: Buffer.concat(pushed).toString("utf8") };
}

describe("pushTextHead(path)", () => {
  it.each([
    ["one line, LF", '{"a":1}\n{"b":2}\n', '{"a":1}\n', 1, 1, true],
    ["CRLF", '{"a":1}\r\n{"b":2}', '{"a":1}\r\n', 1, 2, false],
    [
      "blank lines and a BOM before it",
      '\uFEFF\n \t\n{"a":1}\n{"b":2}\n',
      '\uFEFF\n \t\n{"a":1}\n',
      3,
      1,
      true,
    ],
    ["no line break: the whole file", '{"a":1}', '{"a":1}', 0, 1, false],
  ])(
    "%s: pushes up to the first line's end, counts its line feeds",
    (_label, content, text, rows, newlineBytes, ends) => {
      const result = head(content);
      expect(result.text).toBe(text);
      expect(result.bytes).toBe(Buffer.byteLength(text));
      expect(result.rows).toBe(rows);
      expect(result.newlineBytes).toBe(newlineBytes);
      expect(result.endsWithNewline).toBe(ends);
    },
  );

  it("finds the line feed past the first 64 KiB window", () => {
    const long = `{"a":"${"x".repeat(70_000)}"}\n{"b":2}\n`;
    expect(head(long).bytes).toBe(70_009);
  });
});

describe("fileKind(path)", () => {
  it.each([
    ["PAR1 at the start", "PAR1....", "parquet"],
    ["gzip's magic bytes", Buffer.from([0x1f, 0x8b, 8, 0]), "gzip"],
    ["anything else", '{"a":1}\n', "text"],
    ["an empty file", "", "text"],
  ] as const)("%s: %s", (_label, content, kind) => {
    expect(fileKind(file(`kind-${kind}`, content))).toBe(kind);
  });
});
