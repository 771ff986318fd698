import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CATALOG } from "../catalog/index.js";
import { LIMITS } from "../core/limits.js";
import { FIELDS, LINK_FIELDS, type NumberField, type ScenarioValues } from "./fields.js";
import { readField } from "./read-field.js";
import { argsFromValues, queryFromValues, readValues, valuesFromQuery } from "./read-values.js";

const NUMBER_FIELDS = LINK_FIELDS.filter((f): f is NumberField => f.kind === "number");
const field = (query: string) => {
  const found = NUMBER_FIELDS.find((f) => f.query === query);
  if (!found) throw new Error(query);
  return found;
};
const scenarioToQuery = queryFromValues;
const scenarioFromQuery = (query: string) => {
  const { values, problems } = valuesFromQuery(query);
  return {
    options: values,
    problems: problems.map((p) => ({ query: p.query, message: `${p.query}: ${p.labelMessage}` })),
  };
};
const parseScenarioNumber = (f: NumberField, raw: string) => {
  const read = readField(f, raw);
  return read.ok
    ? { ok: true as const, value: read.value as number }
    : { ok: false as const, reason: read.problem.labelMessage };
};

describe("scenarioToQuery", () => {
  it("writes the short keys in a fixed order and leaves unset fields out", () => {
    expect(
      scenarioToQuery({
        model: "gpt-oss-120b",
        episodes: 500,
        turns: 12,
        initialPromptTokens: 4000,
        addedTokensPerTurn: 3000,
        generatedTokensPerTurn: 1000,
        gpus: 4,
        promptTokensPerSecond: 25000.5,
        decodeTokensPerSecond: 2500,
      }),
    ).toBe(
      "model=gpt-oss-120b&episodes=500&turns=12&initial=4000&added=3000&generated=1000&gpus=4&ptps=25000.5&dtps=2500",
    );
    expect(scenarioToQuery({ turns: 3 })).toBe("turns=3");
    expect(scenarioToQuery({})).toBe("");
  });

  // An absent preset prices the cards on reference and the verdict on current, as `estimate` does, so a
  // chosen reference preset must be written to reach the verdict.
  it("writes any preset chosen, reference too", () => {
    expect(scenarioToQuery({ preset: "reference", turns: 2 })).toBe("preset=reference&turns=2");
    expect(scenarioToQuery({ preset: "current" })).toBe("preset=current");
  });
});

