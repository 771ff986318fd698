import { describe, expect, it } from "vitest";
import { parseMooncakeLine, parseMooncakeTrace } from "./mooncake-trace.js";

describe("parseMooncakeLine", () => {
  it("reads the four fields", () => {
    expect(
      parseMooncakeLine(
        '{"timestamp": 27482, "input_length": 6955, "output_length": 52, "hash_ids": [46, 47]}',
      ),
    ).toEqual({
      timestampMs: 27482,
      inputTokens: 6955,
      outputTokens: 52,
      hashIds: [46, 47],
    });
  });

  it.each([
    ["not json", "malformedJson"],
    ["[1, 2]", "malformedJson"],
    ['{"timestamp": 0, "input_length": 1, "output_length": 1}', "missingField"],
    ['{"timestamp": 0, "input_length": null, "output_length": 1, "hash_ids": []}', "missingField"],
    ['{"timestamp": -1, "input_length": 1, "output_length": 1, "hash_ids": []}', "invalidValue"],
    ['{"timestamp": 0, "input_length": 1.5, "output_length": 1, "hash_ids": []}', "invalidValue"],
    ['{"timestamp": 0, "input_length": 1, "output_length": 1, "hash_ids": [1, "a"]}', "invalidValue"],
    ['{"timestamp": 0, "input_length": 1, "output_length": 1, "hash_ids": 3}', "invalidValue"],
  ])("%s → %s", (line, kind) => {
    expect(parseMooncakeLine(line)).toBe(kind);
  });
});

describe("parseMooncakeTrace", () => {
  it("counts every line: requests, blank lines and each kind skipped, with the first skipped line numbers", () => {
    const good = '{"timestamp": 0, "input_length": 512, "output_length": 1, "hash_ids": [0]}';
    const trace = parseMooncakeTrace(`\uFEFF${good}\r\n\nnot json\n${good}\n{"timestamp": 1}\n`);
    expect(trace.requests).toHaveLength(2);
    expect(trace.lines).toBe(5);
    expect(trace.blankLines).toBe(1);
    expect(trace.skipped).toEqual({ malformedJson: 1, missingField: 1, invalidValue: 0 });
    expect(trace.firstSkipped).toEqual([
      { line: 3, kind: "malformedJson" },
      { line: 5, kind: "missingField" },
    ]);
  });
});
