// Turn-by-turn prefix divergence on long contexts: turns compared per second for an append-only history,
// a stripped reasoning block, and a pathological repetitive history (the realignment's work budget).
import { turnDivergence } from "../src/logs/prefix-divergence.js";

function time(label: string, turns: number, run: () => void): void {
  const started = performance.now();
  for (let i = 0; i < turns; i++) run();
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${label}: ${(turns / seconds).toFixed(0)} turns/s (${((seconds / turns) * 1000).toFixed(2)} ms a turn)`,
  );
}

export function main(): void {
  const context = Array.from({ length: 32_000 }, (_, i) => (i * 2_654_435_761) % 151_000);
  const think = Array.from({ length: 2_000 }, (_, i) => 151_500 + (i % 300));
  const answer = context.slice(0, 400).map((t) => t + 1);
  const previous = [...context, ...think, ...answer];
  time("append-only, 32K context", 200, () => turnDivergence(previous, [...previous, 1, 2, 3]));
  time("reasoning block removed, 32K context", 200, () =>
    turnDivergence(previous, [...context, ...answer, 9]),
  );
  const same = new Array(32_000).fill(7);
  time("pathological (one repeated token), 32K", 20, () => turnDivergence(same, [8, ...same]));
}
