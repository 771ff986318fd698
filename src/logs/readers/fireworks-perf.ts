import { skip } from "../log-record.js";
import type { ReadContext, ReadResult, RolloutReader } from "./reader.js";
import { amountAt, countAt, idText, isObject, isSkip, type Json } from "./values.js";

const PROMPT = "fireworks-prompt-tokens";
const CACHED = "fireworks-cached-prompt-tokens";
const COMPLETION = "fireworks-completion-tokens";
const TTFT = "fireworks-server-time-to-first-token";
const PROCESSING = "fireworks-server-processing-time";

/**
 * Fireworks per-request performance metrics logged one request a line: the response headers
 * (`headers: { "fireworks-prompt-tokens": "…", "fireworks-cached-prompt-tokens": "…",
 * "fireworks-server-time-to-first-token": "…", "fireworks-server-processing-time": "…" }`, values as text,
 * times in seconds) or a streamed response's last-chunk `perf_metrics` object with the same names. Completion
 * tokens come from `fireworks-completion-tokens` or `usage.completion_tokens`.
 */
export const fireworksPerf: RolloutReader = {
  format: "fireworks",
  label: "Fireworks per-request performance metrics",
  detects: (value) => metricsOf(value) !== undefined,
  read: readRequest,
  cachedMeasured: true,
  measured: [
    `prompt tokens (${PROMPT})`,
    `cached prompt tokens (${CACHED})`,
    `completion tokens (${COMPLETION} or usage.completion_tokens)`,
    `server time to first token (${TTFT}) and processing time (${PROCESSING})`,
  ],
  derived: [
    "episode id: episode_id (or --episode-key), else the x-session-affinity header, else one episode per request",
    "turns: requests of an episode in file order, or by turn where logged",
  ],
};

function metricsOf(value: Json): Json | undefined {
  for (const key of ["headers", "perf_metrics"]) {
    const found = value[key];
    if (isObject(found) && Object.keys(found).some((k) => k.toLowerCase().startsWith("fireworks-")))
      return lowerKeys(found);
  }
  return undefined;
}

function lowerKeys(object: Json): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(object)) out[key.toLowerCase()] = value;
  return out;
}

function readRequest(value: unknown, context: ReadContext): ReadResult {
  if (!isObject(value)) return skip("malformedJson", "expected a JSON object (one request's metrics)");
  const metrics = metricsOf(value);
  if (metrics === undefined)
    return skip("missingField", "headers or perf_metrics with fireworks-* metrics is missing");
  const prompt = countAt(metrics[PROMPT], PROMPT, true);
  if (isSkip(prompt)) return prompt;
  const usage = isObject(value.usage) ? value.usage : undefined;
  const completion = countAt(
    metrics[COMPLETION] ?? usage?.completion_tokens,
    `${COMPLETION} (or usage.completion_tokens)`,
    true,
  );
  if (isSkip(completion)) return completion;
  const rawCached = metrics[CACHED];
  if ((rawCached === undefined || rawCached === null) && !context.cachedOptional)
    return skip("missingField", `${CACHED} is missing (--cached-optional reads it as 0)`);
  const cached = rawCached === undefined || rawCached === null ? 0 : countAt(rawCached, CACHED, true);
  if (isSkip(cached)) return cached;
  if (cached > prompt)
    return skip("cachedExceedsPrompt", `${CACHED} (${cached}) is greater than ${PROMPT} (${prompt})`);
  const timing: { timeToFirstTokenMs?: number; serverProcessingMs?: number } = {};
  for (const [field, key] of [
    [TTFT, "timeToFirstTokenMs"],
    [PROCESSING, "serverProcessingMs"],
  ] as const) {
    if (metrics[field] === undefined || metrics[field] === null) continue;
    const seconds = amountAt(metrics[field], field);
    if (isSkip(seconds)) return seconds;
    timing[key] = Math.round(seconds * 10_000) / 10;
  }
  const headers = isObject(value.headers) ? lowerKeys(value.headers) : {};
  const named = idText(context.episode ? context.episode(value) : value.episode_id);
  const affinity = idText(headers["x-session-affinity"]);
  const turn = typeof value.turn === "number" && Number.isFinite(value.turn) ? value.turn : undefined;
  return {
    ok: true,
    requests: [
      {
        ok: true,
        episodeId: named ?? affinity ?? `request-${context.line}`,
        order: turn,
        promptTokens: prompt,
        cachedPromptTokens: cached,
        completionTokens: completion,
        ...timing,
      },
    ],
    ...(named === undefined &&
      affinity === undefined && {
        warning:
          "requests without an episode id (episode_id, --episode-key or x-session-affinity) count as one-turn episodes",
      }),
  };
}
