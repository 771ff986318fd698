import { describe, expect, it } from "vitest";
import { effectiveRates, ratesPerMillion } from "./effective-rates.js";
import { priceScenario } from "./price.js";
import { resolveScenario } from "./resolve.js";

describe("effectiveRates (GPUs × $/GPU-hour ÷ (tok/s × 3600) × 10^6)", () => {
  it("reads the Fireworks page's dedicated plan as $ per 1M tokens", () => {
    // 8 × $12 = $96/h; 30,000 tok/s × 3600 = 108M prompt tokens/h → $0.8889/1M;
    // 1,500 × 3600 = 5.4M generated tokens/h → $17.78/1M.
    const r = effectiveRates({
      gpus: 8,
      usdPerGpuHour: 12,
      promptTokensPerSecond: 30_000,
      decodeTokensPerSecond: 1500,
    });
    expect(r.prompt).toBeCloseTo(0.888889, 5);
    expect(r.generated).toBeCloseTo(17.777778, 5);
    expect(r).toMatchObject({ cachedPrompt: 0, from: "GPU-hours" });
  });

  it("gives every priced plan its rates: per-token at the tier its bill used, dedicated effective", () => {
    const priced = priceScenario(resolveScenario({ preset: "current" }));
    const byId = Object.fromEntries(priced.plans.map((p) => [p.id, p.usdPerMillion]));
    // Tinker 2026-05's 128K tier (the 94,000-token final context): $5.15 prefill, $12.81 sample.
    expect(byId["tinker-2026-05"]).toEqual({
      prompt: 5.15,
      cachedPrompt: 5.15,
      generated: 12.81,
      from: "rate card",
    });
    expect(byId["fireworks-serverless"]).toEqual({
      prompt: 0.95,
      cachedPrompt: 0.16,
      generated: 4,
      from: "rate card",
    });
    // 8 × $15 at 30,000 / 1,500 tok/s: $1.111 and $22.22 per 1M.
    expect(byId["dedicated-fireworks-2026-10"]?.generated).toBeCloseTo(22.2222, 3);
  });

  it("falls back to the base rates when the tier label is not one of the plan's tiers", () => {
    const plan = priceScenario(resolveScenario({ preset: "current" })).chosenPlans.find(
      (p) => p.id === "tinker-2026-05",
    );
    if (!plan) throw new Error("tinker-2026-05 is offered for Kimi K2.6");
    expect(ratesPerMillion(plan, "no such tier").prompt).not.toBe(5.15);
  });
});
