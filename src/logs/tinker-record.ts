import { type Skip, skip } from "./log-record.js";

/** What one Tinker billing-usage event adds to the totals. */
export interface TinkerUsage {
  ok: true;
  /** The session the usage is attributed to ("" when the event has none). */
  sessionId: string;
  type: "sampling_prefill" | "sampling_sample" | "training" | "other";
  /** Tokens of a prefill, sample or training event; 0 for other events. */
  tokens: number;
  /** A prefill served from the prefill cache (billed at the cached rate). */
  cached: boolean;
}

const TOKEN_TYPES = new Set(["sampling_prefill", "sampling_sample", "training"]);
const OTHER_TYPES = new Set(["checkpoint", "storage"]);

/**
 * One event of Tinker's billing-usage API (`GET /api/v1/billing/usage/events`: hourly buckets with
 * `session_id` and `event_info: { type, token_count, cached }`). Checkpoint and storage events carry no
 * tokens and read as "other".
 */
export function usageFromTinkerEvent(value: unknown): TinkerUsage | Skip {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return skip("malformedJson", "expected a JSON object (a Tinker billing event)");
  const event = value as Record<string, unknown>;
  const info = event.event_info as Record<string, unknown> | undefined | null;
  if (typeof info !== "object" || info === null) return skip("missingField", "event_info is missing");
  const type = info.type;
  if (typeof type !== "string") return skip("missingField", "event_info.type is missing");
  const sessionId = typeof event.session_id === "string" ? event.session_id : "";
  if (OTHER_TYPES.has(type)) return { ok: true, sessionId, type: "other", tokens: 0, cached: false };
  if (!TOKEN_TYPES.has(type))
    return skip(
      "unknownEvent",
      `event_info.type ${JSON.stringify(type).slice(0, 40)} is not a known billing event`,
    );
  const tokens = info.token_count;
  if (tokens === undefined || tokens === null)
    return skip("missingField", "event_info.token_count is missing");
  if (typeof tokens !== "number" || !Number.isSafeInteger(tokens) || tokens < 0)
    return skip(
      "invalidCount",
      `event_info.token_count must be a whole number >= 0, got ${String(JSON.stringify(tokens)).slice(0, 40)}`,
    );
  let cached = false;
  if (type === "sampling_prefill") {
    if (info.cached === undefined || info.cached === null)
      return skip("missingField", "event_info.cached is missing on a sampling_prefill event");
    if (typeof info.cached !== "boolean")
      return skip(
        "invalidCount",
        `event_info.cached must be true or false, got ${String(JSON.stringify(info.cached)).slice(0, 40)}`,
      );
    cached = info.cached;
  }
  return { ok: true, sessionId, type: type as TinkerUsage["type"], tokens, cached };
}
