import { skip } from "../log-record.js";
import type { ReadContext, ReadResult, RolloutReader } from "./reader.js";
import { countAt, idText, isObject, isSkip, shown, tokenIdsAt } from "./values.js";

/**
 * Tinker cookbook token capture (`tinker_cookbook/capture`, JsonlFileSink: `<run>/capture/sample.jsonl`), one
 * SamplingClient.sample call a line: `kind: "sample"`, the ambient `scope` (`iteration`, `group_idx`,
 * `traj_idx` where the rollout code entered them), `prompt_tokens` (ids) or `prompt_length`, and
 * `samples[{tokens, logprobs, stop_reason}]`. A trajectory's turns are sequential calls: file order.
 */
export const tinkerCapture: RolloutReader = {
  format: "tinker-capture",
  label: "Tinker cookbook token capture (capture/sample.jsonl)",
  detects: (value) => value.kind === "sample" && isObject(value.scope) && Array.isArray(value.samples),
  read: readSample,
  turnPerLine: true,
  cachedMeasured: false,
  measured: [
    "trajectory from the capture scope (scope.iteration, scope.group_idx, scope.traj_idx)",
    "prompt token ids (prompt_tokens; else its count, prompt_length)",
    "completion token ids (samples[0].tokens)",
  ],
  derived: [
    "episode id: iteration/group_idx/traj_idx (or --episode-key)",
    "turns: one per sample call, in file order",
    "cached prompt tokens: not in the format, counted as 0 (the ideal hit and the prefix divergence come from the ids)",
  ],
};

function readSample(value: unknown, context: ReadContext): ReadResult {
  if (!isObject(value)) return skip("malformedJson", "expected a JSON object (a capture record)");
  if (value.kind !== "sample")
    return skip(
      "unknownEvent",
      `kind ${shown(value.kind)} is not a sample record (train_op records carry no tokens)`,
    );
  const scope = isObject(value.scope) ? value.scope : {};
  let episodeId: string | undefined;
  let groupId: string | undefined;
  if (context.episode) episodeId = idText(context.episode(value));
  else {
    const trajectory = idText(scope.traj_idx);
    const group = idText(scope.group_idx);
    if (trajectory !== undefined && group !== undefined) {
      groupId = `${idText(scope.iteration) ?? ""}/${group}`;
      episodeId = `${groupId}/${trajectory}`;
    }
  }
  if (episodeId === undefined)
    return skip(
      "missingField",
      context.episode
        ? `${context.episodeKey} is missing`
        : "scope.group_idx or scope.traj_idx is missing (capture(iteration=, group_idx=, traj_idx=) names them)",
    );
  if (!Array.isArray(value.samples) || value.samples.length === 0)
    return skip("missingField", `samples is missing or empty (status ${shown(value.status ?? null)})`);
  if (value.samples.length > 1)
    return skip("invalidCount", `samples holds ${value.samples.length} sequences; a turn is read from one`);
  const sample = value.samples[0];
  const completion = tokenIdsAt(isObject(sample) ? sample.tokens : undefined, "samples[0].tokens");
  if (isSkip(completion)) return completion;
  const promptIds =
    value.prompt_tokens === undefined ? undefined : tokenIdsAt(value.prompt_tokens, "prompt_tokens");
  if (isSkip(promptIds)) return promptIds;
  const promptTokens = promptIds?.length ?? countAt(value.prompt_length, "prompt_tokens or prompt_length");
  if (isSkip(promptTokens)) return promptTokens;
  return {
    ok: true,
    requests: [
      {
        ok: true,
        episodeId,
        ...(groupId !== undefined && { groupId }),
        order: undefined,
        promptTokens,
        cachedPromptTokens: 0,
        completionTokens: completion.length,
        ...(promptIds !== undefined && { tokenIds: { prompt: promptIds, completion } }),
      },
    ],
  };
}
