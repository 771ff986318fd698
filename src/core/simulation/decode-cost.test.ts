import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ARCHITECTURES } from "../../catalog/architectures.js";
import { SERVING_EFFICIENCIES } from "../../catalog/efficiencies.js";
import { GPUS } from "../../catalog/gpus.js";
import { decodeSpanSeconds } from "../throughput/decode-span.js";
import { DecodeCost } from "./decode-cost.js";

describe("DecodeCost.spanSeconds equals decodeSpanSeconds", () => {
  it.each(ARCHITECTURES.map((a) => [a.id, a] as const))("%s on 8 × B300 and 1 × H100", (_id, model) => {
    for (const gpu of [GPUS.find((g) => g.id === "B300_288GB"), GPUS.find((g) => g.id === "H100_80GB")]) {
      if (!gpu) throw new Error("gpu missing");
      const replica = { gpu, gpus: gpu.id === "H100_80GB" ? 1 : 8, dataParallelAttention: false };
      const cost = new DecodeCost(model, replica, SERVING_EFFICIENCIES);
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 1024 }),
          fc.integer({ min: 1, max: 300_000 }),
          fc.integer({ min: 1, max: 4096 }),
          (sequences, startContext, steps) => {
            const expected = decodeSpanSeconds(model, replica, SERVING_EFFICIENCIES, {
              sequences,
              startContextTokens: startContext,
              tokens: steps,
            });
            const got = cost.spanSeconds(sequences, startContext, steps);
            expect(Math.abs(got - expected)).toBeLessThanOrEqual(1e-9 * expected + 1e-12);
          },
        ),
        { seed: 12, numRuns: 200 },
      );
    }
  });
});
