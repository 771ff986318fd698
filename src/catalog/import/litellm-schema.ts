import * as v from "valibot";

/** The most a LiteLLM entry may charge, $ per token: $1,000 per 1M tokens, far above any price list. */
const MAX_USD_PER_TOKEN = 0.001;

const dollarsPerToken = v.pipe(
  v.number("must be a number from 0 to 0.001 ($ per token, so at most $1,000 per 1M)"),
  v.finite("must be a number from 0 to 0.001 ($ per token, so at most $1,000 per 1M)"),
  v.minValue(0, "must be a number from 0 to 0.001 ($ per token, so at most $1,000 per 1M)"),
  v.maxValue(MAX_USD_PER_TOKEN, "must be a number from 0 to 0.001 ($ per token, so at most $1,000 per 1M)"),
);

/**
 * One entry of a LiteLLM-style price map (`model_prices_and_context_window.json`): the fields an import
 * reads, the rest left alone. The same valibot schema style as the catalog's, so an import is checked
 * the way the catalog is, and its problems name the field.
 */
export const LiteLlmEntrySchema = v.looseObject({
  input_cost_per_token: dollarsPerToken,
  output_cost_per_token: dollarsPerToken,
  cache_read_input_token_cost: v.nullish(dollarsPerToken),
  max_input_tokens: v.nullish(
    v.pipe(
      v.number("must be an integer >= 1"),
      v.integer("must be an integer >= 1"),
      v.minValue(1, "must be an integer >= 1"),
    ),
  ),
  litellm_provider: v.nullish(v.string()),
});

export type LiteLlmEntry = v.InferOutput<typeof LiteLlmEntrySchema>;
