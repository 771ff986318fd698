import * as v from "valibot";
import type { PerTokenPlan } from "../../core/plan.js";
import { LiteLlmEntrySchema } from "./litellm-schema.js";

const PER_MILLION = 1_000_000;

/** Plans read from a LiteLLM-style price map, and the entries left out with the reason. */
export interface LiteLlmImport {
  plans: PerTokenPlan[];
  skipped: { key: string; reason: string }[];
}

/** An entry as a plan, or the sentence that says which of its fields is wrong. */
function planFrom(key: string, entry: unknown, source: string): PerTokenPlan | string {
  if (typeof entry !== "object" || entry === null || Array.isArray(entry)) return `${key} is not an object`;
  const parsed = v.safeParse(LiteLlmEntrySchema, entry);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const field = v.getDotPath(issue) ?? "(entry)";
    const value = (entry as Record<string, unknown>)[field];
    return value === undefined
      ? `${key}.${field} is missing`
      : `${key}.${field} ${issue.message}, got ${JSON.stringify(value)}`;
  }
  const e = parsed.output;
  return {
    kind: "per-token",
    id: `litellm:${key}`,
    label: `${key} (imported prices)`,
    provider: e.litellm_provider ? e.litellm_provider : "LiteLLM import",
    usdPerMillionPrefill: e.input_cost_per_token * PER_MILLION,
    ...(typeof e.cache_read_input_token_cost === "number" && {
      usdPerMillionCachedPrefill: e.cache_read_input_token_cost * PER_MILLION,
    }),
    usdPerMillionSample: e.output_cost_per_token * PER_MILLION,
    ...(typeof e.max_input_tokens === "number" && { maxContextTokens: e.max_input_tokens }),
    source,
  };
}

/**
 * Per-token plans from a LiteLLM-style price map (`model_prices_and_context_window.json`): $ per token
 * `input_cost_per_token`, `output_cost_per_token`, `cache_read_input_token_cost`, and `max_input_tokens`.
 * With `keys`, only those entries, each of which must be valid; without, every valid entry, the rest
 * skipped with the reason. Throws RangeError naming the field when the map itself or a chosen key is bad.
 */
export function plansFromLiteLlm(data: unknown, options: { source: string; keys?: string[] }): LiteLlmImport {
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new RangeError("prices: the file must hold a JSON object of model name -> prices");
  }
  const map = data as Record<string, unknown>;
  const plans: PerTokenPlan[] = [];
  const skipped: LiteLlmImport["skipped"] = [];
  if (options.keys) {
    for (const key of options.keys) {
      if (!Object.hasOwn(map, key)) {
        const known = Object.keys(map).slice(0, 10).join(", ");
        throw new RangeError(`prices: no entry ${JSON.stringify(key)} (entries include: ${known || "none"})`);
      }
      const plan = planFrom(key, map[key], options.source);
      if (typeof plan === "string") throw new RangeError(`prices: ${plan}`);
      plans.push(plan);
    }
    return { plans, skipped };
  }
  for (const [key, entry] of Object.entries(map)) {
    const plan = planFrom(key, entry, options.source);
    if (typeof plan === "string") skipped.push({ key, reason: plan });
    else plans.push(plan);
  }
  return { plans, skipped };
}
