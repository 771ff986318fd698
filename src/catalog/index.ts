import * as v from "valibot";
import { ARCHITECTURES } from "./architectures.js";
import { CARDS, DISCOUNTS } from "./cards.js";
import { checkReferences } from "./check-references.js";
import { GPU_PRICES } from "./gpu-prices.js";
import { GPUS } from "./gpus.js";
import { MODELS } from "./models.js";
import { PER_TOKEN_PRICES } from "./per-token-prices.js";
import { PRESETS } from "./presets.js";
import { type Catalog, CatalogSchema } from "./schema.js";

export type {
  Card,
  Catalog,
  DedicatedDefault,
  Discount,
  GpuPrice,
  Model,
  PerTokenPrice,
  Preset,
} from "./schema.js";

/** Validates `data` against the one catalog schema and its cross-references; throws naming the entry. */
export function validateCatalog(data: unknown): Catalog {
  const result = v.safeParse(CatalogSchema, data);
  if (!result.success) {
    const issue = result.issues[0];
    const path = v.getDotPath(issue) ?? "(root)";
    throw new Error(`invalid catalog at ${path}: ${issue.message}`);
  }
  checkReferences(result.output);
  return result.output;
}

/**
 * The built-in catalog. It is typed data this repository controls, so it is validated by the schema in
 * a test (catalog.test.ts) rather than at every start of the CLI; catalogs from users go through
 * validateCatalog when they are read.
 */
export const CATALOG: Catalog = {
  models: MODELS,
  perTokenPrices: PER_TOKEN_PRICES,
  gpuPrices: GPU_PRICES,
  presets: PRESETS,
  cards: CARDS,
  discounts: DISCOUNTS,
  architectures: ARCHITECTURES,
  gpus: GPUS,
};
