import { skip } from "../log-record.js";
import type { ReadContext, ReadResult, RolloutReader } from "./reader.js";
import { amountAt, isObject, isSkip, type Json } from "./values.js";

const FILL = "effective_batch_fill_ratio:last";
const WAITING = "trainer_waiting_for_work:last";
const PREFIX = "trainer/training_efficiency/";

/**
 * Training API efficiency signals: a JSONL of the `metrics` dicts that `forward` / `forward_backward`
 * return, one step a line (`{"step": 3, "forward_backward": {"trainer/training_efficiency/…/
 * effective_batch_fill_ratio:last": 0.42, "trainer/training_efficiency/…/trainer_waiting_for_work:last": 1.8}}`,
 * or the dict under `metrics`, or at the top level).
 */
export const trainingEfficiency: RolloutReader = {
  format: "training-efficiency",
  label: "Training API efficiency metrics",
  detects: (value) => metricsOf(value) !== undefined,
  read: readStep,
  cachedMeasured: true,
  measured: [`batch fill (…/${FILL})`, `trainer waiting for work (…/${WAITING})`],
  derived: ["step: the line's step field, else its position among the steps"],
};

function efficiencyKey(dict: Json, suffix: string): string | undefined {
  return Object.keys(dict).find((k) => k.startsWith(PREFIX) && k.endsWith(`/${suffix}`));
}

function metricsOf(value: Json): Json | undefined {
  for (const candidate of [value.forward_backward, value.forward, value.metrics, value]) {
    if (!isObject(candidate)) continue;
    if (efficiencyKey(candidate, FILL) !== undefined || efficiencyKey(candidate, WAITING) !== undefined)
      return candidate;
  }
  return undefined;
}

function readStep(value: unknown, context: ReadContext): ReadResult {
  if (!isObject(value)) return skip("malformedJson", "expected a JSON object (one step's metrics)");
  const dict = metricsOf(value);
  if (dict === undefined)
    return skip(
      "missingField",
      `no ${PREFIX}…/${FILL} or …/${WAITING} in forward, forward_backward or metrics`,
    );
  const read = (suffix: string): number | null | ReturnType<typeof skip> => {
    const key = efficiencyKey(dict, suffix);
    return key === undefined ? null : amountAt(dict[key], key);
  };
  const fill = read(FILL);
  if (isSkip(fill)) return fill;
  const waiting = read(WAITING);
  if (isSkip(waiting)) return waiting;
  const step = typeof value.step === "number" && Number.isFinite(value.step) ? value.step : context.line;
  return { ok: true, requests: [], efficiency: { step, fillRatio: fill, waitingForWork: waiting } };
}
