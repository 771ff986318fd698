import { describe, expect, it } from "vitest";
import type { IntervalFigures } from "./interval-figures.js";
import { saturationVerdict } from "./saturation.js";

const interval = (over: Partial<IntervalFigures> = {}): IntervalFigures => ({
  seconds: 5,
  promptTokensPerSecond: 2000,
  cachedPromptTokensPerSecond: 1500,
  generationTokensPerSecond: 300,
  cacheHitFraction: 0.75,
  requestsPerSecond: 1,
  preemptions: 0,
  running: 10,
  waiting: 0,
  kvUsageFraction: 0.5,
  resets: [],
  ...over,
});

describe("saturationVerdict(recent intervals)", () => {
  it.each([
    ["no interval yet", [], "unknown"],
    ["nothing waiting, KV 50%", [interval()], "headroom"],
    [
      "a queue in two of three scrapes is a burst",
      [interval({ waiting: 2 }), interval(), interval({ waiting: 5 })],
      "headroom",
    ],
    [
      "a queue in three scrapes in a row",
      [interval({ waiting: 1 }), interval({ waiting: 2 }), interval({ waiting: 5 })],
      "saturated",
    ],
    [
      "KV at 90% three times",
      [
        interval({ kvUsageFraction: 0.9 }),
        interval({ kvUsageFraction: 0.95 }),
        interval({ kvUsageFraction: 0.9 }),
      ],
      "saturated",
    ],
    [
      "KV at 89.9% three times",
      [
        interval({ kvUsageFraction: 0.899 }),
        interval({ kvUsageFraction: 0.899 }),
        interval({ kvUsageFraction: 0.899 }),
      ],
      "headroom",
    ],
    ["one preemption", [interval({ preemptions: 1 })], "saturated"],
    [
      "no tokens, nothing running",
      [interval({ promptTokensPerSecond: 0, generationTokensPerSecond: 0, running: 0 })],
      "idle",
    ],
    [
      "no tokens but requests running (long prefills)",
      [interval({ promptTokensPerSecond: 0, generationTokensPerSecond: 0 })],
      "headroom",
    ],
    ["neither queue nor KV exported", [interval({ waiting: null, kvUsageFraction: null })], "unknown"],
  ] as const)("%s → %s", (_name, recent, verdict) => {
    const result = saturationVerdict(recent as unknown as IntervalFigures[]);
    expect(result.verdict).toBe(verdict);
    expect(result.reasons.length).toBeGreaterThan(0);
    expect(result.advice.length).toBeGreaterThan(0);
  });

  it("gives the page's advice: raise concurrency on headroom, add replicas when saturated", () => {
    expect(saturationVerdict([interval()]).advice).toMatch(
      /raise rollout concurrency .* before adding replicas/,
    );
    expect(saturationVerdict([interval({ preemptions: 3 })]).advice).toMatch(/add replicas or GPUs/);
  });
});
