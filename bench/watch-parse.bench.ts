// Prometheus text parsing for `watch`: a scrape must cost far less than the interval (target: a 1 MiB
// /metrics page, about 16 vLLM engines with histograms, in under 50 ms on one core).
import { readFileSync } from "node:fs";
import { parsePrometheusText } from "../src/watch/prometheus-text.js";
import { WatchSession } from "../src/watch/watch-session.js";

export function main(): void {
  const one = readFileSync(new URL("../test/fixtures/metrics/vllm/scrape-2.txt", import.meta.url), "utf8");
  // Many engines' worth of the fixture, each engine a distinct label value, up to ~1 MiB.
  const copies = Math.ceil((1024 * 1024) / one.length);
  const page = Array.from({ length: copies }, (_, i) => one.replaceAll('engine="0"', `engine="${i}"`)).join(
    "",
  );
  const mib = Buffer.byteLength(page) / (1024 * 1024);
  for (let i = 0; i < 3; i++) parsePrometheusText(page); // warm up
  const times: number[] = [];
  let samples = 0;
  for (let round = 0; round < 7; round++) {
    const start = process.hrtime.bigint();
    samples = parsePrometheusText(page).samples.length;
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  const median = times[3] as number;
  console.log(
    `parsePrometheusText: ${mib.toFixed(2)} MiB, ${samples} samples in median ${median.toFixed(1)} ms (${(mib / (median / 1000)).toFixed(0)} MiB/s; min ${times[0]?.toFixed(1)}, max ${times[6]?.toFixed(1)} ms over 7); target < 50 ms`,
  );
  const session = new WatchSession({ engine: "vllm", match: {}, plans: [], contextTokens: 0, runHours: 1 });
  const start = process.hrtime.bigint();
  for (let i = 0; i < 5; i++) session.push({ text: page, contentType: "text/plain" }, i * 5);
  const ms = Number(process.hrtime.bigint() - start) / 1e6 / 5;
  console.log(`WatchSession.push (parse, read, deltas, verdict): ${ms.toFixed(1)} ms a scrape of that page`);
}
