import { describe, expect, it } from "vitest";
import { cachedPrefillDiscount, realityCheckFor } from "./reality-check-for.js";

describe("realityCheckFor(options)", () => {
  it("checks the page's scenario with the catalog's Tinker 2026-10 discount (80% off)", () => {
    expect(cachedPrefillDiscount()).toEqual({
      fractionOff: 0.8,
      source: "Tinker rate card of 2026-10-07",
    });
    const check = realityCheckFor({});
    if (!check.ok) throw new Error(check.reason);
    expect(check.rows[1]?.tinkerDeltaUsd).toBeCloseTo(-1268.96, 9);
  });

  it("uses the user's shape and the requested window policy", () => {
    const check = realityCheckFor({ turns: 12 }, "drop-oldest");
    expect(check.ok && check.rows[2]?.note).toMatch(/oldest turns are dropped/);
  });

  it("answers with a reason for a model the page does not cover", () => {
    expect(realityCheckFor({ modelId: "llama-3.1-70b" })).toEqual({
      ok: false,
      reason: "no reality check: preset reference has no per-token price for model llama-3.1-70b",
    });
  });
});
