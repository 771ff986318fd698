import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { plansForPreset } from "../../test/scenario-fixtures.js";
import { counterDelta } from "./counter-delta.js";
import { detectEngine } from "./engine-reading.js";
import { parsePrometheusText } from "./prometheus-text.js";
import { type ScrapeReport, WatchInputError, WatchSession } from "./watch-session.js";

const fixture = (path: string) =>
  readFileSync(new URL(`../../test/fixtures/metrics/${path}`, import.meta.url), "utf8");
const body = (path: string) => ({
  text: fixture(path),
  contentType: "text/plain; version=0.0.4; charset=utf-8",
});

// The reference preset's plans for Kimi K2.6: Tinker at $5.15 prefill / $12.81 sample per 1M, no cached
// rate; dedicated 8× B300 at $12/GPU-hour, 30,000 prompt and 1,500 decode tok/s, max overlap.
const plans = plansForPreset("reference", "kimi-k2p6");
const session = (engine: "auto" | "vllm" = "auto", match = {}) =>
  new WatchSession({ engine, match, plans, contextTokens: 0, runHours: 10 });

/** Scrape i of `dir` at 10·(i-1) seconds. */
function replay(s: WatchSession, dir: string, count: number): ScrapeReport[] {
  return Array.from({ length: count }, (_, i) => s.push(body(`${dir}/scrape-${i + 1}.txt`), 10 * i));
}

describe("WatchSession on vLLM scrapes (5 scrapes 10 s apart, a restart before the 4th)", () => {
  const reports = replay(session(), "vllm", 5);
  const figures = reports.map((r) => r.figures);

  it("detects vLLM and reads the current metric names", () => {
    expect(reports[0]?.engine).toBe("vllm");
    expect(reports[0]?.metricNames.kvUsageFraction).toBe("vllm:kv_cache_usage_perc");
    expect(reports[0]?.metricNames.cacheHitTokens).toBe("vllm:prefix_cache_hits_total");
    expect(figures[0]).toBeNull();
  });

  it("takes counter deltas: 10,000 prompt and 1,000 generated tokens in 10 s, hit 8,000 / 10,000", () => {
    expect(figures[1]).toMatchObject({
      seconds: 10,
      promptTokensPerSecond: 1000,
      generationTokensPerSecond: 100,
      cacheHitFraction: 0.8,
      cachedPromptTokensPerSecond: 800,
      running: 8,
      waiting: 0,
      kvUsageFraction: 0.55,
      preemptions: 0,
      resets: [],
    });
  });

  it("counts the malformed line of scrape 3 and reports it", () => {
    expect(reports[2]?.malformedLines).toBe(1);
    expect(reports[2]?.malformedByKind).toEqual({ invalidLabels: 1 });
    expect(reports[2]?.malformedExamples[0]?.line).toBeGreaterThan(0);
    expect(reports[2]?.warnings.join(" ")).toMatch(/1 line\(s\) of this scrape could not be read/);
  });

  it("survives the restart: a counter that went down counts its new value (5,000 prompt, hit 2,500 / 5,000)", () => {
    expect(figures[3]).toMatchObject({
      promptTokensPerSecond: 500,
      generationTokensPerSecond: 50,
      cacheHitFraction: 0.5,
    });
    expect(figures[3]?.resets).toEqual(
      expect.arrayContaining([
        "promptTokens",
        "generationTokens",
        "cacheQueryTokens",
        "cacheHitTokens",
        "requests",
      ]),
    );
    // request_success_total: stop 30 → 3 (reset), length 1 → 1, abort 0 → 0: 3 requests in 10 s.
    expect(figures[3]?.requestsPerSecond).toBeCloseTo(0.3, 12);
    expect(figures[4]).toMatchObject({
      promptTokensPerSecond: 1000,
      cacheHitFraction: 0.75,
      preemptions: 2,
      resets: [],
    });
  });

  it("says headroom, then saturated once waiting, KV ≥ 90% and a preemption are sustained", () => {
    expect(reports.map((r) => r.saturation.verdict)).toEqual([
      "unknown",
      "headroom",
      "headroom",
      "headroom",
      "saturated",
    ]);
    expect(reports[2]?.saturation.reasons.join(" ")).toMatch(/3 waiting \(a burst so far\)/);
    const reasons = reports[4]?.saturation.reasons.join(" | ") ?? "";
    expect(reasons).toMatch(/requests waiting in each of the last 3 scrapes \(now 4\)/);
    expect(reasons).toMatch(/KV cache at or above 90% in each of the last 3 scrapes \(now 95%\)/);
    expect(reasons).toMatch(/2 request\(s\) preempted/);
    expect(reports[1]?.saturation.advice).toMatch(/raise rollout concurrency/);
  });

  it("adds up the tokens: 35,000 prompt, 26,000 cached, 3,500 generated in 40 s", () => {
    const totals = reports[4]?.totals;
    expect(totals?.seconds).toBe(40);
    expect(totals?.promptTokens).toBeCloseTo(35000, 6);
    expect(totals?.cachedPromptTokens).toBeCloseTo(26000, 6); // 8,000 + 8,000 + 2,500 + 7,500
    expect(totals?.generationTokens).toBeCloseTo(3500, 6);
    expect(totals?.cacheHitFraction).toBeCloseTo(26000 / 35000, 12);
  });

  it("prices the observed rate on every plan", () => {
    // Interval 2: 1,000 prompt tok/s (800 cached), 100 generated tok/s; an hour is 3.6M prompt, 0.36M generated.
    // Tinker bills every prompt token: 3.6 × 5.15 + 0.36 × 12.81 = 18.54 + 4.6116 = $23.1516/h.
    // Dedicated prefills the 720,000 uncached tokens in 24 s and decodes 360,000 in 240 s: max = 240 s,
    // 240/3600 h × 8 GPUs × $12 = $6.40/h.
    const [tinker, dedicated] = reports[1]?.plans ?? [];
    expect(tinker?.id).toBe("tinker");
    expect(tinker?.usdPerHourNow).toBeCloseTo(23.1516, 9);
    expect(dedicated?.usdPerHourNow).toBeCloseTo(6.4, 9);
    // One interval so far: the mean rate is the same, 10 s of it cost 23.1516 / 360, 10 h of it ×10.
    expect(tinker?.usdSoFar).toBeCloseTo(23.1516 / 360, 9);
    expect(tinker?.usdProjected).toBeCloseTo(231.516, 6);
  });
});

