import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { ARCHITECTURES } from "./architectures.js";
import { EFFICIENCY_PROFILES } from "./efficiencies.js";
import { GPUS } from "./gpus.js";
import { ArchitectureSchema, EfficienciesSchema, GpuSpecSchema } from "./hardware-schema.js";
import { CATALOG, validateCatalog } from "./index.js";

type Mutable = {
  gpus: (Record<string, unknown> & { efficiencies: Record<string, unknown> })[];
  architectures: (Record<string, unknown> & { attention: Record<string, unknown> })[];
};
const at = <T>(items: T[], index: number): T => items[index] as T;

describe("the hardware catalog", () => {
  it("keys architectures by the six model ids issue 5 names and the four issue 11 adds", () => {
    expect(ARCHITECTURES.map((a) => a.id).sort()).toEqual(
      [
        "gpt-oss-120b",
        "kimi-k2p5",
        "kimi-k2p6",
        "llama-3.1-70b",
        "llama-3.1-8b",
        "qwen3p5-397b",
        "deepseek-r1",
        "qwen3-235b-a22b",
        "llama-3.3-70b",
        "llama-3.1-405b",
      ].sort(),
    );
  });

  it("is validated with CATALOG at load: architectures and GPUs are there", () => {
    expect(CATALOG.architectures).toHaveLength(10);
    expect(CATALOG.gpus.map((g) => g.id)).toEqual([
      "H100_80GB",
      "H200_141GB",
      "B200_180GB",
      "B300_288GB",
      "GB200_186GB",
      "GB300_279GB",
    ]);
  });

  it.each([
    ["H100_80GB", 80e9, 3.35e12, 989e12, 1979e12, undefined],
    ["H200_141GB", 141e9, 4.8e12, 989e12, 1979e12, undefined],
    ["B200_180GB", 180e9, 8e12, 2250e12, 4500e12, 9000e12],
    ["B300_288GB", 288e9, 8e12, 2250e12, 4500e12, 13500e12],
  ])("holds DATA.md §4's dense figures for %s", (id, hbm, bandwidth, bf16, fp8, fp4) => {
    const gpu = GPUS.find((g) => g.id === id);
    if (!gpu) throw new Error(`no GPU ${id}`);
    expect(gpu.hbmBytes).toBe(hbm);
    expect(gpu.hbmBytesPerSecond).toBeCloseTo(bandwidth, -6);
    expect(gpu.denseFlopsPerSecond).toEqual({ bf16, fp8, ...(fp4 === undefined ? {} : { fp4 }) });
  });

  it("gives every architecture, GPU and efficiency profile a source and an ISO date", () => {
    for (const entry of [...ARCHITECTURES, ...GPUS, ...EFFICIENCY_PROFILES]) {
      expect(entry.source.length).toBeGreaterThan(0);
      expect(entry.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    for (const profile of EFFICIENCY_PROFILES)
      expect(v.safeParse(EfficienciesSchema, profile).success).toBe(true);
  });

  it.each([
    [
      "an efficiency above 1",
      (c: Mutable) => (at(c.gpus, 0).efficiencies.bandwidthFraction = 1.2),
      /gpus\.0\.efficiencies\.bandwidthFraction/,
    ],
    [
      "an unknown attention kind",
      (c: Mutable) => (at(c.architectures, 0).attention.kind = "linear"),
      /architectures\.0\.attention/,
    ],
    [
      "a zero KV head count",
      (c: Mutable) => (at(c.architectures, 5).attention.kvHeads = 0),
      /architectures\.5\.attention\.kvHeads/,
    ],
    [
      "a GPU without bandwidth",
      (c: Mutable) => delete at(c.gpus, 1).hbmBytesPerSecond,
      /gpus\.1\.hbmBytesPerSecond/,
    ],
  ])("validateCatalog rejects %s, naming the path", (_, mutate, path) => {
    const copy = structuredClone(CATALOG) as unknown as Mutable;
    mutate(copy);
    expect(() => validateCatalog(copy)).toThrow(path);
  });

  it("schemas accept the entries as written", () => {
    for (const a of ARCHITECTURES) expect(v.safeParse(ArchitectureSchema, a).success).toBe(true);
    for (const g of GPUS) expect(v.safeParse(GpuSpecSchema, g).success).toBe(true);
  });
});
