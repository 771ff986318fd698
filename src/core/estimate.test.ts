import { describe, expect, it } from "vitest";
import { referenceInput } from "../../test/scenario-fixtures.js";
import { vsTinkerLabel } from "../format/vs-tinker.js";
import { estimateReference, type ReferenceInput } from "./estimate.js";

const defaults = (): ReferenceInput => referenceInput({});

describe("estimateReference(reference defaults)", () => {
  // Worked by hand for the page's defaults: Kimi K2.6, 1,000 episodes, T = 8, P1 = 8,000, Δ = 12,000, G = 2,000.
  //   Σ P_t  = 8·8,000 + 12,000·(8·7)/2 = 64,000 + 336,000 = 400,000
  //   P_T    = 8,000 + 7·12,000 = 92,000;  cached = 308,000;  hit = 308/400 = 77.0%
  //   decode = 8·2,000 = 16,000
  //   Tinker = 0.4·$5.15 + 0.016·$12.81 = $2.06 + $0.20496 = $2.26496 / episode → $2,264.96 for 1,000
  //   prefill = 92,000,000 / 30,000 = 3,066.7 s;  decode = 16,000,000 / 1,500 = 10,666.7 s  → max = 10,666.7 s
  //   cluster-hours = 10,666.7 / 3,600 = 2.963;  8 × B300 at $12 = $96/h → $284.44 total, $0.2844 / episode
  //   ratio = 2,264.96 / 284.44 = 7.963 → "8.0× cheaper"
  //   Tinker buys 2,264.96·3,600 / 96 = 84,936 s of the cluster:
  //     least prompt tok/s = 92,000,000 / 84,936 = 1,083.2;  least decode tok/s = 16,000,000 / 84,936 = 188.4
  //     most GPUs = floor(2,264.96·3,600 / (10,666.7·12)) = floor(63.70) = 63
  const result = estimateReference(defaults());

  it("reproduces the page's token math", () => {
    expect(result.tokens).toMatchObject({
      promptSummedPerEpisode: 400_000,
      uniquePromptPerEpisode: 92_000,
      cachedPromptPerEpisode: 308_000,
      decodePerEpisode: 16_000,
    });
    expect(result.tokens.cacheHitPercent).toBeCloseTo(77.0, 12);
  });

  it("reproduces the page's dollars, hours and label", () => {
    expect(result.plans.tinker.usdPerEpisode).toBeCloseTo(2.26496, 12);
    expect(result.plans.tinker.usdTotal).toBeCloseTo(2264.96, 9);
    expect(result.plans.dedicated.clusterHours).toBeCloseTo(32 / 10.8, 12);
    expect(result.plans.dedicated.usdTotal).toBeCloseTo(284.444444444, 6);
    expect(result.plans.dedicated.usdPerEpisode).toBeCloseTo(0.284444444, 8);
    expect(vsTinkerLabel(result)).toBe("8.0× cheaper");
  });

  it("reproduces the page's at-par bounds", () => {
    expect(result.parity.maxGpus).toBe(63);
    expect(result.parity.minPromptTokensPerSecond).toBeCloseTo(92e6 / 84_935.999999, 3);
    expect(result.parity.minDecodeTokensPerSecond).toBeCloseTo(16e6 / 84_936, 3);
    expect(Math.ceil(result.parity.minPromptTokensPerSecond)).toBe(1084);
    expect(Math.ceil(result.parity.minDecodeTokensPerSecond)).toBe(189);
  });

  it("has no warnings at 8 turns", () => {
    expect(result.warnings).toEqual([]);
  });
});

