/** Reads one value from a parsed record at a dotted path ("metadata.episode_id"); undefined when absent. */
export type FieldGetter = (record: unknown) => unknown;

/**
 * Compiles a dotted path into a getter. Each segment is an own property name; a path of one segment
 * also matches a key that itself contains dots ("usage.prompt_tokens" as a flat CSV-style key).
 * Throws a RangeError naming the path when it is empty or has an empty segment.
 */
export function fieldGetter(path: string): FieldGetter {
  const segments = path.split(".");
  if (path === "" || segments.some((s) => s === "")) {
    throw new RangeError(`field path must be names joined by dots, like metadata.episode_id, got "${path}"`);
  }
  if (segments.length === 1) {
    return (record) => (isObject(record) && Object.hasOwn(record, path) ? record[path] : undefined);
  }
  return (record) => {
    let value: unknown = record;
    for (const segment of segments) {
      if (!isObject(value) || !Object.hasOwn(value, segment)) {
        // A flat key spelled like the whole path ("usage.prompt_tokens": 5) counts too.
        return isObject(record) && Object.hasOwn(record, path) ? record[path] : undefined;
      }
      value = value[segment];
    }
    return value;
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
