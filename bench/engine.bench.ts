// Estimates per second for the reference engine on one core (target: ≥ 5 million per second).

import { estimateReference } from "../src/core/estimate.js";
import { referenceFor } from "../src/scenario/reference.js";
import { resolveScenario } from "../src/scenario/resolve.js";

export function main(): void {
  const input = referenceFor(resolveScenario({})).input;
  const shapes = Array.from({ length: 64 }, (_, i) => ({
    ...input,
    workload: { episodes: 1000 + i, shape: { ...input.workload.shape, turns: 1 + (i % 10) } },
  }));
  let sink = 0;
  const run = (n: number) => {
    for (let i = 0; i < n; i++)
      sink += estimateReference(shapes[i & 63] as typeof input).plans.dedicated.usdTotal;
  };
  run(200_000); // warm up the JIT
  const rates: number[] = [];
  for (let round = 0; round < 5; round++) {
    const n = 2_000_000;
    const start = process.hrtime.bigint();
    run(n);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    rates.push(n / seconds);
  }
  rates.sort((a, b) => a - b);
  const median = rates[2] as number;
  console.log(
    `estimateReference: median ${(median / 1e6).toFixed(2)} M estimates/s over 5 rounds of 2M (min ${(rates[0]! / 1e6).toFixed(2)}, max ${(rates[4]! / 1e6).toFixed(2)}); target ≥ 5 M/s`,
  );
  if (sink === 42) console.log("");
}
