/** Where `difference` changes sign on [min, max], or why it never does. */
export type Crossing = { ok: true; value: number; exact: boolean } | { ok: false; sign: -1 | 0 | 1 };

const GRID_STEPS = 400;
const BISECTIONS = 80;

/**
 * The least x in [min, max] where `difference(x)` first changes sign (or reaches 0), found on a grid and
 * refined by bisection. `exact` is false when the sign flips across a jump (e.g. a price tier switch)
 * rather than through zero; `sign` tells which side stayed ahead when it never flips.
 */
export function firstCrossing(
  difference: (x: number) => number,
  range: { min: number; max: number },
  tolerance: (x: number) => number,
): Crossing {
  let lo = range.min;
  let before = difference(lo);
  if (Math.abs(before) <= tolerance(lo)) return { ok: true, value: lo, exact: true };
  for (let i = 1; i <= GRID_STEPS; i++) {
    const hi = range.min + ((range.max - range.min) * i) / GRID_STEPS;
    const after = difference(hi);
    if (Math.abs(after) <= tolerance(hi) || Math.sign(after) !== Math.sign(before)) {
      let a = lo;
      let b = hi;
      for (let k = 0; k < BISECTIONS; k++) {
        const mid = (a + b) / 2;
        const d = difference(mid);
        if (Math.abs(d) <= tolerance(mid)) return { ok: true, value: mid, exact: true };
        if (Math.sign(d) === Math.sign(before)) a = mid;
        else b = mid;
      }
      return { ok: true, value: b, exact: Math.abs(difference(b)) <= tolerance(b) };
    }
    lo = hi;
    before = after;
  }
  return { ok: false, sign: Math.sign(before) as -1 | 0 | 1 };
}
