// The CLI's cold start next to `node -e 0`, measured in the same run (the ratio is what travels between machines).
// BASELINE_BIN=/other/checkout/bin/rollout-cost.js adds that checkout's CLI to the same run, runs interleaved.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const BIN = fileURLToPath(new URL("../bin/rollout-cost.js", import.meta.url));

function spawnMs(args: string[]): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { stdio: "ignore" });
  if (result.status !== 0) throw new Error(`${args.join(" ")} exited ${result.status}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** The median of each command's times over `runs` rounds, one run of each command per round. */
function medianMs(commands: string[][], runs: number): number[] {
  const times = commands.map((): number[] => []);
  for (let i = 0; i < runs; i++) for (const [k, args] of commands.entries()) times[k]?.push(spawnMs(args));
  return times.map((t) => t.sort((a, b) => a - b)[Math.floor(runs / 2)] as number);
}

export function main(): void {
  const runs = 21;
  const baseline = process.env.BASELINE_BIN;
  const rows: [string, string[]][] = [
    ["rollout-cost estimate:       ", [BIN, "estimate"]],
    ["rollout-cost estimate --json:", [BIN, "estimate", "--json"]],
  ];
  if (baseline)
    rows.push(
      ["baseline estimate:           ", [baseline, "estimate"]],
      ["baseline estimate --json:    ", [baseline, "estimate", "--json"]],
    );
  medianMs([["-e", "0"]], 3);
  const [bare, ...medians] = medianMs([["-e", "0"], ...rows.map(([, args]) => args)], runs) as [
    number,
    ...number[],
  ];
  console.log(`node -e 0:                    median ${bare.toFixed(1)} ms over ${runs} runs`);
  rows.forEach(([label], k) => {
    const ms = medians[k] as number;
    console.log(`${label} median ${ms.toFixed(1)} ms (${(ms / bare).toFixed(2)}× node -e 0)`);
  });
}
