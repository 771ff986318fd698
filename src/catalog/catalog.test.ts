import { describe, expect, it } from "vitest";
import { CATALOG, validateCatalog } from "./index.js";
import { gpuRateFor, modelById, presetById } from "./lookup.js";

const clone = () => structuredClone(CATALOG) as unknown as Record<string, Record<string, unknown>[]>;

describe("CATALOG", () => {
  it("passes the one schema it is validated with at load", () => {
    expect(validateCatalog(structuredClone(CATALOG))).toEqual(CATALOG);
  });

  it("holds the reference page's constants", () => {
    const price = (id: string) => CATALOG.perTokenPrices.find((p) => p.id === id);
    expect(price("tinker-2026-05-kimi-k2p6")).toMatchObject({
      usdPerMillionPrefill: 5.15,
      usdPerMillionSample: 12.81,
    });
    expect(price("tinker-2026-05-qwen3p5-397b")).toMatchObject({
      usdPerMillionPrefill: 4,
      usdPerMillionSample: 10,
    });
    expect(price("tinker-2026-05-gpt-oss-120b")).toMatchObject({
      usdPerMillionPrefill: 0.63,
      usdPerMillionSample: 1.54,
    });
    const reference = presetById("reference");
    expect(
      ["H100_80GB", "H200_141GB", "B200_180GB", "B300_288GB"].map(
        (g) => gpuRateFor(reference, g).usdPerGpuHour,
      ),
    ).toEqual([7, 7, 10, 12]);
    expect(gpuRateFor(reference, "A100_80GB").usdPerGpuHour).toBe(10);
    expect(modelById("qwen3p5-397b").contextWindowTokens).toBe(256_000);
  });

  it("gives every entry a source and an ISO date", () => {
    const entries = [...CATALOG.models, ...CATALOG.perTokenPrices, ...CATALOG.gpuPrices];
    for (const entry of entries) {
      expect(entry.source.length).toBeGreaterThan(0);
      expect(entry.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});

describe("validateCatalog(bad data)", () => {
  it.each([
    [
      "a price without a source",
      (c: ReturnType<typeof clone>) => delete c.perTokenPrices?.[0]?.source,
      /source/,
    ],
    [
      "a date that is not ISO",
      (c: ReturnType<typeof clone>) => ((c.models as Record<string, unknown>[])[0]!.asOf = "May 2026"),
      /asOf/,
    ],
    [
      "a negative rate",
      (c: ReturnType<typeof clone>) => ((c.gpuPrices as Record<string, unknown>[])[0]!.usdPerGpuHour = -7),
      /usdPerGpuHour/,
    ],
    [
      "an unknown field",
      (c: ReturnType<typeof clone>) => ((c.models as Record<string, unknown>[])[0]!.price = 1),
      /price/,
    ],
    [
      "a duplicate id",
      (c: ReturnType<typeof clone>) =>
        c.models?.push({ ...(c.models[0] as object) } as Record<string, unknown>),
      /duplicate model id kimi-k2p6/,
    ],
    [
      "a price for an unknown model",
      (c: ReturnType<typeof clone>) =>
        ((c.perTokenPrices as Record<string, unknown>[])[0]!.modelId = "gpt-9"),
      /unknown model gpt-9/,
    ],
    [
      "a GPU price for a GPU the catalog does not specify",
      (c: ReturnType<typeof clone>) => ((c.gpuPrices as Record<string, unknown>[])[0]!.gpuType = "A100"),
      /GPU price fireworks-2026-05-h100 names unknown GPU A100/,
    ],
    [
      "dedicated defaults on an unknown GPU",
      (c: ReturnType<typeof clone>) =>
        ((
          (c.presets as Record<string, unknown>[])[0]!.dedicatedDefaults as Record<string, unknown>[]
        )[0]!.gpuType = "TPU"),
      /preset reference names unknown GPU TPU/,
    ],
    [
      "a duplicate GPU",
      (c: ReturnType<typeof clone>) => c.gpus?.push({ ...(c.gpus[0] as object) } as Record<string, unknown>),
      /duplicate GPU id H100_80GB/,
    ],
    [
      "a duplicate architecture",
      (c: ReturnType<typeof clone>) =>
        c.architectures?.push({ ...(c.architectures[0] as object) } as Record<string, unknown>),
      /duplicate architecture id kimi-k2p6/,
    ],
  ])("rejects %s, naming it", (_what, spoil, message) => {
    const data = clone();
    spoil(data);
    expect(() => validateCatalog(data)).toThrow(message);
  });
});

describe("look-ups", () => {
  it("name the known ids when an id is unknown", () => {
    expect(() => modelById("gpt-9")).toThrow(
      "unknown model: gpt-9 (known: kimi-k2p6, kimi-k2p5, qwen3p5-397b, gpt-oss-120b",
    );
    expect(() => presetById("cheap")).toThrow(/unknown preset: cheap \(known: reference/);
  });
});
