// The page's one call into the engine: the same resolver and estimate the CLI's `estimate` uses.
import {
  type ReferenceOptions,
  type ReferenceProvenance,
  resolveReference,
} from "../catalog/resolve-reference.js";
import { estimateReference, type ReferenceEstimate, type ReferenceInput } from "../core/estimate.js";

/** A scenario the engine priced, with what it was given and where its figures came from. */
export interface Priced {
  ok: true;
  options: ReferenceOptions;
  input: ReferenceInput;
  provenance: ReferenceProvenance;
  estimate: ReferenceEstimate;
}

/** The estimate for `options`, or the engine's reason when it refuses them. */
export function evaluate(options: ReferenceOptions): Priced | { ok: false; reason: string } {
  try {
    const { input, provenance } = resolveReference(options);
    return { ok: true, options, input, provenance, estimate: estimateReference(input) };
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, reason: error.message };
    throw error;
  }
}
