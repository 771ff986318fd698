import { fireworksPerf } from "./fireworks-perf.js";
import { nemoRlTrainData } from "./nemo-rl-train-data.js";
import type { ReaderFormat, RolloutReader } from "./reader.js";
import { tinkerCapture } from "./tinker-capture.js";
import { tinkerRollouts } from "./tinker-rollouts.js";
import { trainingEfficiency } from "./training-efficiency.js";
import { verifiersTraces } from "./verifiers-traces.js";

/** Every framework reader, in the order auto-detection tries them. */
export const READERS: readonly RolloutReader[] = [
  trainingEfficiency,
  verifiersTraces,
  tinkerRollouts,
  tinkerCapture,
  nemoRlTrainData,
  fireworksPerf,
];

/** The reader whose format a parsed first line is, or undefined (then it is an OpenAI-style, CSV or Tinker billing log). */
export function detectReader(value: unknown): RolloutReader | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  return READERS.find((reader) => reader.detects(value as Record<string, unknown>));
}

/** The reader of a format. */
export function readerFor(format: ReaderFormat): RolloutReader {
  const reader = READERS.find((r) => r.format === format);
  if (!reader) throw new RangeError(`unknown reader format: ${format}`);
  return reader;
}
