// Trace replay: the Mooncake synthetic trace (3,993 requests) through 10 cache capacities, one shared LRU
// cache (target: < 1 s for all 10), then with 8 replicas and cache-aware routing.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { replayCurve } from "../src/core/trace-replay/replay-trace.js";
import { parseMooncakeTrace } from "../src/logs/mooncake-trace.js";

const capacities = [
  512_000,
  1_024_000,
  2_560_000,
  5_120_000,
  10_240_000,
  20_480_000,
  40_960_000,
  81_920_000,
  163_840_000,
  Number.POSITIVE_INFINITY,
];

export function main(): void {
  const path = new URL("../examples/traces/mooncake-synthetic-trace.jsonl.gz", import.meta.url);
  const parseStart = process.hrtime.bigint();
  const { requests } = parseMooncakeTrace(gunzipSync(readFileSync(path)).toString("utf8"));
  const parseMs = Number(process.hrtime.bigint() - parseStart) / 1e6;
  replayCurve(requests, capacities.slice(0, 2)); // warm up the JIT
  for (const [label, options] of [
    ["one shared cache", {}],
    ["8 replicas, cache-aware", { replicas: 8, routing: "cache-aware" as const }],
  ] as const) {
    const times: number[] = [];
    let hits = "";
    for (let round = 0; round < 5; round++) {
      const start = process.hrtime.bigint();
      const curve = replayCurve(requests, capacities, options);
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
      hits = curve.map((r) => (r.hitFraction * 100).toFixed(2)).join(" / ");
    }
    times.sort((a, b) => a - b);
    console.log(
      `replay ${requests.length} requests × ${capacities.length} capacities, ${label}: median ${(times[2] ?? 0).toFixed(0)} ms over 5 runs (min ${(times[0] ?? 0).toFixed(0)}); target < 1,000 ms; hit % ${hits}`,
    );
  }
  console.log(`reading the gzipped trace (gunzip + parse): ${parseMs.toFixed(0)} ms`);
}
