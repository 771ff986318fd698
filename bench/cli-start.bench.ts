// The CLI's cold start next to `node -e 0`, measured in the same run (the ratio is what travels between machines).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const BIN = fileURLToPath(new URL("../bin/rollout-cost.js", import.meta.url));

function medianMs(args: string[], runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { stdio: "ignore" });
    if (result.status !== 0) throw new Error(`${args.join(" ")} exited ${result.status}`);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)] as number;
}

export function main(): void {
  const runs = 21;
  medianMs(["-e", "0"], 3);
  const bare = medianMs(["-e", "0"], runs);
  const estimate = medianMs([BIN, "estimate"], runs);
  const json = medianMs([BIN, "estimate", "--json"], runs);
  console.log(`node -e 0:                    median ${bare.toFixed(1)} ms over ${runs} runs`);
  console.log(
    `rollout-cost estimate:        median ${estimate.toFixed(1)} ms (${(estimate / bare).toFixed(2)}× node -e 0)`,
  );
  console.log(
    `rollout-cost estimate --json: median ${json.toFixed(1)} ms (${(json / bare).toFixed(2)}× node -e 0)`,
  );
}
