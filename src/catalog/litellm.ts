import type { PerTokenPlan } from "../core/plan.js";

const PER_MILLION = 1_000_000;

/** Plans read from a LiteLLM-style price map, and the entries left out with the reason. */
export interface LiteLlmImport {
  plans: PerTokenPlan[];
  skipped: { key: string; reason: string }[];
}

type Entry = Record<string, unknown>;

function rate(entry: Entry, key: string, field: string, required: boolean): number | undefined | string {
  const value = entry[field];
  if (value === undefined || value === null) return required ? `${key}.${field} is missing` : undefined;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || value * PER_MILLION > 1e9) {
    return `${key}.${field} must be a number from 0 to 1000 ($ per token), got ${JSON.stringify(value)}`;
  }
  return value;
}

function planFrom(key: string, entry: unknown, source: string): PerTokenPlan | string {
  if (typeof entry !== "object" || entry === null || Array.isArray(entry)) return `${key} is not an object`;
  const e = entry as Entry;
  const input = rate(e, key, "input_cost_per_token", true);
  const output = rate(e, key, "output_cost_per_token", true);
  const cached = rate(e, key, "cache_read_input_token_cost", false);
  for (const r of [input, output, cached]) if (typeof r === "string") return r;
  const max = e.max_input_tokens;
  if (max !== undefined && max !== null && !(Number.isInteger(max) && (max as number) >= 1)) {
    return `${key}.max_input_tokens must be an integer >= 1, got ${JSON.stringify(max)}`;
  }
  const provider =
    typeof e.litellm_provider === "string" && e.litellm_provider ? e.litellm_provider : "LiteLLM import";
  return {
    kind: "per-token",
    id: `litellm:${key}`,
    label: `${key} (imported prices)`,
    provider,
    usdPerMillionPrefill: (input as number) * PER_MILLION,
    ...(typeof cached === "number" && { usdPerMillionCachedPrefill: cached * PER_MILLION }),
    usdPerMillionSample: (output as number) * PER_MILLION,
    ...(typeof max === "number" && { maxContextTokens: max }),
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
