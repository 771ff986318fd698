import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateLog } from "../../examples/generate-log.js";
import { AccountingError, checkAccounting } from "./log-accounting.js";
import type { LogAnalysis } from "./log-analysis.js";
import { type AnalyzeOptions, LogAnalyzer } from "./log-analyzer.js";

const encoder = new TextEncoder();

function analyze(text: string, options: AnalyzeOptions = {}, chunkBytes = 4096): LogAnalysis {
  const bytes = encoder.encode(text);
  const analyzer = new LogAnalyzer(options);
  for (let i = 0; i < bytes.length; i += chunkBytes) analyzer.push(bytes.subarray(i, i + chunkBytes));
  return analyzer.end();
}

const record = (episode: string, turn: number, prompt = 100, completion = 10, cached = 0) =>
  JSON.stringify({
    episode_id: episode,
    turn,
    usage: {
      prompt_tokens: prompt,
      completion_tokens: completion,
      prompt_tokens_details: { cached_tokens: cached },
    },
  });

/** Lines as a text editor counts them: LF, CRLF or CR each end one; a last line without one counts too. */
function editorLines(text: string): number {
  const body = text.startsWith("\ufeff") ? text.slice(1) : text;
  if (body === "") return 0;
  const breaks = body.match(/\r\n|\r|\n/g)?.length ?? 0;
  return /[\r\n]$/.test(body) ? breaks : breaks + 1;
}

/** Lines an editor shows as empty or only spaces and tabs. */
function editorBlankLines(text: string): number {
  const parts = text.split(/\r\n|\r|\n/);
  if (/[\r\n]$/.test(text) || text === "") parts.pop();
  return parts.filter((l) => /^[ \t]*$/.test(l)).length;
}

// Issue 14, finding 1: a first line "[" or a lone "{" switched to whole-document mode, the document did not
// parse, and the whole log read as "0 requests, 1 line skipped", exit 0.
describe("a first line that looks like a JSON document", () => {
  const { lines, truth } = generateLog({ seed: 5, episodes: 30 });
  const jsonl = lines.join("");

  it.each(["[", "{", "  [  ", "[{", "{\r"])("%j before a JSONL log loses nothing: one bad line", (first) => {
    const result = analyze(`${first}\n${jsonl}`);
    expect(result.requests).toBe(truth.requests);
    expect(result.episodes).toBe(truth.episodes);
    expect(result.skipped.malformedJson).toBe((truth.skipped.malformedJson ?? 0) + 1);
    expect(result.badLines[0]).toMatchObject({ line: 1, kind: "malformedJson" });
    expect(result.documentLines).toBe(0);
    expect(result.lines).toBe(result.requests + result.skippedTotal + result.blankLines);
    expect(result.warnings.join(" ")).toContain(
      "line 1 starts like a JSON document, but the input is not one",
    );
  });

  it("a JSONL log wrapped in [ … ] with commas is read line by line, every line counted", () => {
    const body = [record("a", 1), record("a", 2), record("b", 1)];
    const result = analyze(`[\n${body.map((l) => `${l},`).join("\n")}\n`);
    expect(result.lines).toBe(4);
    expect(result.lines).toBe(result.requests + result.skippedTotal + result.blankLines);
  });

  it("a whole valid JSON array is still one document, on one line or many", () => {
    const items = [record("a", 1), record("a", 2), record("b", 1)];
    for (const text of [`[${items.join(",")}]`, `[\n  ${items.join(",\n  ")}\n]\n\n`]) {
      const result = analyze(text);
      expect(result.requests).toBe(3);
      expect(result.episodes).toBe(2);
      expect(result.skippedTotal).toBe(0);
      expect(result.documentLines).toBe(result.lines - result.blankLines);
    }
  });

  it("past the document cap the input is read line by line, with a warning", () => {
    const items = Array.from({ length: 50 }, (_, i) => record(`e${i}`, 1));
    const result = analyze(`[\n${items.join(",\n")}\n]\n`, { maxDocumentBytes: 1000 });
    expect(result.documentLines).toBe(0);
    expect(result.lines).toBe(52);
    expect(result.requests).toBe(1); // the last element has no trailing comma
    expect(result.skippedTotal).toBe(51);
    expect(result.warnings.join(" ")).toContain("longer than 1000 bytes: read line by line");
  });

  it("a pretty-printed object that is not { data: [...] } is read line by line", () => {
    const result = analyze('{\n  "episode_id": "a",\n  "turn": 1\n}\n');
    expect(result.lines).toBe(4);
    expect(result.skippedTotal).toBe(4);
  });
});

