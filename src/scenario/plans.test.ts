import { describe, expect, it } from "vitest";
import { CATALOG, validateCatalog } from "../catalog/index.js";
import { modelById } from "../catalog/lookup.js";
import type { GpuHourPlan, PerTokenPlan } from "../core/plan.js";
import type { ScenarioValues } from "./fields.js";
import { planOffer } from "./plans.js";
import { resolveScenario } from "./resolve.js";

const planOfferForPreset = (preset: string, model: string, values: ScenarioValues = {}) =>
  planOffer(resolveScenario({ ...values, preset, model }));
const plansForPreset = (preset: string, model: string, values: ScenarioValues = {}) =>
  planOfferForPreset(preset, model, values).plans;

describe("plansForPreset('reference', model)", () => {
  it("offers exactly the page's two plans for Kimi K2.6", () => {
    const [tinker, dedicated] = plansForPreset("reference", "kimi-k2p6") as [PerTokenPlan, GpuHourPlan];
    expect(tinker).toMatchObject({ id: "tinker", usdPerMillionPrefill: 5.15, usdPerMillionSample: 12.81 });
    expect(tinker.usdPerMillionCachedPrefill).toBeUndefined();
    expect(tinker.contextTiers).toBeUndefined();
    expect(dedicated).toMatchObject({
      id: "dedicated",
      gpuType: "B300_288GB",
      gpus: 8,
      usdPerGpuHour: 12,
      promptTokensPerSecond: 30_000,
      decodeTokensPerSecond: 1500,
      overlap: "max",
    });
  });

  it("applies overrides to the dedicated plan", () => {
    const dedicated = plansForPreset("reference", "gpt-oss-120b", {
      gpus: 2,
      overlap: "sum",
      decodeTokensPerSecond: 999,
    })[1];
    expect(dedicated).toMatchObject({
      gpus: 2,
      overlap: "sum",
      decodeTokensPerSecond: 999,
      throughputSource: "user input",
    });
  });

  it("says why a model the page does not cover has no plans", () => {
    const offer = planOfferForPreset("reference", "llama-3.1-8b");
    expect(offer.plans).toEqual([]);
    expect(offer.unavailable.map((u) => u.id)).toEqual(["tinker", "dedicated"]);
  });

  it("throws naming an unknown preset or model", () => {
    expect(() => plansForPreset("cheap", "kimi-k2p6")).toThrow(
      /unknown preset "cheap" \(known: reference, current/,
    );
    expect(() => plansForPreset("current", "gpt-9")).toThrow(/unknown model "gpt-9"/);
  });

  it("narrows to the plans named, and names an unknown or unavailable one", () => {
    expect(
      plansForPreset("current", "kimi-k2p6", { plans: ["fireworks-serverless"] }).map((p) => p.id),
    ).toEqual(["fireworks-serverless"]);
    expect(() => plansForPreset("current", "kimi-k2p6", { plans: ["nope"] })).toThrow(/unknown plan "nope"/);
    expect(() => plansForPreset("current", "kimi-k2p6", { plans: ["tinker-2026-10"] })).toThrow(
      /not available here/,
    );
  });

  it("adds self-hosted and custom plans after the preset's", () => {
    const ids = plansForPreset("reference", "kimi-k2p6", {
      selfHostedUsdPerGpuHour: 3,
      customUsdPerMillionPrefill: 1,
      customUsdPerMillionSample: 2,
    }).map((p) => p.id);
    expect(ids).toEqual(["tinker", "dedicated", "self-hosted", "custom"]);
  });
});

describe("plansForPreset('current', model)", () => {
  it("offers Tinker 2026-05 with both tiers and train rates, serverless, and dedicated at two GPU lists for Kimi K2.6", () => {
    const offer = planOfferForPreset("current", "kimi-k2p6");
    expect(offer.plans.map((p) => p.id)).toEqual([
      "tinker-2026-05",
      "fireworks-serverless",
      "dedicated-fireworks-2026-10",
      "dedicated-fireworks-2026-05",
    ]);
    expect(offer.plans[0]).toMatchObject({
      usdPerMillionPrefill: 1.47,
      usdPerMillionSample: 3.66,
      usdPerMillionTrain: 4.4,
      maxContextTokens: 32_000,
      contextTiers: [
        {
          maxContextTokens: 128_000,
          usdPerMillionPrefill: 5.15,
          usdPerMillionSample: 12.81,
          usdPerMillionTrain: 15.4,
          label: "128K",
        },
      ],
    });
    expect(offer.plans[1]).toMatchObject({
      usdPerMillionPrefill: 0.95,
      usdPerMillionCachedPrefill: 0.16,
      usdPerMillionSample: 4,
    });
    expect(offer.plans[2]).toMatchObject({ usdPerGpuHour: 15, rateAsOf: "2026-10-07" });
    // The 2026-10 card's Kimi figures are not in DATA.md, and the RFT page lists no B300: both unavailable.
    expect(offer.unavailable).toEqual([
      {
        id: "tinker-2026-10",
        label: expect.any(String),
        reason: expect.stringMatching(/no Tinker 2026-10.* figure for Kimi K2.6/),
      },
      {
        id: "dedicated-fireworks-rft",
        label: expect.any(String),
        reason: expect.stringMatching(/lists no rate for B300_288GB/),
      },
    ]);
  });

  it("offers Tinker 2026-10 with its cached-prefill rate where the card has figures (Qwen3.5, GPT-OSS)", () => {
    const qwen = plansForPreset("current", "qwen3p5-397b").find((p) => p.id === "tinker-2026-10");
    expect(qwen).toMatchObject({
      usdPerMillionPrefill: 3,
      usdPerMillionCachedPrefill: 0.6,
      usdPerMillionSample: 7.5,
      usdPerMillionTrain: 6.6,
      maxContextTokens: 64_000,
    });
    const oss = plansForPreset("current", "gpt-oss-120b");
    expect(oss.find((p) => p.id === "tinker-2026-10")).toMatchObject({
      usdPerMillionPrefill: 0.33,
      usdPerMillionCachedPrefill: 0.066,
      usdPerMillionTrain: 0.737,
    });
    expect(oss.find((p) => p.id === "dedicated-fireworks-rft")).toMatchObject({
      gpuType: "H200_141GB",
      usdPerGpuHour: 6,
    });
  });

  it("prices Llama-3.1 on Tinker 2026-05 only (no dedicated throughput in the catalog)", () => {
    expect(plansForPreset("current", "llama-3.1-8b")).toMatchObject([
      { id: "tinker-2026-05", usdPerMillionPrefill: 0.13, usdPerMillionSample: 0.4, usdPerMillionTrain: 0.4 },
    ]);
    expect(plansForPreset("current", "llama-3.1-70b")).toMatchObject([
      {
        id: "tinker-2026-05",
        usdPerMillionPrefill: 1.05,
        usdPerMillionSample: 3.16,
        usdPerMillionTrain: 3.16,
      },
    ]);
  });
});

describe("the catalog's prices beyond the page", () => {
  it("has the Llama-3.1 models with a 131,072-token window", () => {
    expect(modelById("llama-3.1-8b").contextWindowTokens).toBe(131_072);
    expect(modelById("llama-3.1-70b").contextWindowTokens).toBe(131_072);
  });

  it("keeps all three disagreeing Fireworks GPU-hour lists, each with its source and date", () => {
    const h100 = CATALOG.gpuPrices.filter((g) => g.gpuType === "H100_80GB");
    expect(h100.map((g) => [g.card, g.usdPerGpuHour])).toEqual([
      ["fireworks-2026-05", 7],
      ["fireworks-2026-10", 8],
      ["fireworks-rft", 4],
    ]);
    for (const g of CATALOG.gpuPrices) expect(g.source.length).toBeGreaterThan(10);
  });

  it("gives every card, price and discount a source and an ISO date", () => {
    for (const entry of [...(CATALOG.cards ?? []), ...(CATALOG.discounts ?? []), ...CATALOG.perTokenPrices]) {
      expect(entry.source.length).toBeGreaterThan(0);
      expect(entry.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it("rejects a price naming an unknown card, and a preset naming an unknown card", () => {
    const bad = structuredClone(CATALOG);
    bad.perTokenPrices[4] = {
      ...bad.perTokenPrices[4],
      card: "tinker-1999",
    } as (typeof bad.perTokenPrices)[number];
    expect(() => validateCatalog(bad)).toThrow(/names unknown card tinker-1999/);
    const bad2 = structuredClone(CATALOG);
    bad2.presets[1] = { ...bad2.presets[1], cardIds: ["nope"] } as (typeof bad2.presets)[number];
    expect(() => validateCatalog(bad2)).toThrow(/preset current names unknown card nope/);
  });
});
