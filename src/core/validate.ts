import { LIMITS } from "./limits.js";

/** Throws a RangeError naming `field` unless `value` is an integer within [min, max]. */
export function assertInteger(
  field: string,
  value: number,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${field} must be an integer from ${min} to ${max}, got ${value}`);
  }
}

/** Throws a RangeError naming `field` unless `value` is a finite number > 0. */
export function assertPositive(field: string, value: number): void {
  if (!Number.isFinite(value) || value <= 0) {
    throw new RangeError(`${field} must be a number > 0, got ${value}`);
  }
}

/** Throws a RangeError naming `field` unless `value` is a finite number >= 0. */
export function assertNonNegative(field: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`${field} must be a number >= 0, got ${value}`);
  }
}

/**
 * Throws a RangeError naming `field` unless `value` is a throughput of at least LIMITS.tokensPerSecond.min
 * (0.001 tok/s): below it the largest workload's hours, and so its cost, would overflow to Infinity.
 */
export function assertThroughput(field: string, value: number): void {
  const { min } = LIMITS.tokensPerSecond;
  if (!Number.isFinite(value) || value < min) {
    throw new RangeError(`${field} must be a throughput of at least ${min} tok/s, got ${value}`);
  }
}
