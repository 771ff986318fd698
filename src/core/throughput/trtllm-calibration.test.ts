import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { LayoutId } from "../../catalog/layouts.js";
import { derivedThroughputBand } from "../../catalog/throughput-band.js";
import type { KvFormatId, WeightFormatId } from "../../catalog/weight-formats.js";
import { offlineThroughputFor } from "../../scenario/offline-for.js";

interface Point {
  modelId: string;
  gpuId: string;
  gpus: number;
  layout: LayoutId;
  dense: WeightFormatId;
  experts: WeightFormatId;
  kv: KvFormatId;
  inputTokens: number;
  outputTokens: number;
  outputTokensPerSecondPerGpu: number;
}

// DATA.md §6: the TensorRT-LLM 1.2 table, kept as a fixture citing the table itself.
const fixture = JSON.parse(
  readFileSync(new URL("../../../test/fixtures/trtllm-perf-overview.json", import.meta.url), "utf8"),
) as { source: { url: string }; points: Point[] };

const replay = fixture.points.map((p) => {
  const result = offlineThroughputFor({
    modelId: p.modelId,
    gpuId: p.gpuId,
    gpus: p.gpus,
    layout: p.layout,
    precision: { dense: p.dense, experts: p.experts, kv: p.kv },
    inputTokens: p.inputTokens,
    outputTokens: p.outputTokens,
  });
  if (!result.ok) throw new Error(`${p.modelId} on ${p.gpuId}: ${result.reason}`);
  const ratio = result.outputTokensPerSecondPerGpu / p.outputTokensPerSecondPerGpu;
  return { ...p, predicted: result.outputTokensPerSecondPerGpu, ratio, logError: Math.abs(Math.log(ratio)) };
});

const factorOff = (rows: { logError: number }[]) =>
  Math.exp(rows.reduce((sum, r) => sum + r.logError, 0) / rows.length);
const isMoe = (id: string) => !id.startsWith("llama");
const isHopper = (id: string) => id.startsWith("H");
const CLASSES: [string, (p: Point) => boolean][] = [
  ["dense", (p) => !isMoe(p.modelId)],
  ["MoE", (p) => isMoe(p.modelId)],
  ["Hopper", (p) => isHopper(p.gpuId)],
  ["Blackwell", (p) => !isHopper(p.gpuId)],
  ["prefill-heavy (ISL > OSL)", (p) => p.inputTokens > p.outputTokens],
  ["decode-heavy (OSL > ISL)", (p) => p.outputTokens > p.inputTokens],
  ["balanced (1K/1K)", (p) => p.inputTokens === p.outputTokens],
];

describe("offlineThroughputFor on DATA.md §6 (TensorRT-LLM 1.2, 35 points)", () => {
  it("replays every point of the fixture, which cites the table", () => {
    expect(fixture.source.url).toContain("NVIDIA/TensorRT-LLM/blob/03e27c7d");
    expect(replay).toHaveLength(35);
  });

  it("is off by a typical factor of at most 1.25× (geometric mean of max(pred/meas, meas/pred))", () => {
    const lines = CLASSES.map(([name, keep]) => {
      const rows = replay.filter(keep);
      return `${name}: ${rows.length} points, typical factor ${factorOff(rows).toFixed(3)}`;
    });
    console.log([`all: typical factor ${factorOff(replay).toFixed(3)}`, ...lines].join("\n"));
    expect(factorOff(replay)).toBeLessThanOrEqual(1.25);
  });

  it("holds every point within ±50% (worst 1.36× off)", () => {
    const outside = replay.filter((r) => r.ratio > 1.5 || r.ratio < 1 / 1.5);
    expect(outside.map((r) => `${r.modelId} ${r.gpuId} ${r.inputTokens}/${r.outputTokens}`)).toEqual([]);
    expect(Math.max(...replay.map((r) => r.logError))).toBeLessThan(Math.log(1.4));
  });

  it("exports its residual spread as the error band", () => {
    const band = derivedThroughputBand();
    expect(band.points).toBe(replay.length);
    expect(band.typicalFactor).toBeCloseTo(factorOff(replay), 2);
    expect(band.worstFactor).toBeCloseTo(Math.exp(Math.max(...replay.map((r) => r.logError))), 2);
  });
});
