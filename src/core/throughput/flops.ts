import type { AttentionGeometry, ModelArchitecture } from "./types.js";

/** FLOPs of the weight matrix products for one token: 2 × active parameters, less the input look-up table. */
export function linearFlopsPerToken(model: ModelArchitecture): number {
  return 2 * (model.paramsActive - model.inputEmbeddingParams);
}

function perHeadWidth(attention: AttentionGeometry, form: "prefill" | "decode"): number {
  if (attention.kind === "gqa") return 2 * attention.headDim; // q·k and p·v, head_dim each
  // Prefill runs MLA as multi-head attention (keys of nope + rope width, values of v width); decode runs
  // the absorbed form, attending over the 512 + 64 latent and reading values out of the 512 latent.
  return form === "prefill"
    ? attention.qkNopeHeadDim + attention.qkRopeHeadDim + attention.vHeadDim
    : 2 * attention.kvLoraRank + attention.qkRopeHeadDim;
}

/**
 * Attention FLOPs one query token spends per context token it attends to, summed over full-attention
 * layers: 2 × query heads × (q·k width + p·v width). `decode` differs from `prefill` only for MLA.
 */
export function attentionFlopsPerAttendedToken(
  model: ModelArchitecture,
  form: "prefill" | "decode" = "prefill",
): number {
  const { attention } = model;
  return 2 * attention.layers * attention.queryHeads * perHeadWidth(attention, form);
}

/** Attention FLOPs per query token in the sliding-window layers, at a context of `contextTokens`. */
export function slidingFlopsPerToken(model: ModelArchitecture, contextTokens: number): number {
  const window = model.slidingWindow;
  if (!window) return 0;
  const perAttended =
    2 * window.layers * model.attention.queryHeads * perHeadWidth(model.attention, "prefill");
  return perAttended * Math.min(contextTokens, window.windowTokens);
}