// The invariant, on logs made of every kind of line, in any chunking: lines read = requests + skipped + blank,
// requests = the distinct valid records, and lines = what an editor counts.
describe("log accounting (fast-check)", () => {
  const piece = fc.oneof(
    { weight: 6, arbitrary: fc.constant("VALID") },
    fc.constantFrom(
      "",
      "   ",
      "\t",
      "[",
      "{",
      "]",
      "}",
      "[]",
      "{}",
      "null",
      "not json",
      "a,b,c",
      '{"episode_id":"x"',
      '{"data":[]}',
      record("z", 1, 5, 1, 9),
      record("z", -1, -5, 1, 0),
      "\u001b[2J\u001b[H",
      "\u0000\u0000",
    ),
    fc.string({ maxLength: 12 }),
  );
  const ending = fc.constantFrom("\n", "\r\n", "\r");

  it("holds for JSONL built from every kind of line", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(piece, ending), { maxLength: 40 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 64 }),
        fc.boolean(),
        (parts, lastEnded, chunkBytes, fastPath) => {
          let valid = 0;
          const text = parts
            .map(([p, end], i) => {
              if (p !== "VALID") return `${p}${i === parts.length - 1 && !lastEnded ? "" : end}`;
              valid++;
              return `${record(`ep${i % 3}`, i)}${i === parts.length - 1 && !lastEnded ? "" : end}`;
            })
            .join("");
          const result = analyze(text, { format: "jsonl", fastPath }, chunkBytes);
          expect(result.lines).toBe(editorLines(text));
          const counted = result.requests + result.skippedTotal + result.blankLines + result.documentLines;
          expect(counted).toBe(result.lines);
          if (result.documentLines === 0) expect(result.requests).toBe(valid);
        },
      ),
      { seed: 1414, numRuns: 1500 },
    );
  });

  it("holds for CSV (plus its header line)", () => {
    const row = fc.oneof(
      fc
        .tuple(fc.constantFrom("a", "b", '"c,d"'), fc.nat(50), fc.nat(1000), fc.nat(100))
        .map(([e, t, p, c]) => `${e},${t},${p},${c},0`),
      fc.constantFrom("", "x", "a,1", '"open', "a,1,2,3,4,5", "a,1,-2,3,0"),
    );
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), fc.integer({ min: 1, max: 50 }), (rows, chunkBytes) => {
        const text = `episode_id,turn,prompt_tokens,completion_tokens,cached_tokens\n${rows.join("\n")}`;
        const result = analyze(text, { format: "csv" }, chunkBytes);
        expect(result.headerLines).toBe(1);
        expect(result.lines).toBe(result.requests + result.skippedTotal + result.blankLines + 1);
      }),
      { seed: 1415, numRuns: 500 },
    );
  });
});

describe("runs of empty lines", () => {
  it("are counted as the splitter's one-call-per-line path counts them (fast-check)", () => {
    const run = fc.tuple(
      fc.integer({ min: 0, max: 300 }),
      fc.constantFrom("", record("r", 1), "x", "\r", "\r\n"),
    );
    fc.assert(
      fc.property(fc.array(run, { maxLength: 12 }), fc.integer({ min: 1, max: 700 }), (runs, chunkBytes) => {
        const text = runs.map(([n, tail]) => `${"\n".repeat(n)}${tail}`).join("\n");
        const result = analyze(text, { format: "jsonl" }, chunkBytes);
        expect(result.lines).toBe(editorLines(text));
        expect(result.blankLines).toBe(editorBlankLines(text));
        expect(result.lines).toBe(result.requests + result.skippedTotal + result.blankLines);
      }),
      { seed: 1416, numRuns: 400 },
    );
  });
});

describe("checkAccounting", () => {
  const base = analyze(`${record("a", 1)}\n\nnot json\n`);

  it("passes the reader's own counts", () => {
    expect(base.lines).toBe(3);
    expect(() => checkAccounting(base, { recordLines: 2, owed: 2 })).not.toThrow();
  });

  it.each([
    ["a line unaccounted for", { ...base, lines: 4 }, { recordLines: 2, owed: 2 }],
    ["an outcome missing", base, { recordLines: 2, owed: 3 }],
    ["a kind count off the total", { ...base, skippedTotal: 2 }, { recordLines: 2, owed: 3 }],
  ])("throws an AccountingError for %s", (_what, analysis, ledger) => {
    expect(() => checkAccounting(analysis, ledger)).toThrow(AccountingError);
  });
});
