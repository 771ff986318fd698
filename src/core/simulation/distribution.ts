import type { Random } from "./prng.js";

/** A per-turn quantity: fixed, uniform over [min, max], or drawn from measured values (each equally likely). */
export type Distribution =
  | { kind: "constant"; value: number }
  | { kind: "uniform"; min: number; max: number }
  | { kind: "empirical"; values: readonly number[] };

/** A draw from `distribution`. */
export function sample(distribution: Distribution, random: Random): number {
  if (distribution.kind === "constant") return distribution.value;
  if (distribution.kind === "uniform")
    return distribution.min + (distribution.max - distribution.min) * random();
  const { values } = distribution;
  return values[Math.min(values.length - 1, Math.floor(random() * values.length))] as number;
}

/** A draw rounded to the nearest integer (token counts, turns). */
export function sampleInteger(distribution: Distribution, random: Random): number {
  return Math.round(sample(distribution, random));
}

/** The distribution's mean. */
export function distributionMean(distribution: Distribution): number {
  if (distribution.kind === "constant") return distribution.value;
  if (distribution.kind === "uniform") return (distribution.min + distribution.max) / 2;
  return distribution.values.reduce((sum, v) => sum + v, 0) / distribution.values.length;
}

/** The largest value a draw can take. */
export function distributionMax(distribution: Distribution): number {
  if (distribution.kind === "constant") return distribution.value;
  if (distribution.kind === "uniform") return distribution.max;
  return Math.max(...distribution.values);
}

/** Throws a RangeError naming `field` unless every value `distribution` can draw lies in [min, max]. */
export function validateDistribution(
  field: string,
  distribution: Distribution,
  min: number,
  max: number,
): void {
  const inRange = (v: number) => Number.isFinite(v) && v >= min && v <= max;
  if (distribution.kind === "constant") {
    if (!inRange(distribution.value))
      throw new RangeError(`${field} must be from ${min} to ${max}, got ${distribution.value}`);
  } else if (distribution.kind === "uniform") {
    if (!inRange(distribution.min) || !inRange(distribution.max) || distribution.min > distribution.max)
      throw new RangeError(
        `${field} must be uniform with ${min} <= min <= max <= ${max}, got ${distribution.min}..${distribution.max}`,
      );
  } else if (distribution.values.length === 0 || distribution.values.length > 10_000_000) {
    throw new RangeError(`${field} must list 1 to 10,000,000 values, got ${distribution.values.length}`);
  } else {
    const wrong = distribution.values.find((v) => !inRange(v));
    if (wrong !== undefined)
      throw new RangeError(`${field} values must be from ${min} to ${max}, got ${wrong}`);
  }
}
