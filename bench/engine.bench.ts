// Estimates per second for the reference engine on one core (target: ≥ 10 million per second), beside
// a hand-written loop of the same closed-form arithmetic measured in the same run: the ratio travels
// between machines, the absolute figures do not.
import type { ReferenceInput } from "../src/core/estimate.js";
import { estimateReference } from "../src/core/estimate.js";
import { referenceFor } from "../src/scenario/reference.js";
import { resolveScenario } from "../src/scenario/resolve.js";

function ratePerSecond(run: (n: number) => void): { median: number; min: number; max: number } {
  run(200_000); // warm up the JIT
  const rates: number[] = [];
  for (let round = 0; round < 5; round++) {
    const n = 2_000_000;
    const start = process.hrtime.bigint();
    run(n);
    rates.push(n / (Number(process.hrtime.bigint() - start) / 1e9));
  }
  rates.sort((a, b) => a - b);
  return { median: rates[2] ?? 0, min: rates[0] ?? 0, max: rates[4] ?? 0 };
}

// The page's closed form written out by hand: per-token cost, cluster hours, dedicated cost and the
// three at-par bounds, with no validation, warnings or result object.
function handWritten(input: ReferenceInput): number {
  const { episodes, shape } = input.workload;
  const t = shape.turns;
  const summed = t * shape.initialPromptTokens + (shape.addedTokensPerTurn * t * (t - 1)) / 2;
  const unique = shape.initialPromptTokens + (t - 1) * shape.addedTokensPerTurn;
  const decode = t * shape.generatedTokensPerTurn;
  const tinker =
    ((summed * input.perToken.usdPerMillionPrefill + decode * input.perToken.usdPerMillionSample) / 1e6) *
    episodes;
  const d = input.dedicated;
  const seconds = Math.max(
    (unique * episodes) / d.promptTokensPerSecond,
    (decode * episodes) / d.decodeTokensPerSecond,
  );
  const dedicated = (seconds / 3600) * d.gpus * d.usdPerGpuHour;
  const maxGpus = Math.max(1, Math.floor(tinker / ((seconds / 3600) * d.usdPerGpuHour)));
  const minPrompt = (unique * episodes) / ((tinker / (d.gpus * d.usdPerGpuHour)) * 3600);
  const minDecode = (decode * episodes) / ((tinker / (d.gpus * d.usdPerGpuHour)) * 3600);
  return dedicated + maxGpus + minPrompt + minDecode;
}

export function main(): void {
  const input = referenceFor(resolveScenario({})).input;
  const shapes = Array.from({ length: 64 }, (_, i) => ({
    ...input,
    workload: { episodes: 1000 + i, shape: { ...input.workload.shape, turns: 1 + (i % 10) } },
  }));
  let sink = 0;
  const engine = ratePerSecond((n) => {
    for (let i = 0; i < n; i++)
      sink += estimateReference(shapes[i & 63] as ReferenceInput).plans.dedicated.usdTotal;
  });
  const loop = ratePerSecond((n) => {
    for (let i = 0; i < n; i++) sink += handWritten(shapes[i & 63] as ReferenceInput);
  });
  const m = (r: number) => (r / 1e6).toFixed(2);
  console.log(
    `estimateReference: median ${m(engine.median)} M estimates/s over 5 rounds of 2M (min ${m(engine.min)}, max ${m(engine.max)}); target ≥ 10 M/s`,
  );
  console.log(
    `hand-written loop of the same arithmetic: median ${m(loop.median)} M/s; the engine runs at ${((engine.median / loop.median) * 100).toFixed(0)}% of it`,
  );
  if (sink === 42) console.log("");
}
