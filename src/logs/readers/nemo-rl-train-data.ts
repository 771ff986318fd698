import { skip } from "../log-record.js";
import type { ReadContext, ReaderRequest, ReadResult, RolloutReader } from "./reader.js";
import { countAt, idText, isObject, isSkip, tokenIdsAt } from "./values.js";

/**
 * NeMo-RL's per-step train data (`train_data_step<N>.jsonl`, written by log_batched_dict_as_jsonl), one
 * sample a line: `token_ids` (the whole packed conversation), `input_lengths` (its length before padding)
 * and `token_loss_mask` (1 on generated tokens). Each run of generated tokens is a turn; its prompt is
 * every token before it.
 */
export const nemoRlTrainData: RolloutReader = {
  format: "nemo-rl",
  label: "NeMo-RL train data",
  detects: (value) => Array.isArray(value.token_ids) && "input_lengths" in value,
  read: readSample,
  cachedMeasured: false,
  measured: [
    "token ids of the whole sample (token_ids, first input_lengths of them)",
    "loss mask (token_loss_mask)",
  ],
  derived: [
    "episode id: the line number (or --episode-key / idx where present)",
    "turns: one per run of generated tokens (token_loss_mask = 1)",
    "prompt tokens: every token before a turn's generation; completion tokens: the run's length",
    "cached prompt tokens: not in the format, counted as 0",
    "prefix divergence: not computed, none by construction (one packed sequence is append-only)",
  ],
};

function readSample(value: unknown, context: ReadContext): ReadResult {
  if (!isObject(value)) return skip("malformedJson", "expected a JSON object (one train-data sample)");
  const ids = tokenIdsAt(value.token_ids, "token_ids");
  if (isSkip(ids)) return ids;
  const length = countAt(value.input_lengths, "input_lengths");
  if (isSkip(length)) return length;
  if (length > ids.length)
    return skip("invalidCount", `input_lengths (${length}) is more than token_ids holds (${ids.length})`);
  const mask = value.token_loss_mask;
  if (mask === undefined || mask === null) return skip("missingField", "token_loss_mask is missing");
  if (!Array.isArray(mask) || mask.length < length)
    return skip(
      "invalidCount",
      `token_loss_mask must be an array of 0/1 at least input_lengths (${length}) long`,
    );
  const named = context.episode ? idText(context.episode(value)) : idText(value.idx);
  const episodeId = named ?? `line-${context.line}`;
  const requests: ReaderRequest[] = [];
  let start = -1;
  for (let i = 0; i <= length; i++) {
    const m = i < length ? mask[i] : 0;
    if (m !== 0 && m !== 1 && m !== true && m !== false)
      return skip("invalidCount", `token_loss_mask[${i}] must be 0 or 1, got ${JSON.stringify(m)}`);
    const generated = m === 1 || m === true;
    if (generated && start < 0) start = i;
    else if (!generated && start >= 0) {
      requests.push({
        ok: true,
        episodeId,
        order: requests.length + 1,
        promptTokens: start,
        cachedPromptTokens: 0,
        completionTokens: i - start,
      });
      start = -1;
    }
  }
  if (requests.length === 0) return skip("missingField", "token_loss_mask marks no generated token");
  return { ok: true, requests };
}
