import type { ModelArchitecture } from "./types.js";

/**
 * Weight bytes one forward pass over `sequences` sequences reads from HBM: dense weights always; of a
 * mixture of experts, the expected share of experts that at least one of the tokens routes to,
 * 1 − (1 − k/E)^tokens under uniform routing. Input embeddings are looked up, not streamed.
 */
export function weightBytesRead(model: ModelArchitecture, tokens: number): number {
  const bytesPerParam = model.weightBytes / model.paramsTotal;
  const streamedParams = model.paramsTotal - model.inputEmbeddingParams;
  const moe = model.moe;
  if (!moe || moe.experts <= moe.expertsPerToken) return streamedParams * bytesPerParam;
  const perExpertParams = (model.paramsTotal - model.paramsActive) / (moe.experts - moe.expertsPerToken);
  const expertParams = perExpertParams * moe.experts;
  const denseParams = streamedParams - expertParams;
  const touched = 1 - (1 - moe.expertsPerToken / moe.experts) ** Math.max(1, tokens);
  return (denseParams + expertParams * touched) * bytesPerParam;
}