describe("scenarioFromQuery", () => {
  it("reads a query with or without the leading ?", () => {
    const expected = { model: "kimi-k2p5", episodes: 10, turns: 4 };
    expect(scenarioFromQuery("?model=kimi-k2p5&episodes=10&turns=4")).toEqual({
      options: expected,
      problems: [],
    });
    expect(scenarioFromQuery("model=kimi-k2p5&episodes=10&turns=4").options).toEqual(expected);
  });

  // Each bad value is reported under its key, and the good fields beside it are kept.
  it.each([
    ["episodes=0", "episodes", "whole number from 1 to 10,000,000"],
    ["episodes=abc", "episodes", '"abc" is not a number'],
    ["turns=2.5", "turns", "whole number from 1 to 200"],
    ["turns=", "turns", "is empty"],
    ["initial=-1", "initial", "whole number from 0 to 10,000,000"],
    ["added=1e99", "added", "10,000,000"],
    ["generated=NaN", "generated", "not a number"],
    ["gpus=0", "gpus", "whole number from 1 to "],
    ["ptps=0", "ptps", "of at least 0.001"],
    ["dtps=Infinity", "dtps", "not a number"],
    ["model=", "model", "text of 1 to 80 characters"],
    ["turns=1__0", "turns", "not a number"],
    ["turns=+5", "turns", "not a number"],
    ["turns=%205", "turns", "not a number"],
  ])("%s is reported under %s", (bad, key, words) => {
    const { options, problems } = scenarioFromQuery(key === "episodes" ? bad : `${bad}&episodes=7`);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.query).toBe(key);
    expect(problems[0]?.message.startsWith(`${key}: `)).toBe(true);
    expect(problems[0]?.message).toContain(words);
    if (key !== "episodes") expect(options.episodes).toBe(7);
  });

  it("accepts thousands separators, suffixes and exponents as the CLI's flags do", () => {
    expect(
      scenarioFromQuery("episodes=1%2C000&initial=8_000&ptps=3e4&added=4k&generated=1.5K").options,
    ).toEqual({
      episodes: 1000,
      initialPromptTokens: 8000,
      promptTokensPerSecond: 30000,
      addedTokensPerTurn: 4000,
      generatedTokensPerTurn: 1500,
    });
  });

  it("round-trips every valid scenario (fast-check)", () => {
    const int = (min: number, max: number) => fc.option(fc.integer({ min, max }), { nil: undefined });
    const tps = fc.option(fc.double({ min: 1e-3, max: 1e12, noNaN: true }), { nil: undefined });
    const scenario = fc.record({
      model: fc.option(fc.constantFrom(...CATALOG.models.map((m) => m.id)), { nil: undefined }),
      episodes: int(LIMITS.episodes.min, LIMITS.episodes.max),
      turns: int(LIMITS.turns.min, LIMITS.turns.max),
      initialPromptTokens: int(LIMITS.tokens.min, LIMITS.tokens.max),
      addedTokensPerTurn: int(LIMITS.tokens.min, LIMITS.tokens.max),
      generatedTokensPerTurn: int(LIMITS.tokens.min, LIMITS.tokens.max),
      gpus: int(LIMITS.gpus.min, LIMITS.gpus.max),
      promptTokensPerSecond: tps,
      decodeTokensPerSecond: tps,
    });
    fc.assert(
      fc.property(scenario, (s) => {
        const options = Object.fromEntries(
          Object.entries(s).filter(([, v]) => v !== undefined),
        ) as ScenarioValues;
        const back = scenarioFromQuery(scenarioToQuery(options));
        expect(back.problems).toEqual([]);
        expect(back.options).toEqual(options);
      }),
      { seed: 42 },
    );
  });

  it("never throws, never yields a non-finite number, and names the key of every problem (fast-check)", () => {
    const keys = ["model", "preset", ...NUMBER_FIELDS.map((f) => f.query as string), "other"];
    const query = fc
      .array(fc.tuple(fc.constantFrom(...keys), fc.oneof(fc.string(), fc.double().map(String))), {
        maxLength: 6,
      })
      .map((pairs) => new URLSearchParams(pairs).toString());
    fc.assert(
      fc.property(fc.oneof(query, fc.string()), (text) => {
        const { options, problems } = scenarioFromQuery(text);
        for (const value of Object.values(options)) {
          if (typeof value === "number") expect(Number.isFinite(value)).toBe(true);
        }
        for (const problem of problems) {
          expect(problem.message.startsWith(`${problem.query}: `)).toBe(true);
          expect(problem.message).not.toMatch(/NaN|Infinity|undefined/);
        }
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});

describe("parseScenarioNumber", () => {
  it.each([
    ["turns", "8", 8],
    ["episodes", "10,000,000", 10_000_000],
    ["ptps", "0.5", 0.5],
  ])("reads %s %j as %d", (query, raw, value) => {
    expect(parseScenarioNumber(field(query), raw)).toEqual({ ok: true, value });
  });

  it.each([
    ["turns", "", "Turns per episode is empty: enter a whole number from 1 to 200."],
    ["turns", "-3", 'Turns per episode must be a whole number from 1 to 200, not "-3".'],
    ["turns", "eight", 'Turns per episode must be a whole number from 1 to 200; "eight" is not a number.'],
    ["turns", " 40 ", 'Turns per episode must be a whole number from 1 to 200; " 40 " is not a number.'],
    [
      "dtps",
      "0",
      'Decode tokens/sec (cluster) must be a number of at least 0.001 and at most 1,000,000,000,000, not "0".',
    ],
  ])("explains %s %j in a sentence naming the field", (query, raw, reason) => {
    expect(parseScenarioNumber(field(query), raw)).toEqual({ ok: false, reason });
  });

  it("reads any text as a value within the field's range or a sentence naming the field (fast-check)", () => {
    const text = fc.oneof(
      fc.string(),
      fc.double().map(String),
      fc.integer().map(String),
      fc.constantFrom("1e308", "-0", "0x10", "1_000", "1,000,000", " 7 ", "٣", "Infinity", "NaN", "+5", ".5"),
    );
    fc.assert(
      fc.property(fc.constantFrom(...NUMBER_FIELDS), text, (f, raw) => {
        const parsed = parseScenarioNumber(f, raw);
        if (parsed.ok) {
          expect(Number.isFinite(parsed.value)).toBe(true);
          expect(parsed.value).toBeGreaterThanOrEqual(f.rule.min);
          expect(parsed.value).toBeLessThanOrEqual(f.rule.max);
          if (f.rule.integer) expect(Number.isInteger(parsed.value)).toBe(true);
        } else {
          expect(parsed.reason.startsWith(f.label)).toBe(true);
          expect(parsed.reason).not.toMatch(/undefined/);
        }
      }),
      { seed: 42, numRuns: 1000 },
    );
  });
});

describe("argsFromValues", () => {
  it("writes the flags of the field table, in its order, that read back to the same values", () => {
    const values: ScenarioValues = {
      model: "gpt-oss-120b",
      turns: 6,
      initialPromptTokens: 6534,
      contextPolicy: "stop",
      plans: ["a", "b"],
    };
    const args = argsFromValues(values);
    expect(args).toEqual([
      "--model",
      "gpt-oss-120b",
      "--turns",
      "6",
      "--initial-prompt",
      "6534",
      "--context-policy",
      "stop",
      "--plans",
      "a,b",
    ]);
    const raw = Object.fromEntries(
      FIELDS.filter((f) => args.includes(`--${f.flag}`)).map((f) => [
        f.key,
        args[args.indexOf(`--${f.flag}`) + 1] as string,
      ]),
    );
    expect(readValues(raw)).toEqual({ values, problems: [] });
  });
});
