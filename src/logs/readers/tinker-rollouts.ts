import { skip } from "../log-record.js";
import type { ReadContext, ReaderRequest, ReadResult, RolloutReader } from "./reader.js";
import { countAt, idText, isObject, isSkip } from "./values.js";

/**
 * Tinker cookbook rollout summaries (`iteration_NNNNNN/train_rollout_summaries.jsonl`), one trajectory a
 * line: `group_idx`, `traj_idx` (and `iteration`, `split` where written), `steps[{step_idx, ob_len, ac_len,
 * reward}]`: a step's observation is its prompt, its action the completion. The format records no cache hits.
 */
export const tinkerRollouts: RolloutReader = {
  format: "tinker-rollouts",
  label: "Tinker cookbook rollout summaries",
  detects: (value) => Array.isArray(value.steps) && "traj_idx" in value && "group_idx" in value,
  read: readTrajectory,
  cachedMeasured: false,
  measured: [
    "group (group_idx) and trajectory (traj_idx) within an iteration",
    "prompt tokens per step (steps[].ob_len)",
    "completion tokens per step (steps[].ac_len)",
  ],
  derived: [
    "episode id: iteration/group_idx/traj_idx",
    "turns: one per step, ordered by step_idx",
    "cached prompt tokens: not in the format, counted as 0 (the ideal hit is still derived from ob_len)",
  ],
};

function readTrajectory(value: unknown, _context: ReadContext): ReadResult {
  if (!isObject(value)) return skip("malformedJson", "expected a JSON object (a trajectory summary)");
  const group = idText(value.group_idx);
  const trajectory = idText(value.traj_idx);
  if (group === undefined) return skip("missingField", "group_idx is missing");
  if (trajectory === undefined) return skip("missingField", "traj_idx is missing");
  if (!Array.isArray(value.steps)) return skip("missingField", "steps must be an array");
  const iteration = idText(value.iteration) ?? "";
  const groupId = `${iteration}/${group}`;
  const episodeId = `${groupId}/${trajectory}`;
  const requests: ReaderRequest[] = [];
  for (let i = 0; i < value.steps.length; i++) {
    const step = value.steps[i];
    if (!isObject(step)) return skip("malformedJson", `steps[${i}] must be an object`);
    const prompt = countAt(step.ob_len, `steps[${i}].ob_len`);
    if (isSkip(prompt)) return prompt;
    const completion = countAt(step.ac_len, `steps[${i}].ac_len`);
    if (isSkip(completion)) return completion;
    const stepIdx = step.step_idx === undefined ? i : countAt(step.step_idx, `steps[${i}].step_idx`);
    if (isSkip(stepIdx)) return { ...stepIdx, kind: "invalidOrder" };
    if (requests.some((r) => r.order === stepIdx))
      return skip("duplicateTurn", `steps[${i}].step_idx ${stepIdx} appears twice in the trajectory`);
    requests.push({
      ok: true,
      episodeId,
      groupId,
      order: stepIdx,
      promptTokens: prompt,
      cachedPromptTokens: 0,
      completionTokens: completion,
    });
  }
  if (requests.length === 0) return skip("missingField", "steps is empty");
  return { ok: true, requests };
}
