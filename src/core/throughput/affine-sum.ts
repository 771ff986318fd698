/** An affine function of an integer x: intercept + slope · x. */
export interface Affine {
  intercept: number;
  slope: number;
}

const at = (f: Affine, x: number) => f.intercept + f.slope * x;

/** Σ over integers x in [from, to] of f(x), in closed form. */
function sumAffine(f: Affine, from: number, to: number): number {
  const n = to - from + 1;
  return n <= 0 ? 0 : f.intercept * n + (f.slope * (from + to) * n) / 2;
}

/**
 * Σ over integers x in [from, to] of max(f₁(x), f₂(x), ...), in closed form: the maximum of affine
 * functions is convex, so it is one affine piece between consecutive crossing points.
 */
export function sumOfMaxAffine(functions: readonly Affine[], from: number, to: number): number {
  if (to < from) return 0;
  const cuts = new Set<number>([from, to + 1]);
  for (let i = 0; i < functions.length; i++) {
    for (let j = i + 1; j < functions.length; j++) {
      const a = functions[i] as Affine;
      const b = functions[j] as Affine;
      if (a.slope === b.slope) continue;
      const x = Math.ceil((b.intercept - a.intercept) / (a.slope - b.slope));
      if (x > from && x <= to) cuts.add(x);
    }
  }
  const edges = [...cuts].sort((p, q) => p - q);
  let total = 0;
  for (let k = 0; k + 1 < edges.length; k++) {
    const lo = edges[k] as number;
    const hi = (edges[k + 1] as number) - 1;
    const mid = (lo + hi) / 2;
    let best = functions[0] as Affine;
    for (const f of functions) if (at(f, mid) > at(best, mid)) best = f;
    total += sumAffine(best, lo, hi);
  }
  return total;
}
