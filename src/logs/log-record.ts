import type { SkipKind } from "./skip-kinds.js";

/** One request as the analysis needs it: whose episode, where in it, and its token counts. */
export interface LogRecord {
  ok: true;
  episodeId: string;
  /** Position within the episode (turn number or timestamp in ms); undefined = after the episode's last. */
  order: number | undefined;
  promptTokens: number;
  cachedPromptTokens: number;
  completionTokens: number;
}

/** Why a line is not a request. */
export interface Skip {
  ok: false;
  kind: SkipKind;
  message: string;
}

export type RecordResult = LogRecord | Skip;

/** The names the user gave for the episode and order fields, for messages. */
export interface RecordNames {
  episode: string;
  order: string;
  /** An absent order value is a missingField (the user named the key) rather than "file order". */
  orderRequired: boolean;
  /** An absent or null cached count reads as 0 instead of a missingField (servers that report no cache hits). */
  cachedOptional: boolean;
}

/** Names of the token fields in messages. */
export const TOKEN_FIELDS = {
  prompt: "usage.prompt_tokens",
  completion: "usage.completion_tokens",
  cached: "usage.prompt_tokens_details.cached_tokens",
} as const;

export function skip(kind: SkipKind, message: string): Skip {
  return { ok: false, kind, message };
}

function shown(value: unknown): string {
  const text = typeof value === "string" ? JSON.stringify(value) : String(JSON.stringify(value) ?? value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** An order value as a number: numbers as they are, numeric text as its number, other text as a date (ms). */
export function orderNumber(value: unknown): number {
  if (typeof value === "number") return Number.isFinite(value) ? value : Number.NaN;
  if (typeof value !== "string") return Number.NaN;
  const text = value.trim();
  if (NUMERIC.test(text)) return Number(text);
  return text === "" ? Number.NaN : Date.parse(text);
}

function isCount(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}

/**
 * Validates one request's raw values (from a JSON object or CSV cells): the first problem found, in
 * SKIP_KINDS order, or the record. An absent or null cached count is a missingField unless
 * `names.cachedOptional`, which reads it as 0 (servers that report no cache hits omit it or send null).
 */
export function recordFromValues(
  episode: unknown,
  order: unknown,
  prompt: unknown,
  cached: unknown,
  completion: unknown,
  names: RecordNames,
): RecordResult {
  if (episode === undefined || episode === null || episode === "")
    return skip("missingField", `${names.episode} is missing`);
  if (typeof episode !== "string" && !(typeof episode === "number" && Number.isFinite(episode)))
    return skip("missingField", `${names.episode} must be a string or a number, got ${shown(episode)}`);
  if (prompt === undefined || prompt === null)
    return skip("missingField", `${TOKEN_FIELDS.prompt} is missing`);
  if (completion === undefined || completion === null)
    return skip("missingField", `${TOKEN_FIELDS.completion} is missing`);
  const orderMissing = order === undefined || order === null || order === "";
  if (orderMissing && names.orderRequired) return skip("missingField", `${names.order} is missing`);
  const cachedMissing = cached === undefined || cached === null;
  if (cachedMissing && !names.cachedOptional)
    return skip("missingField", `${TOKEN_FIELDS.cached} is missing (--cached-optional reads it as 0)`);
  if (!isCount(prompt))
    return skip("invalidCount", `${TOKEN_FIELDS.prompt} must be a whole number >= 0, got ${shown(prompt)}`);
  if (!isCount(completion))
    return skip(
      "invalidCount",
      `${TOKEN_FIELDS.completion} must be a whole number >= 0, got ${shown(completion)}`,
    );
  const cachedCount = cachedMissing ? 0 : cached;
  if (!isCount(cachedCount))
    return skip("invalidCount", `${TOKEN_FIELDS.cached} must be a whole number >= 0, got ${shown(cached)}`);
  let orderValue: number | undefined;
  if (!orderMissing) {
    orderValue = orderNumber(order);
    if (Number.isNaN(orderValue))
      return skip("invalidOrder", `${names.order} must be a number or a date, got ${shown(order)}`);
  }
  if (cachedCount > prompt)
    return skip(
      "cachedExceedsPrompt",
      `${TOKEN_FIELDS.cached} (${cachedCount}) is greater than ${TOKEN_FIELDS.prompt} (${prompt})`,
    );
  return {
    ok: true,
    episodeId: typeof episode === "string" ? episode : String(episode),
    order: orderValue,
    promptTokens: prompt,
    cachedPromptTokens: cachedCount,
    completionTokens: completion,
  };
}
