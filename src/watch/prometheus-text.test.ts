import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MALFORMED_KINDS, parsePrometheusText, prometheusFloat } from "./prometheus-text.js";

const fixture = (path: string) =>
  readFileSync(new URL(`../../test/fixtures/metrics/${path}`, import.meta.url), "utf8");

describe("parsePrometheusText", () => {
  it("reads names, labels, values, timestamps, HELP and TYPE", () => {
    const text = [
      "# HELP vllm:prompt_tokens_total Number of prefill tokens processed.\\nSecond line \\\\ end",
      "# TYPE vllm:prompt_tokens_total counter",
      'vllm:prompt_tokens_total{model_name="m",engine="0"} 1.5e+04',
      "plain_metric 3 1764600000000",
      '  spaced{ a = "x" , b="y", } -2',
      "# a plain comment",
      "",
    ].join("\n");
    const parsed = parsePrometheusText(text);
    expect(parsed.malformed).toEqual([]);
    expect(parsed.types["vllm:prompt_tokens_total"]).toBe("counter");
    expect(parsed.help["vllm:prompt_tokens_total"]).toBe(
      "Number of prefill tokens processed.\nSecond line \\ end",
    );
    expect(parsed.samples.map((s) => [s.name, { ...s.labels }, s.value, s.timestampMs, s.line])).toEqual([
      ["vllm:prompt_tokens_total", { model_name: "m", engine: "0" }, 15000, undefined, 3],
      ["plain_metric", {}, 3, 1764600000000, 4],
      ["spaced", { a: "x", b: "y" }, -2, undefined, 5],
    ]);
    expect(parsed.commentLines).toBe(3);
    expect(parsed.lines).toBe(6);
  });

  it('unescapes \\" \\\\ and \\n in label values, and keeps commas and braces inside quotes', () => {
    const parsed = parsePrometheusText(
      'm{path="C:\\\\dir",quote="say \\"hi\\"",nl="a\\nb",odd="{x,y}"} 1\r\n',
    );
    expect(parsed.malformed).toEqual([]);
    expect({ ...parsed.samples[0]?.labels }).toEqual({
      path: "C:\\dir",
      quote: 'say "hi"',
      nl: "a\nb",
      odd: "{x,y}",
    });
  });

  it.each([
    ["NaN", Number.NaN],
    ["+Inf", Number.POSITIVE_INFINITY],
    ["-Inf", Number.NEGATIVE_INFINITY],
    ["inf", Number.POSITIVE_INFINITY],
    ["1e3", 1000],
    [".5", 0.5],
    ["-0.25E-2", -0.0025],
  ])("prometheusFloat(%s)", (text, value) => {
    expect(prometheusFloat(text)).toBe(value);
  });

  it.each([
    ["9bad 1", "invalidName"],
    ["bad-name 1", "invalidName"],
    ['m{a="1" 1', "invalidLabels"],
    ["m{a=1} 1", "invalidLabels"],
    ['m{a="\\x"} 1', "invalidLabels"],
    ['m{1a="x"} 1', "invalidLabels"],
    ['m{a="x",a="y"} 1', "duplicateLabel"],
    ["m", "invalidValue"],
    ["m one", "invalidValue"],
    ["m 1 2.5", "invalidTimestamp"],
    ["m 1 2 3", "invalidTimestamp"],
    ["# TYPE m countr", "invalidTypeLine"],
    ["# TYPE", "invalidTypeLine"],
    ["# HELP 9m text", "invalidHelpLine"],
  ])("counts %j as %s, with its line number and text", (line, kind) => {
    const parsed = parsePrometheusText(`ok 1\n${line}\nok 2\n`);
    expect(parsed.malformed).toEqual([{ line: 2, kind, text: line }]);
    expect(parsed.samples.map((s) => s.value)).toEqual([1, 2]);
  });

  it("reads the vLLM fixture with one malformed line (an unterminated label set) and keeps the rest", () => {
    const parsed = parsePrometheusText(fixture("vllm/scrape-3.txt"));
    expect(parsed.malformed.map((m) => m.kind)).toEqual(["invalidLabels"]);
    const running = parsed.samples.filter((s) => s.name === "vllm:num_requests_running");
    expect(running.map((s) => s.value)).toEqual([8]);
    expect(parsed.samples.find((s) => s.name === "vllm:time_to_first_token_seconds_bucket")?.labels.le).toBe(
      "0.1",
    );
  });

  it("never throws, and every non-blank line is a sample, a comment or counted as malformed (fuzz)", () => {
    const piece = fc.oneof(
      fc.constantFrom(
        "vllm:x",
        "{",
        "}",
        '"',
        "\\",
        "=",
        ",",
        " ",
        "\t",
        "#",
        "# TYPE ",
        "# HELP ",
        "counter",
        "1",
        "NaN",
        "+Inf",
        "-1e9",
        'a="b"',
        "\r",
      ),
      fc.string({ maxLength: 4 }),
    );
    const line = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 20 }), (lines) => {
        const text = lines.join("\n");
        const parsed = parsePrometheusText(text);
        const nonBlank = text.split("\n").filter((l) => l.replace(/\r$/, "").trim() !== "").length;
        expect(parsed.lines).toBe(nonBlank);
        expect(parsed.samples.length + parsed.commentLines + parsed.malformed.length).toBe(nonBlank);
        for (const m of parsed.malformed) expect(MALFORMED_KINDS).toContain(m.kind);
      }),
      { seed: 1301, numRuns: 2000 },
    );
  });
});
