import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { plansFromLiteLlm } from "./litellm.js";

const source = "prices.json";

describe("plansFromLiteLlm(map)", () => {
  it("turns $ per token into per-token plans, $ per 1M", () => {
    const { plans, skipped } = plansFromLiteLlm(
      {
        "fireworks_ai/kimi-k2p6": {
          input_cost_per_token: 9.5e-7,
          output_cost_per_token: 4e-6,
          cache_read_input_token_cost: 1.6e-7,
          max_input_tokens: 262_144,
          litellm_provider: "fireworks_ai",
        },
        sample_spec: { input_cost_per_token: "0.0", output_cost_per_token: 0 },
      },
      { source },
    );
    expect(plans).toHaveLength(1);
    expect(plans[0]).toMatchObject({
      id: "litellm:fireworks_ai/kimi-k2p6",
      provider: "fireworks_ai",
      maxContextTokens: 262_144,
      source,
    });
    expect(plans[0]?.usdPerMillionPrefill).toBeCloseTo(0.95, 12);
    expect(plans[0]?.usdPerMillionCachedPrefill).toBeCloseTo(0.16, 12);
    expect(plans[0]?.usdPerMillionSample).toBeCloseTo(4, 12);
    expect(skipped).toEqual([
      {
        key: "sample_spec",
        reason:
          'sample_spec.input_cost_per_token must be a number from 0 to 0.001 ($ per token, so at most $1,000 per 1M), got "0.0"',
      },
    ]);
  });

  it("leaves the cached rate out when the entry has none (cached tokens pay full input)", () => {
    const { plans } = plansFromLiteLlm(
      { m: { input_cost_per_token: 1e-6, output_cost_per_token: 2e-6 } },
      { source },
    );
    expect(plans[0]).not.toHaveProperty("usdPerMillionCachedPrefill");
  });

  it.each([
    [[], { source }, "prices: the file must hold a JSON object of model name -> prices"],
    [{ m: {} }, { source, keys: ["x"] }, 'prices: no entry "x" (entries include: m)'],
    [
      { m: { input_cost_per_token: 1e-6 } },
      { source, keys: ["m"] },
      "prices: m.output_cost_per_token is missing",
    ],
    [
      { m: { input_cost_per_token: 1e-6, output_cost_per_token: 1e-6, max_input_tokens: 1.5 } },
      { source, keys: ["m"] },
      "prices: m.max_input_tokens must be an integer >= 1, got 1.5",
    ],
  ])("throws a RangeError naming the field: %j", (data, options, message) => {
    expect(() => plansFromLiteLlm(data, options)).toThrow(message);
  });

  it("never crashes on any JSON, and every plan it returns has finite rates (fuzz)", () => {
    const entry = fc.oneof(
      fc.jsonValue(),
      fc.record(
        {
          input_cost_per_token: fc.oneof(fc.double(), fc.jsonValue()),
          output_cost_per_token: fc.oneof(fc.double(), fc.jsonValue()),
          cache_read_input_token_cost: fc.oneof(fc.double(), fc.jsonValue()),
          max_input_tokens: fc.oneof(fc.integer(), fc.double(), fc.jsonValue()),
        },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.dictionary(fc.string(), entry)), (data) => {
        try {
          const { plans, skipped } = plansFromLiteLlm(data, { source });
          for (const plan of plans) {
            for (const rate of [
              plan.usdPerMillionPrefill,
              plan.usdPerMillionSample,
              plan.usdPerMillionCachedPrefill ?? 0,
            ]) {
              expect(Number.isFinite(rate) && rate >= 0).toBe(true);
            }
          }
          for (const s of skipped) expect(s.reason).toMatch(/is missing|must be|is not an object/);
        } catch (error) {
          expect(error).toBeInstanceOf(RangeError);
          expect((error as Error).message).toMatch(/^prices: /);
        }
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});
