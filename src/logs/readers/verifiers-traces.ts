import { skip } from "../log-record.js";
import type { ReadContext, ReaderRequest, ReadResult, RolloutReader } from "./reader.js";
import { countAt, idText, isObject, isSkip, type Json, tokenIdsAt } from "./values.js";

/**
 * verifiers v1 / prime-rl episode traces (`traces.jsonl`), one episode a line: `id`, `group.id`,
 * `traces[]`, each with `nodes[]` (messages with `role`, `token_ids`, `timestamp`) and `calls[]` (one per
 * model request, `usage.{prompt_tokens, completion_tokens, cached_input_tokens}`, where `prompt_tokens`
 * excludes the cache reads). A trace's calls produced its last assistant nodes, in order (earlier assistant
 * nodes are history); a call's prompt is every node of the trace before its assistant node.
 */
export const verifiersTraces: RolloutReader = {
  format: "verifiers",
  label: "verifiers / prime-rl episode traces",
  detects: (value) => Array.isArray(value.traces) && ("id" in value || "group" in value),
  read: readEpisode,
  cachedMeasured: true,
  measured: [
    "episode id (id) and group (group.id)",
    "prompt tokens (usage.prompt_tokens + usage.cached_input_tokens: prompt_tokens excludes cache reads)",
    "cached prompt tokens (usage.cached_input_tokens)",
    "completion tokens (usage.completion_tokens)",
    "token ids of every message (nodes[].token_ids)",
  ],
  derived: [
    "turns: one per call, in trace order; a trace's calls pair with its last assistant messages",
    "a call without usage: its prompt and completion counted from the token ids (cached 0)",
    "prefix divergence: each call's prompt ids against the previous call's prompt + completion ids",
  ],
};

function readEpisode(value: unknown, context: ReadContext): ReadResult {
  if (!isObject(value)) return skip("malformedJson", "expected a JSON object (an episode with traces[])");
  const episodeId = idText(value.id);
  if (episodeId === undefined) return skip("missingField", "id (the episode id) is missing");
  if (!Array.isArray(value.traces)) return skip("missingField", "traces must be an array");
  const groupId = isObject(value.group) ? idText(value.group.id) : undefined;
  const requests: ReaderRequest[] = [];
  let warning: string | undefined;
  for (let t = 0; t < value.traces.length; t++) {
    const trace = value.traces[t];
    if (!isObject(trace)) return skip("malformedJson", `traces[${t}] must be an object`);
    const turns = traceTurns(trace, t, context);
    if (isSkip(turns)) return turns;
    if (turns.mismatch)
      warning = "a trace with more calls than assistant messages: its token ids are not used";
    for (const turn of turns.requests)
      requests.push({
        ...turn,
        episodeId,
        order: requests.length + 1,
        ...(groupId !== undefined && { groupId }),
      });
  }
  return { ok: true, requests, ...(warning !== undefined && { warning }) };
}

type Turn = Omit<ReaderRequest, "episodeId" | "order">;

function traceTurns(trace: Json, t: number, context: ReadContext) {
  const nodes = Array.isArray(trace.nodes) ? trace.nodes : [];
  const calls = Array.isArray(trace.calls) ? trace.calls : [];
  // The trace's ids in one array; each assistant node is a range of it, its prompt everything before.
  const history: number[] = [];
  const ranges: { start: number; end: number }[] = [];
  let idsComplete = nodes.length > 0;
  for (let n = 0; n < nodes.length; n++) {
    const node = nodes[n];
    if (!isObject(node)) return skip("malformedJson", `traces[${t}].nodes[${n}] must be an object`);
    if (node.token_ids === undefined || node.token_ids === null) {
      idsComplete = false;
      continue;
    }
    const ids = tokenIdsAt(node.token_ids, `traces[${t}].nodes[${n}].token_ids`);
    if (isSkip(ids)) return ids;
    if (node.role === "assistant") ranges.push({ start: history.length, end: history.length + ids.length });
    for (const id of ids) history.push(id);
  }
  // Views into one copy: a trace's prompts are prefixes of each other, so no prompt is copied.
  const all = Float64Array.from(history);
  const assistants = ranges.map((r) => ({
    prompt: all.subarray(0, r.start),
    completion: all.subarray(r.start, r.end),
  }));
  // The calls produced the trace's last assistant messages; earlier ones are history carried in the prompt.
  const mismatch = idsComplete && calls.length > assistants.length;
  const useIds = idsComplete && !mismatch;
  if (useIds && calls.length > 0) assistants.splice(0, assistants.length - calls.length);
  const requests: Turn[] = [];
  const count = Math.max(calls.length, useIds ? assistants.length : 0);
  for (let k = 0; k < count; k++) {
    const ids = useIds ? assistants[k] : undefined;
    const call = calls[k];
    const turn =
      call === undefined ? turnFromIds(ids) : turnFromCall(call, `traces[${t}].calls[${k}]`, context);
    if (isSkip(turn)) return turn;
    requests.push(ids ? { ...turn, tokenIds: ids } : turn);
  }
  if (count === 0) return skip("missingField", `traces[${t}] has no calls[] and no assistant token_ids`);
  return { requests, mismatch };
}

function turnFromIds(ids: { prompt: ArrayLike<number>; completion: ArrayLike<number> } | undefined) {
  const prompt = ids?.prompt.length ?? 0;
  return {
    ok: true as const,
    promptTokens: prompt,
    cachedPromptTokens: 0,
    completionTokens: ids?.completion.length ?? 0,
  };
}

function turnFromCall(call: unknown, field: string, context: ReadContext) {
  const usage = isObject(call) ? call.usage : undefined;
  if (!isObject(usage)) return skip("missingField", `${field}.usage is missing`);
  const uncached = countAt(usage.prompt_tokens, `${field}.usage.prompt_tokens`);
  if (isSkip(uncached)) return uncached;
  const completion = countAt(usage.completion_tokens, `${field}.usage.completion_tokens`);
  if (isSkip(completion)) return completion;
  const rawCached = usage.cached_input_tokens;
  if ((rawCached === undefined || rawCached === null) && !context.cachedOptional)
    return skip(
      "missingField",
      `${field}.usage.cached_input_tokens is missing (--cached-optional reads it as 0)`,
    );
  const cached =
    rawCached === undefined || rawCached === null
      ? 0
      : countAt(rawCached, `${field}.usage.cached_input_tokens`);
  if (isSkip(cached)) return cached;
  return {
    ok: true as const,
    promptTokens: uncached + cached,
    cachedPromptTokens: cached,
    completionTokens: completion,
  };
}