describe("estimateReference(context window)", () => {
  it.each([
    // turns, peak context = 8,000 + (T−1)·12,000 + 2,000; the window is 128,000
    [10, false], // 118,000 fits
    [11, true], // 130,000: the prompt alone reaches 128,000, and the last generation passes it
    [40, true],
  ])("at %i turns warns: %s", (turns, warns) => {
    const input = defaults();
    input.workload.shape.turns = turns;
    const { warnings } = estimateReference(input);
    expect(warnings.some((w) => w.startsWith("context window"))).toBe(warns);
  });

  it("names the last turn that fits", () => {
    const input = defaults();
    input.workload.shape.turns = 12;
    expect(estimateReference(input).warnings[0]).toContain("only the first 10 of 12 turns fit");
  });
});

describe("estimateReference(past the at-par bounds)", () => {
  it("does not clamp: more GPUs than maxGpus make the dedicated side cost more", () => {
    const input = defaults();
    input.dedicated.gpus = 64;
    const result = estimateReference(input);
    expect(result.plans.dedicated.usdTotal).toBeGreaterThan(result.plans.tinker.usdTotal);
    expect(vsTinkerLabel(result)).toBe("at par");
    // 500 GPUs: 2.963 h × 500 × $12 = $17,777.8, which is 17,777.8 / 2,264.96 = 7.85× Tinker's bill
    input.dedicated.gpus = 500;
    expect(vsTinkerLabel(estimateReference(input))).toBe("7.8× more");
  });

  it("flags maxGpus as the page's floor when even one GPU costs more", () => {
    const input = defaults();
    input.dedicated.decodeTokensPerSecond = 1;
    const result = estimateReference(input);
    expect(result.parity.maxGpus).toBe(1);
    expect(result.warnings.some((w) => w.startsWith("parity:"))).toBe(true);
  });

  it("gives maxGpus null when the cluster has no work", () => {
    const input = defaults();
    input.workload.shape = {
      turns: 3,
      initialPromptTokens: 0,
      addedTokensPerTurn: 0,
      generatedTokensPerTurn: 0,
    };
    const result = estimateReference(input);
    expect(result.parity.maxGpus).toBeNull();
    expect(vsTinkerLabel(result)).toBe("—");
    expect(result.tokens.cacheHitPercent).toBe(0);
  });
});

describe("estimateReference(bad parameters)", () => {
  it.each([
    ["episodes", (i: ReferenceInput) => (i.workload.episodes = 0), /episodes must be an integer/],
    [
      "turns",
      (i: ReferenceInput) => (i.workload.shape.turns = -3),
      /turns must be an integer from 1 to 200, got -3/,
    ],
    ["turns", (i: ReferenceInput) => (i.workload.shape.turns = 2.5), /turns must be an integer/],
    [
      "tokens",
      (i: ReferenceInput) => (i.workload.shape.initialPromptTokens = Number.NaN),
      /initialPromptTokens/,
    ],
    ["gpus", (i: ReferenceInput) => (i.dedicated.gpus = 0), /gpus must be an integer/],
    [
      "throughput",
      (i: ReferenceInput) => (i.dedicated.promptTokensPerSecond = 0),
      /promptTokensPerSecond must be/,
    ],
    [
      "throughput",
      (i: ReferenceInput) => (i.dedicated.decodeTokensPerSecond = Infinity),
      /decodeTokensPerSecond/,
    ],
    // Issue 14: positive but below the 0.001 tok/s floor (1e-300 made the costs +Infinity).
    [
      "throughput",
      (i: ReferenceInput) => (i.dedicated.promptTokensPerSecond = 1e-300),
      /promptTokensPerSecond must be a throughput of at least 0.001 tok\/s, got 1e-300/,
    ],
    [
      "throughput",
      (i: ReferenceInput) => (i.dedicated.decodeTokensPerSecond = 0.0009),
      /decodeTokensPerSecond must be a throughput of at least 0.001 tok\/s, got 0.0009/,
    ],
  ])("throws a RangeError naming %s", (_name, spoil, message) => {
    const input = defaults();
    spoil(input);
    expect(() => estimateReference(input)).toThrow(RangeError);
    expect(() => estimateReference(input)).toThrow(message);
  });
});
