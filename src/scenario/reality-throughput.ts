// Two departures of the reality check that need the throughput model: the page's dedicated plan on
// derived instead of saturated throughput, and with every episode in flight at once, past what the
// replica's KV cache holds (LRU eviction re-prefills what it drops). Each row names its $.
import { derivedThroughputBand } from "../catalog/throughput-band.js";
import type { GpuHourPlan } from "../core/plan.js";
import type { DerivedDedicated } from "../core/throughput/derived-dedicated.js";
import { derivedDedicatedForReference } from "./derived-for-reference.js";
import type { RealityRow } from "./reality-check.js";
import type { Scenario } from "./resolve.js";

const count = (n: number) => n.toLocaleString("en-US");
const usd = (n: number) =>
  `$${n.toLocaleString("en-US", { maximumFractionDigits: n < 10 ? 2 : 0, minimumFractionDigits: n < 10 ? 2 : 0 })}`;

/** The most episodes the row puts in flight: far past any replica's cache, and quick to simulate. */
const MAX_IN_FLIGHT = 10_000;

function simulate(
  page: Scenario,
  plan: GpuHourPlan,
  episodesInFlight?: number,
): DerivedDedicated | { ok: false; reason: string } {
  try {
    return simulateOrThrow(page, plan, episodesInFlight);
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, reason: error.message };
    throw error;
  }
}

function simulateOrThrow(page: Scenario, plan: GpuHourPlan, episodesInFlight?: number) {
  return derivedDedicatedForReference(
    {
      workload: page.workload,
      perToken: { usdPerMillionPrefill: 0, usdPerMillionSample: 0 },
      dedicated: {
        gpuType: plan.gpuType,
        gpus: plan.gpus,
        usdPerGpuHour: plan.usdPerGpuHour,
        promptTokensPerSecond: plan.promptTokensPerSecond,
        decodeTokensPerSecond: plan.decodeTokensPerSecond,
      },
    },
    page.model.id,
    episodesInFlight === undefined ? {} : { episodesInFlight },
  );
}

/**
 * The rows "derived-throughput" and "cache-survival" for the Fireworks page's scenario `page` and its
 * dedicated plan, Tinker held at `pageTinker`; $ differences from the page's dedicated `pageDedicated`.
 */
export function throughputRealityRows(
  page: Scenario,
  dedicated: GpuHourPlan,
  pageTinker: number,
  pageDedicated: number,
): RealityRow[] {
  const where = `${dedicated.gpus}× ${dedicated.gpuType}`;
  const row = (
    id: RealityRow["id"],
    label: string,
    change: string,
    sim: DerivedDedicated | { ok: false; reason: string },
    note: (s: DerivedDedicated) => string,
  ): RealityRow => {
    if (!sim.ok)
      return {
        id,
        label,
        change,
        tinkerUsdTotal: null,
        dedicatedUsdTotal: null,
        tinkerDeltaUsd: null,
        dedicatedDeltaUsd: null,
        note: `no derived throughput on ${where}: ${sim.reason}`,
      };
    const d = sim.comparison.simulated.usdTotal;
    return {
      id,
      label,
      change,
      tinkerUsdTotal: pageTinker,
      dedicatedUsdTotal: d,
      tinkerDeltaUsd: 0,
      dedicatedDeltaUsd: d - pageDedicated,
      note: note(sim),
    };
  };
  const band = derivedThroughputBand();
  const derived = simulate(page, dedicated);
  const episodes = page.workload.episodes;
  const inFlight = Math.min(episodes, MAX_IN_FLIGHT);
  const all = simulate(page, dedicated, inFlight);
  return [
    row(
      "derived-throughput",
      "Derived throughput",
      `the throughput model on ${where}, simulated turn by turn (prefill and decode in turn), instead of the saturated ${count(dedicated.promptTokensPerSecond)} / ${count(dedicated.decodeTokensPerSecond)} tok/s`,
      derived,
      (s) => {
        const h = s.comparison.simulated.clusterHours;
        const d = s.comparison.simulated.usdTotal;
        return `${h.toFixed(2)} cluster-hours with ${count(s.episodesInFlight)} episodes in flight; band ×/÷${band.worstFactor}: ${(h / band.worstFactor).toFixed(2)}–${(h * band.worstFactor).toFixed(2)} h, ${usd(d / band.worstFactor)}–${usd(d * band.worstFactor)}`;
      },
    ),
    row(
      "cache-survival",
      "Every episode in flight",
      `${inFlight === episodes ? "all " : ""}${count(inFlight)} episodes in flight on one replica of ${where} (derived throughput${inFlight < episodes ? `; the check simulates at most ${count(MAX_IN_FLIGHT)} at once` : ""})`,
      all,
      (s) =>
        s.survival.fits
          ? `their caches all fit at the ${count(s.survival.peakContextTokens)}-token peak: nothing is evicted`
          : `the KV cache holds ${count(s.survival.episodesWhoseCachesFit)} episodes at the ${count(s.survival.peakContextTokens)}-token peak; LRU eviction re-prefills ${count(s.reuse.forcedReprefillTokens)} tokens, cache hit ${(s.reuse.effectiveCacheHitFraction * 100).toFixed(1)}%`,
    ),
  ];
}
