import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LineSplitter } from "../line-splitter.js";
import { METRICS_SKIP_KINDS, parseMetricsLine } from "./tinker-metrics.js";
import { type TinkerMetrics, TinkerMetricsReader } from "./tinker-metrics-reader.js";

const sample = readFileSync(new URL("../../../examples/tinker-metrics.jsonl", import.meta.url));

/** `bytes` read as a metrics file, in chunks of `chunkBytes`, through the splitter the CLI uses. */
function read(bytes: Uint8Array, chunkBytes = bytes.length || 1): TinkerMetrics {
  const reader = new TinkerMetricsReader();
  const decoder = new TextDecoder();
  const splitter = new LineSplitter((b, start, end, terminated) =>
    reader.line(decoder.decode(b.subarray(start, end)), terminated),
  );
  for (let i = 0; i < bytes.length; i += chunkBytes) splitter.push(bytes.subarray(i, i + chunkBytes));
  splitter.end();
  return reader.result();
}

const accounted = (m: TinkerMetrics) =>
  m.blankLines + m.stepsRead + m.linesWithoutQuantities + m.skippedTotal;

describe("parseMetricsLine", () => {
  it("reads step, the three times and the four env/all/ counts", () => {
    const line = JSON.stringify({
      step: 7,
      "progress/batch": 7,
      "time/total": 12.5,
      "time/sampling": 8,
      "time/train_step:total": 3.25,
      "env/all/total_episodes": 4,
      "env/all/total_turns": 9,
      "env/all/total_ob_tokens": 4000,
      "env/all/total_ac_tokens": 800,
      "optim/lr": 1e-5,
    });
    expect(parseMetricsLine(line)).toEqual({
      ok: true,
      pythonNonFinite: false,
      step: {
        step: 7,
        seconds: { wall: 12.5, sampling: 8, training: 3.25 },
        counts: { episodes: 4, turns: 9, promptTokens: 4000, completionTokens: 800 },
      },
    });
  });

  it("takes progress/batch when step is absent, and Python's bare NaN / Infinity in other keys as null", () => {
    const parsed = parseMetricsLine(
      '{"progress/batch": 2, "optim/kl": NaN, "x": -Infinity, "s": "NaN", "time/total": 1}',
    );
    expect(parsed).toEqual({
      ok: true,
      pythonNonFinite: true,
      step: { step: 2, seconds: { wall: 1 }, counts: {} },
    });
  });

  it.each([
    ["not json", "malformedJson"],
    ["[1, 2]", "malformedJson"],
    ['{"step": 1, "time/total": 3', "malformedJson"],
    ['{"time/total": 3}', "missingField"],
    ['{"step": null}', "missingField"],
    ['{"step": -1}', "invalidValue"],
    ['{"step": 1.5}', "invalidValue"],
    ['{"step": "3"}', "invalidValue"],
    ['{"step": 1, "time/total": "fast"}', "invalidValue"],
    ['{"step": 1, "time/total": -2}', "invalidValue"],
    ['{"step": 1, "time/total": 2e9}', "invalidValue"],
    ['{"step": 1, "time/sampling": NaN}', "invalidValue"],
    ['{"step": 1, "env/all/total_ob_tokens": 10.5}', "invalidValue"],
    ['{"step": 1, "env/all/total_ac_tokens": 1e300}', "invalidValue"],
  ])("%s → %s", (line, kind) => {
    expect(parseMetricsLine(line)).toMatchObject({ ok: false, kind });
  });
});

