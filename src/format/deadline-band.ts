// A deadline answer's error band in words, as the CLI table and the page both print it.
import type { DeadlineBand } from "../scenario/solve.js";
import { formatCount, formatUsd } from "./numbers.js";

/** "144–264 GPUs, $9,833–$18,027 (derived throughput ×/÷1.36)", or "… to never" when the slow end cannot. */
export function deadlineBandText(band: DeadlineBand): string {
  const { fast, slow } = band;
  const factor = `derived throughput ×/÷${band.factor.toFixed(2)}`;
  if (!fast.ok) return `never at either end (${factor})`;
  if (!slow.ok) return `${formatCount(fast.gpus)} GPUs (${formatUsd(fast.usdTotal)}) to never (${factor})`;
  return `${formatCount(fast.gpus)}–${formatCount(slow.gpus)} GPUs, ${formatUsd(fast.usdTotal)}–${formatUsd(slow.usdTotal)} (${factor})`;
}
