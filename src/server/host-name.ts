/** The longest DNS name (RFC 1035: 253 characters written without the trailing dot). */
const MAX_NAME_CHARS = 253;
/** The longest label between dots (RFC 1035). */
const MAX_LABEL_CHARS = 63;
const LABEL = /^[A-Za-z0-9_](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?$/;

/**
 * The address to listen on from `--host`: an IPv4 or IPv6 address (brackets optional) or a DNS name of at
 * most 253 characters in labels of 1–63 letters, digits, "-" or "_"; or null when it is none of them.
 * `isIP` is node:net's, passed in so that the bundled CLI loads node:net (~4 ms) only for `serve`.
 */
export function listenHost(text: string, isIP: (input: string) => number): string | null {
  const bare = text.startsWith("[") && text.endsWith("]") ? text.slice(1, -1) : text;
  if (isIP(bare) !== 0) return bare;
  if (bare !== text) return null;
  const name = text.endsWith(".") ? text.slice(0, -1) : text;
  if (name.length === 0 || name.length > MAX_NAME_CHARS) return null;
  const labels = name.split(".");
  if (labels.some((l) => l.length > MAX_LABEL_CHARS || !LABEL.test(l))) return null;
  // All digits and dots but not an IPv4 address (999.1.1.1) is no name either.
  if (/^[\d.]+$/.test(name)) return null;
  return name;
}
