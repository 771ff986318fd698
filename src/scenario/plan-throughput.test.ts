import { describe, expect, it } from "vitest";
import { derivedThroughputBand } from "../catalog/throughput-band.js";
import { weightsDoNotFit } from "./plan-throughput.js";
import { priceScenario } from "./price.js";
import { resolveScenario } from "./resolve.js";
import { bandFactorsOf, deadlineFor } from "./solve.js";

describe("dedicated plans on the chosen GPUs", () => {
  it("Kimi K2.6 on 4 × H100 cannot run: needed vs available bytes", () => {
    // 4 GPUs × 80 GB × 0.9 memory utilisation = 288 GB available; the weights need 668 GB.
    const misfit = weightsDoNotFit("kimi-k2p6", "H100_80GB", 4);
    expect(misfit?.availableBytes).toBeCloseTo(288e9, -6);
    expect(misfit?.neededBytes).toBeGreaterThan(600e9);
    expect(weightsDoNotFit("kimi-k2p6", "B300_288GB", 8)).toBeUndefined();
    const priced = priceScenario(
      resolveScenario({ gpuType: "H100_80GB", gpus: 4, selfHostedUsdPerGpuHour: 3 }),
    );
    expect(priced.plans.map((p) => p.id)).toEqual(["tinker"]);
    const selfHosted = priced.unavailable.find((u) => u.id === "self-hosted");
    expect(selfHosted?.weights).toEqual(misfit);
    expect(selfHosted?.reason).toMatch(/weights need 668\.0 GB but 4× H100_80GB hold 288\.0 GB/);
  });

  it("saturated figures given for other GPUs are not used: the plan says to derive or give tok/s", () => {
    const priced = priceScenario(
      resolveScenario({ preset: "current", model: "qwen3.5-397b", gpuType: "B300_288GB" }),
    );
    expect(priced.plans.every((p) => p.kind === "per-token")).toBe(true);
    expect(priced.unavailable.map((u) => u.reason).join(" ")).toContain(
      "the catalog's saturated throughput is for 8× B200_180GB, not B300_288GB: use --throughput derived",
    );
  });

  it("derived: the one GPU-hour bill reproduces the simulated busy hours, with the band", () => {
    const scenario = resolveScenario({ preset: "reference", throughput: "derived" });
    const priced = priceScenario(scenario);
    const plan = priced.plans.find((p) => p.id === "dedicated");
    const chosen = priced.chosenPlans.find((p) => p.id === "dedicated");
    if (!plan?.clusterHours || chosen?.kind !== "gpu-hour") throw new Error("dedicated is priced");
    // Effective rates: uncached 92M tokens ÷ prefill s, 16M decoded ÷ decode s, billed in turn (sum):
    // hours = 92M / ptps + 16M / dtps over 3600 = (prefill + decode s) / 3600.
    const hours = (92e6 / chosen.promptTokensPerSecond + 16e6 / chosen.decodeTokensPerSecond) / 3600;
    expect(chosen.overlap).toBe("sum");
    expect(plan.clusterHours).toBeCloseTo(hours, 9);
    expect(plan.usdTotal).toBeCloseTo(hours * 8 * 12, 6);
    const w = derivedThroughputBand().worstFactor;
    expect(plan.band?.clusterHours.low).toBeCloseTo(plan.clusterHours / w, 9);
    expect(plan.band?.usdTotal.high).toBeCloseTo(plan.usdTotal * w, 9);
    expect(chosen.throughputSource).toMatch(/^derived: the throughput model/);
    // Saturated: no band, the page's 2.963 h.
    const saturated = priceScenario(resolveScenario({ preset: "reference" })).plans.find(
      (p) => p.id === "dedicated",
    );
    expect(saturated?.band).toBeUndefined();
    expect(saturated?.clusterHours).toBeCloseTo(2.962963, 5);
  });

  it("the deadline solver uses the derived throughput: GPUs = replicas × GPUs per replica", () => {
    const priced = priceScenario(
      resolveScenario({ preset: "reference", throughput: "derived", episodes: 50_000 }),
    );
    const hours = priced.plans.find((p) => p.id === "dedicated")?.clusterHours ?? 0;
    const [answer] = deadlineFor(priced.tokens, priced.chosenPlans, 6);
    if (!answer?.ok) throw new Error("a deadline of 6 h can be met");
    expect(answer.replicas).toBe(Math.ceil(hours / 6));
    expect(answer.gpus).toBe(answer.replicas * 8);
  });

  it("gives derived plans' deadline answer at both ends of the band, and saturated plans none", () => {
    const values = { preset: "reference", episodes: 50_000 } as const;
    const derived = priceScenario(resolveScenario({ ...values, throughput: "derived" }));
    const hours = derived.plans.find((p) => p.id === "dedicated")?.clusterHours ?? 0;
    const factor = derived.plans.find((p) => p.id === "dedicated")?.band?.worstFactor ?? 0;
    expect(factor).toBeGreaterThan(1);
    const [answer] = deadlineFor(derived.tokens, derived.chosenPlans, 6, bandFactorsOf(derived));
    if (!answer?.band?.fast.ok || !answer.band.slow.ok) throw new Error("both ends meet 6 h");
    // Throughput `factor` times higher needs hours ÷ factor of work, split over 6 h; lower, × factor.
    expect(answer.band.fast.replicas).toBe(Math.ceil(hours / factor / 6));
    expect(answer.band.slow.replicas).toBe(Math.ceil((hours * factor) / 6));
    expect(answer.band.fast.gpus).toBeLessThanOrEqual(answer.ok ? answer.gpus : 0);
    const saturated = priceScenario(resolveScenario(values));
    const [plain] = deadlineFor(saturated.tokens, saturated.chosenPlans, 6, bandFactorsOf(saturated));
    expect(plain?.band).toBeUndefined();
  });

  it("names a bad --gpu or --throughput", () => {
    expect(() => resolveScenario({ gpuType: "nan" })).toThrow(/unknown GPU/);
  });
});
