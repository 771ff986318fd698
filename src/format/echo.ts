// Untrusted text (flag values, log lines, price-map keys) echoed back to a person: quoted, free of control
// characters, and short, so a hostile value can neither redraw the terminal nor flood a message.

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `text` with every control and bidi-override character replaced by `�`, safe to print on a terminal. */
export function stripControls(text: string): string {
  return text.replace(CONTROL, "\uFFFD");
}

/** `text` cut to `maxChars` characters (code points) with "…" when longer. */
export function cutText(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  // Look at one code point past the limit at most: a long value is never split whole.
  const points = Array.from(text.slice(0, maxChars * 2 + 2));
  if (points.length <= maxChars && text.length <= maxChars * 2) return text;
  return `${points.slice(0, maxChars - 1).join("")}…`;
}

/** A value as a message quotes it: `"…"`, controls replaced, at most `maxChars` characters inside the quotes. */
export function echo(value: unknown, maxChars = 60): string {
  const text = typeof value === "string" ? value : String(value);
  return `"${cutText(stripControls(text), maxChars)}"`;
}

/**
 * Untrusted text (a plan id or label from an imported price map, a log's episode id, a message quoting a
 * log line) for a human report: control characters replaced, cut to `maxChars` with "…".
 */
export function plainText(text: string, maxChars = 160): string {
  return cutText(stripControls(escapedBytes(text)), maxChars);
}

// A lone U+DC80–U+DCFF is an invalid UTF-8 byte the log reader kept distinct (src/logs/utf8-escape.ts).
const LONE_BYTE = /(?<![\uD800-\uDBFF])[\uDC80-\uDCFF]/g;

/** Invalid UTF-8 bytes kept by the log reader, written as `\xFE`, so two ids that differ there print differently. */
export function escapedBytes(text: string): string {
  return text.replace(LONE_BYTE, (c) => `\\x${(c.charCodeAt(0) - 0xdc00).toString(16).toUpperCase()}`);
}

/** A whole human report made safe to print: every line's control characters replaced; line breaks kept. */
export function terminalSafe(report: string): string {
  return report
    .split("\n")
    .map((line) => stripControls(line))
    .join("\n");
}
