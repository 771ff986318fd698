import type { ContextPolicy } from "../core/context-policy.js";
import { type RealityCheck, realityCheck } from "../core/reality-check.js";
import { CATALOG, type Catalog } from "./index.js";
import { type ReferenceOptions, resolveReference } from "./resolve-reference.js";

/** The cached-prefill discount the reality check tries: Tinker's 2026-10 rule, from the catalog. */
export function cachedPrefillDiscount(catalog: Catalog = CATALOG): { fractionOff: number; source: string } {
  const discount = catalog.discounts?.find((d) => d.id === "tinker-2026-10-cached-prefill");
  if (!discount) throw new Error("catalog: the Tinker 2026-10 cached-prefill discount is missing");
  return { fractionOff: discount.fractionOff, source: discount.label };
}

/**
 * The reality check for the reference page's two plans on the scenario `options` describes (always the
 * `reference` preset's rates), or `{ ok: false, reason }` when the page does not cover the model.
 * `policy` is how the window is enforced in its context-window row (`ignore` reads as `stop`).
 */
export function realityCheckFor(
  options: Omit<ReferenceOptions, "preset">,
  policy: ContextPolicy = "stop",
  catalog: Catalog = CATALOG,
): ({ ok: true } & RealityCheck) | { ok: false; reason: string } {
  let input: ReturnType<typeof resolveReference>["input"];
  try {
    input = resolveReference({ ...options, preset: "reference" }, catalog).input;
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return { ok: false, reason: `no reality check: ${error.message}` };
  }
  return {
    ok: true,
    ...realityCheck({
      reference: input,
      cachedPrefill: cachedPrefillDiscount(catalog),
      ...(policy !== "ignore" && { policy }),
    }),
  };
}