describe("WatchSession on other engines and names", () => {
  it("reads vLLM 0.8's pre-rename names (gpu_cache_usage_perc, gpu_prefix_cache_*)", () => {
    const [first, second] = replay(session(), "vllm-0.8", 2);
    expect(first?.metricNames.kvUsageFraction).toBe("vllm:gpu_cache_usage_perc");
    // 8,000 prompt tokens in 10 s; hits 6,000 of 8,000 queried.
    expect(second?.figures).toMatchObject({
      promptTokensPerSecond: 800,
      cacheHitFraction: 0.75,
      kvUsageFraction: 0.3,
    });
  });

  it("reads SGLang: cached tokens summed over cache_source, its restart, and its malformed line", () => {
    const reports = replay(session(), "sglang", 3);
    expect(reports[0]?.engine).toBe("sglang");
    // 60,000 prompt tokens, cached 40,000 (device) + 10,000 (host) = 50,000.
    expect(reports[1]?.figures?.promptTokensPerSecond).toBe(6000);
    expect(reports[1]?.figures?.cacheHitFraction).toBeCloseTo(50000 / 60000, 12);
    expect(reports[1]?.malformedByKind).toEqual({ invalidTimestamp: 1 });
    // Restart: 30,000 prompt, cached 10,000 + 5,000.
    expect(reports[2]?.figures).toMatchObject({
      promptTokensPerSecond: 3000,
      cacheHitFraction: 0.5,
      waiting: 2,
    });
    expect(reports[2]?.figures?.resets).toContain("cachedPromptTokens");
    expect(reports[2]?.figures?.preemptions).toBeNull();
  });

  it("reads Fireworks' per-second rates as exported, filtered to one deployment with a label match", () => {
    const [, second] = replay(session("auto", { deployment_id: "rl-k2" }), "fireworks", 2);
    expect(second?.engine).toBe("fireworks");
    expect(second?.figures).toMatchObject({
      promptTokensPerSecond: 24000,
      cachedPromptTokensPerSecond: 20000,
      generationTokensPerSecond: null,
      waiting: null,
      running: 48,
      kvUsageFraction: 0.71,
    });
    expect(second?.warnings.join(" ")).toMatch(/exports no generated-token count: decode is not priced/);
    const all = replay(session(), "fireworks", 2)[1];
    expect(all?.figures?.promptTokensPerSecond).toBe(24100); // both deployments summed
  });

  it("refuses an answer that is not Prometheus text, or has no engine's metrics", () => {
    expect(() => session().push({ text: "<!doctype html><p>hi</p>", contentType: "text/html" }, 0)).toThrow(
      /answered "text\/html", not Prometheus text/,
    );
    expect(() => session().push({ text: '{"error": "nope"}\n', contentType: "" }, 0)).toThrow(
      /not Prometheus text: no metric sample read, 1 unreadable line/,
    );
    expect(() => session().push({ text: "node_cpu_seconds_total 1\n", contentType: "" }, 0)).toThrow(
      WatchInputError,
    );
    expect(() => session("auto", { model_name: "other" }).push(body("vllm/scrape-1.txt"), 0)).toThrow(
      /match --match/,
    );
  });
});

describe("counterDelta and detectEngine", () => {
  const reading = (name: string, values: Record<string, number>) => ({
    name,
    series: new Map(Object.entries(values)),
  });

  it.each([
    ["growth", { a: 10 }, { a: 15 }, 5, false],
    ["reset: the new value", { a: 10 }, { a: 4 }, 4, true],
    ["per series: one engine restarted", { a: 10, b: 100 }, { a: 12, b: 3 }, 5, true],
    ["a new series counts whole", { a: 10 }, { a: 11, b: 7 }, 8, false],
  ])("%s", (_name, before, after, delta, reset) => {
    expect(counterDelta(reading("c", before), reading("c", after))).toEqual({ delta, reset });
  });

  it("a renamed metric (an upgrade across the 0.9 rename) is a reset", () => {
    expect(
      counterDelta(
        reading("vllm:gpu_prefix_cache_hits_total", { a: 50 }),
        reading("vllm:prefix_cache_hits_total", { a: 60 }),
      ),
    ).toEqual({ delta: 60, reset: true });
  });

  it("detects engines from names", () => {
    expect(detectEngine(parsePrometheusText(fixture("sglang/scrape-1.txt")).samples)).toBe("sglang");
    expect(detectEngine(parsePrometheusText(fixture("fireworks/scrape-1.txt")).samples)).toBe("fireworks");
    expect(detectEngine(parsePrometheusText("vllm:something_new 1\n").samples)).toBe("vllm");
    expect(detectEngine(parsePrometheusText("up 1\n").samples)).toBeUndefined();
  });
});
