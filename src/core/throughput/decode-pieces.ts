import type { Affine } from "./affine-sum.js";
import type { RooflineSeconds } from "./prefill-time.js";

/**
 * A decode step's context-dependent time as affine pieces of the context, read from its roofline at two
 * contexts x0 < x1: GEMMs + attention FLOPs, GEMMs + KV bytes, and the host overhead. The step is their
 * maximum plus terms that depend on the batch only (`addedSeconds`: communication and the latency floor).
 */
export function decodeStepPieces(a: RooflineSeconds, b: RooflineSeconds, x0: number, x1: number): Affine[] {
  const line = (y0: number, y1: number): Affine => {
    const slope = (y1 - y0) / (x1 - x0);
    return { intercept: y0 - slope * x0, slope };
  };
  const ga = a.breakdown;
  const gb = b.breakdown;
  return ga && gb
    ? [
        line(ga.gemmSeconds + ga.attentionComputeSeconds, gb.gemmSeconds + gb.attentionComputeSeconds),
        line(ga.gemmSeconds + ga.kvSeconds, gb.gemmSeconds + gb.kvSeconds),
        { intercept: a.overheadSeconds, slope: 0 },
      ]
    : [
        line(a.computeSeconds, b.computeSeconds),
        line(a.memorySeconds, b.memorySeconds),
        { intercept: a.overheadSeconds, slope: 0 },
      ];
}
