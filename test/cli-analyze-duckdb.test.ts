// Issue 13, item 3: `analyze --engine duckdb` gives the streaming reader's report, the whole `--json`
// document, on every log it reads (the committed samples, generated logs, hand-written hostile lines, a
// Parquet file made from a JSONL one); everything else is one exit-2 line naming --engine.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { generateLog } from "../examples/generate-log.js";
import { writeLog } from "../examples/write-log.js";
import { runCliInProcess, spawnCli } from "./cli-helpers.js";

const example = (name: string) => fileURLToPath(new URL(`../examples/${name}`, import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "rollout-duckdb-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const duckdb = await import("@duckdb/node-api").catch(() => null);
/** Said in the test names and on stderr when the tests that need DuckDB are skipped. */
const SKIPPED = duckdb ? "" : " (skipped: @duckdb/node-api does not load here)";
if (!duckdb) console.warn(`the DuckDB engine's tests are skipped: @duckdb/node-api does not load here`);

function write(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function both(path: string, flags: string[] = ["--json"]) {
  const stream = await runCliInProcess(["analyze", path, ...flags]);
  const engine = await runCliInProcess(["analyze", path, ...flags, "--engine", "duckdb"]);
  return { stream, engine };
}

async function expectSameReport(path: string, flags: string[] = ["--json"]) {
  const { stream, engine } = await both(path, flags);
  expect(stream.code, stream.stderr).toBe(0);
  expect(engine.stderr).toBe(stream.stderr);
  expect(engine.code).toBe(0);
  expect(engine.stdout).toBe(stream.stdout);
  return flags.includes("--json") ? JSON.parse(engine.stdout) : engine.stdout;
}

const record = (fields: Record<string, unknown>) =>
  JSON.stringify({
    episode_id: "e",
    turn: 1,
    usage: { prompt_tokens: 100, completion_tokens: 5, prompt_tokens_details: { cached_tokens: 10 } },
    ...fields,
  });

// Lines DuckDB's JSON reader reads otherwise than JSON.parse, or whose values it cannot give as they are:
// each must reach the streaming reader's code and be counted as the streaming reader counts it.
const HOSTILE_LINES = [
  record({ turn: 1 }),
  record({ turn: 2, usage: { prompt_tokens: Number.NaN } }).replace("null", "NaN"),
  '{"episode_id":"e","turn":3,"usage":{"prompt_tokens":120,"completion_tokens":5,"prompt_tokens_details":{"cached_tokens":1},},}',
  '{"episode_id":"e","turn":4,"usage":{"prompt_tokens":1,"completion_tokens":2,"prompt_tokens_details":{"cached_tokens":0}},"usage":{"prompt_tokens":130,"completion_tokens":5,"prompt_tokens_details":{"cached_tokens":3}}}',
  record({ episode_id: 7, turn: 1 }),
  record({ episode_id: 1e21, turn: 1 }),
  record({ episode_id: "tab\\there", turn: 1 }).replace("\\\\t", "\\t"),
  '{"episode_id":"\\ud800","turn":1,"usage":{"prompt_tokens":5,"completion_tokens":1,"prompt_tokens_details":{"cached_tokens":0}}}',
  record({ episode_id: "f", turn: "2" }),
  record({ episode_id: "f", turn: "2026-12-01T00:00:00Z" }),
  record({ episode_id: "f", turn: 1.5 }),
  record({ episode_id: "f", turn: 2 ** 60 }),
  record({ episode_id: "g", usage: { prompt_tokens: "100", completion_tokens: 5 } }),
  record({ episode_id: "g", turn: 2, usage: { prompt_tokens: 1e3, completion_tokens: 5.0 } }),
  record({ episode_id: "g", turn: 3, usage: { prompt_tokens: -4, completion_tokens: 5 } }),
  record({ episode_id: "g", turn: 4, usage: { prompt_tokens: 2 ** 53 + 2, completion_tokens: 5 } }),
  record({ episode_id: "g", turn: 5, usage: null }),
  record({ episode_id: "g", turn: 6, usage: [1, 2] }),
  record({
    episode_id: "g",
    turn: 7,
    usage: { prompt_tokens: 9, completion_tokens: 1, prompt_tokens_details: null },
  }),
  record({ episode_id: "e", turn: 1 }),
  "\t  ",
  "",
  "[1, 2]",
  '"a string"',
  "{}",
  '{"episode_id": "e", "turn": 9, "note": "a comma, info", "usage": {"prompt_tokens": 5, "completion_tokens": 1, "prompt_tokens_details": {"cached_tokens": 0}}}',
  '{"episode_id": "h", "turn": 1, "usage": {"prompt_tokens": 50, "completion_tokens": 5, "prompt_tokens_details": {"cached_tokens": 60}}}',
  "\f",
  record({ episode_id: "é–🙂", turn: 1 }),
  '{"episode_id": "cut", "turn": 1, "usage": {"prompt_tokens": 5',
  record({ episode_id: "cut", turn: 2 }),
  '{"episode_id": "cut", "turn": 3, "usage": {"prompt_tokens": 5',
];

describe.skipIf(!duckdb)(`rollout-cost analyze --engine duckdb equals the streaming reader${SKIPPED}`, () => {
  it.each([
    ["sample.jsonl", []],
    ["sample.jsonl", ["--file-order"]],
    ["sample.jsonl", ["--cached-optional", "--reorder-window", "3"]],
    ["sample.jsonl", ["--order-key", "created"]],
    ["sample.jsonl", ["--episode-key", "model"]],
    ["sample.jsonl", ["--model", "gpt-oss-120b", "--plans", "tinker,dedicated"]],
  ])("on examples/%s %j (the whole --json output)", async (name, flags) => {
    await expectSameReport(example(name), ["--json", ...flags]);
  });

  it("on examples/sample.jsonl as a table and as --csv", async () => {
    await expectSameReport(example("sample.jsonl"), []);
    await expectSameReport(example("sample.jsonl"), ["--csv"]);
  });

  it.each([
    ["bad lines of every kind", { seed: 3, episodes: 300, badLinesPerKind: 4 }, []],
    [
      "CRLF with a byte-order mark",
      { seed: 4, episodes: 200, badLinesPerKind: 2, lineEnding: "crlf", bom: true },
      [],
    ],
    [
      "shuffled, reorder window 40",
      { seed: 6, episodes: 300, shuffle: true, badLinesPerKind: 3 },
      ["--reorder-window", "40"],
    ],
    ["no content", { seed: 8, episodes: 500, content: false }, ["--threads", "1"]],
    [
      "4 MiB (DuckDB chunks of 2,048 rows)",
      { seed: 9, targetBytes: 4 * 2 ** 20, badLinesPerKind: 2 },
      ["--threads", "2"],
    ],
  ] as const)("on a generated log: %s", async (label, options, flags) => {
    const path = join(dir, `${label.replaceAll(/\W+/g, "-")}.jsonl`);
    writeLog(path, options);
    const json = await expectSameReport(path, ["--json", ...flags]);
    expect(json.requests).toBeGreaterThan(0);
  });

  it("on lines DuckDB's JSON reader reads otherwise than JSON.parse (NaN, trailing commas, repeated keys, …)", async () => {
    const path = write("hostile.jsonl", `${HOSTILE_LINES.join("\n")}\n`);
    const json = await expectSameReport(path);
    expect(json.skippedTotal).toBeGreaterThan(10);
    expect(json.requests).toBeGreaterThan(5);
    // Without a line break at the end, a last line cut mid-record is truncatedLine.
    const unterminated = write("hostile-unterminated.jsonl", HOSTILE_LINES.join("\n"));
    expect((await expectSameReport(unterminated)).skipped.truncatedLine).toBe(1);
    await expectSameReport(path, ["--json", "--cached-optional", "--file-order"]);
    await expectSameReport(path, ["--json", "--episode-key", "usage.prompt_tokens"]);
  });

  it.each([
    ["an empty file", ""],
    ["only blank lines", "\n\n  \n"],
    ["one line without a line break", record({})],
    [
      "a byte-order mark and blank lines before the first record",
      `\uFEFF\n\n${record({})}\n${record({ turn: 2 })}`,
    ],
  ])("on %s", async (_label, text) => {
    await expectSameReport(write(`edge-${text.length}.jsonl`, text));
  });

  it("on a dotted --episode-key, nested or one flat key", async () => {
    const path = write(
      "dotted.jsonl",
      `${[
        record({ metadata: { episode_id: "a" } }),
        record({ "metadata.episode_id": "b" }),
        record({ metadata: { episode_id: "a", episode_id2: 1 }, turn: 2 }),
        record({ metadata: "x" }),
        record({ metadata: { episode_id: null }, turn: 3 }),
      ].join("\n")}\n`,
    );
    const json = await expectSameReport(path, ["--json", "--episode-key", "metadata.episode_id"]);
    expect(json.episodes).toBe(2);
  });

  it("under --strict: the same first bad line", async () => {
    const { stream, engine } = await both(example("sample.jsonl"), ["--json", "--strict"]);
    expect(stream.code).toBe(2);
    expect(engine).toEqual(stream);
  });

  it("past --max-line-bytes: the same line named", async () => {
    const long = record({ turn: 2, note: "x".repeat(3000) });
    const path = write("long.jsonl", `${record({})}\n${record({ turn: 3 })}\n${long}\n`);
    const { stream, engine } = await both(path, ["--json", "--max-line-bytes", "2048"]);
    expect(stream.code).toBe(2);
    expect(stream.stderr).toContain("line 3 is longer than 2048 bytes");
    expect(engine).toEqual(stream);
  });

  it("on a Parquet file made from a JSONL log: the JSONL's report, but for its path and bytes", async () => {
    const { lines } = generateLog({ seed: 11, episodes: 80 });
    const jsonl = write("parquet-source.jsonl", lines.join(""));
    const parquet = join(dir, "trajectories.parquet");
    const instance = await (duckdb as NonNullable<typeof duckdb>).DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    await connection.run(
      `COPY (SELECT * FROM read_json('${jsonl}', format = 'newline_delimited')) TO '${parquet}' (FORMAT parquet)`,
    );
    connection.closeSync();
    instance.closeSync();
    const fromJsonl = JSON.parse((await runCliInProcess(["analyze", jsonl, "--json"])).stdout);
    const fromParquet = await runCliInProcess(["analyze", parquet, "--json", "--engine", "duckdb"]);
    expect(fromParquet.stderr).toBe("");
    const json = JSON.parse(fromParquet.stdout);
    expect(json.input.path).toBe(parquet);
    for (const report of [json, fromJsonl]) {
      report.input.path = "";
      report.input.bytes = 0;
    }
    expect(json).toEqual(fromJsonl);
    expect(json.requests).toBeGreaterThan(100);
  });
});

describe.skipIf(!duckdb)(
  `rollout-cost analyze --engine duckdb refuses, exit 2 and one line${SKIPPED}`,
  () => {
    it.each([
      ["a CSV log", example("sample.csv"), [], /--engine duckdb cannot read .*sample\.csv.*format is csv/],
      ["Tinker billing", example("tinker-billing.jsonl"), [], /format is tinker/],
      ["a framework's file", example("verifiers-traces.jsonl"), [], /format is verifiers/],
      ["gzip", example("traces/mooncake-synthetic-trace.jsonl.gz"), [], /gzip-compressed/],
      ["--format csv", example("sample.jsonl"), ["--format", "csv"], /not --format csv/],
      ["stdin", "-", [], /not stdin/],
      [
        "a missing file",
        join(dir, "no-such.jsonl"),
        [],
        /^rollout-cost: cannot read .*no-such\.jsonl.*ENOENT/,
      ],
    ])("%s", async (_label, path, flags, message) => {
      const { code, stdout, stderr } = await runCliInProcess([
        "analyze",
        path,
        "--engine",
        "duckdb",
        ...flags,
      ]);
      expect(code).toBe(2);
      expect(stdout).toBe("");
      expect(stderr).toMatch(/^rollout-cost: [^\n]+\n$/);
      expect(stderr).toMatch(message);
    });

    it.each([
      ["a JSON document", "[\n{}\n]\n", /starts like one JSON document/],
      ["invalid UTF-8", Buffer.from([0x7b, 0x7d, 0x0a, 0xff, 0xfe, 0x0a]), /not valid UTF-8/],
      ["a broken Parquet file", "PAR1 and then no Parquet\n", /not a readable Parquet file/],
    ])("%s", async (label, content, message) => {
      const path = join(dir, `refused-${label.replaceAll(" ", "-")}`);
      writeFileSync(path, content);
      const { code, stdout, stderr } = await runCliInProcess(["analyze", path, "--engine", "duckdb"]);
      expect(code).toBe(2);
      expect(stdout).toBe("");
      expect(stderr).toMatch(
        /^rollout-cost: --engine duckdb cannot read [^\n]+; --engine stream \(the default\) reads it\n$/,
      );
      expect(stderr).toMatch(message);
    });

    it("a log with a lone CR line break, or both LF and CRLF", async () => {
      for (const [name, text] of [
        ["cr.jsonl", `${record({})}\n${record({ turn: 2 })}\r${record({ turn: 3 })}\n`],
        ["mixed.jsonl", `${record({})}\n${record({ turn: 2 })}\r\n${record({ turn: 3 })}\n`],
      ]) {
        const { code, stdout, stderr } = await runCliInProcess([
          "analyze",
          write(name as string, text as string),
          "--engine",
          "duckdb",
        ]);
        expect(code).toBe(2);
        expect(stdout).toBe("");
        expect(stderr).toMatch(/^rollout-cost: --engine duckdb cannot read .*line breaks[^\n]+\n$/);
      }
    });
  },
);

describe("rollout-cost analyze --engine", () => {
  it("refuses a value it does not know, naming --engine and the choices", async () => {
    const { code, stdout, stderr } = await runCliInProcess([
      "analyze",
      example("sample.jsonl"),
      "--engine",
      "sql",
    ]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe('rollout-cost: --engine must be one of stream, duckdb, got "sql"\n');
  });

  it("without @duckdb/node-api: one line naming --engine duckdb and what to do (built CLI, package hidden)", () => {
    const hide = fileURLToPath(new URL("./fixtures/without-duckdb.mjs", import.meta.url));
    const result = spawnCli(["analyze", example("sample.jsonl"), "--engine", "duckdb"], undefined, [
      "--import",
      hide,
    ]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(
      /^rollout-cost: --engine duckdb needs the optional package @duckdb\/node-api, which does not load here: npm install @duckdb\/node-api, or leave out --engine to use the streaming reader\n$/,
    );
    // The other engine, and other commands, never load it.
    expect(spawnCli(["analyze", example("sample.jsonl"), "--json"], undefined, ["--import", hide]).code).toBe(
      0,
    );
  });
});