describe("TinkerMetricsReader on examples/tinker-metrics.jsonl", () => {
  it.each([1, 7, 4096])("known totals, every bad line counted by kind (chunks of %i bytes)", (chunk) => {
    const m = read(sample, chunk);
    // 12 lines: 5 steps, 1 evaluation line without these metrics, 1 blank, 5 skipped.
    expect([m.lines, m.stepsRead, m.linesWithoutQuantities, m.blankLines, m.nonFiniteLines]).toEqual([
      12, 5, 1, 1, 1,
    ]);
    expect(m.skipped).toEqual({
      malformedJson: 1,
      truncatedLine: 1,
      missingField: 1,
      invalidValue: 1,
      duplicateStep: 1,
    });
    expect(m.badLines.map((b) => [b.line, b.kind])).toEqual([
      [7, "malformedJson"],
      [8, "missingField"],
      [9, "invalidValue"],
      [10, "duplicateStep"],
      [12, "truncatedLine"],
    ]);
    expect(m.steps.map((s) => s.step)).toEqual([0, 1, 2, 3, 4]);
    // Wall 64 + 61.5 + 66.25 + 62.75 + 60; sampling 41.5 + 39 + 43.75 + 40.25 + 38.5;
    // training 18.25 + 18 + 18.5 + 18 + 17.5 (the duplicate step 1's 59 s is not counted).
    expect(m.seconds.wall).toEqual({ steps: 5, total: 314.5, mean: 62.9, max: 66.25 });
    expect(m.seconds.sampling).toMatchObject({ steps: 5, total: 203, max: 43.75 });
    expect(m.seconds.training).toMatchObject({ steps: 5, total: 90.25, max: 18.5 });
    // ob 3550 + 3900 + 4010 + 4059 + 3720; ac 802 + 790 + 860 + 844 + 700; turns 7 + 8 + 8 + 8 + 7.
    expect(m.counts.promptTokens).toMatchObject({ steps: 5, total: 19_239, max: 4059 });
    expect(m.counts.completionTokens).toMatchObject({ steps: 5, total: 3996, max: 860 });
    expect(m.counts.turns).toMatchObject({ total: 38 });
    expect(m.counts.episodes).toMatchObject({ total: 20 });
    expect(accounted(m)).toBe(m.lines);
  });

  it("keeps the first line of a step and counts the second as duplicateStep", () => {
    const m = read(new TextEncoder().encode('{"step":1,"time/total":5}\n{"step":1,"time/total":9}\n'));
    expect([m.stepsRead, m.skipped.duplicateStep, m.seconds.wall?.total]).toEqual([1, 1, 5]);
  });

  it("an empty file: no line, no step, every total null", () => {
    const m = read(new Uint8Array());
    expect([m.lines, m.stepsRead, m.seconds.wall, m.counts.promptTokens]).toEqual([0, 0, null, null]);
  });
});

function allFinite(value: unknown): boolean {
  if (typeof value === "number") return Number.isFinite(value);
  if (value === null || typeof value !== "object") return true;
  return Object.values(value).every(allFinite);
}

const metricValue = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(null, "x", "NaN", -1, 1e308, 2 ** 53, [1], { a: 1 }),
);
const metricsLine = fc.oneof(
  fc
    .record(
      {
        step: fc.oneof(fc.nat(20), metricValue),
        "time/total": metricValue,
        "time/sampling": metricValue,
        "time/train_step:total": metricValue,
        "env/all/total_ob_tokens": fc.oneof(fc.nat(), metricValue),
        "env/all/total_ac_tokens": fc.oneof(fc.nat(), metricValue),
        "env/all/total_turns": metricValue,
      },
      { requiredKeys: [] },
    )
    .map((r) => JSON.stringify(r)),
  fc.constantFrom(
    '{"step": 1, "k": NaN, "time/total": 1e308}',
    '{"step": 2, "time/total": Infinity}',
    "",
    "{",
    "\r",
  ),
  fc.string(),
);

describe("TinkerMetricsReader under hostile lines (fixed seed)", () => {
  it("never throws, never yields NaN or Infinity, and counts every line once", () => {
    fc.assert(
      fc.property(
        fc.array(metricsLine, { maxLength: 40 }),
        fc.constantFrom("\n", "\r\n"),
        fc.boolean(),
        fc.integer({ min: 1, max: 64 }),
        (lines, eol, endsWithBreak, chunk) => {
          const text = lines.join(eol) + (endsWithBreak && lines.length > 0 ? eol : "");
          const m = read(new TextEncoder().encode(text), chunk);
          expect(allFinite(m)).toBe(true);
          expect(accounted(m)).toBe(m.lines);
          expect(METRICS_SKIP_KINDS.reduce((n, k) => n + m.skipped[k], 0)).toBe(m.skippedTotal);
        },
      ),
      { seed: 13, numRuns: 400 },
    );
  });
});
