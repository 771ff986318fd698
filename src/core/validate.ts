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
