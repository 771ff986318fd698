// The one grammar every surface reads numbers with (CLI flags, the page's inputs, URL keys, scenario
// files): digits with optional thousands separators (`50,000` or `50_000`, in groups of three), an
// optional decimal part, then an exponent (`1e6`) or a suffix (`4k`, `1.5M`, `2B`). A leading minus is
// read so that a range check can say "must be ≥ 1, got -3"; a plus sign, spaces and anything else are
// not numbers.

const NUMBER =
  /^(-?)(\d{1,3}(?:,\d{3})+|\d{1,3}(?:_\d{3})+|\d+)(?:\.(\d+))?(?:[eE]([+-]?\d{1,4})|([kKmMbB]))?$/;

const SUFFIX_EXPONENT: Record<string, number> = { k: 3, K: 3, m: 6, M: 6, b: 9, B: 9 };

/** What the grammar accepts, in words, for messages. */
export const NUMBER_GRAMMAR =
  "digits, optionally with , or _ between thousands, a decimal part, and an exponent (1e6) or a K, M or B suffix";

/**
 * The number `text` spells under the one grammar, or undefined when it is not one. Suffixes scale by
 * shifting the decimal exponent (not by multiplying), so `1.1K` is exactly 1100.
 */
export function parseNumberText(text: string): number | undefined {
  const match = NUMBER.exec(text);
  if (!match) return undefined;
  const [, sign, whole = "", fraction, exponent, suffix] = match;
  const shift =
    (exponent === undefined ? 0 : Number(exponent)) + (suffix ? (SUFFIX_EXPONENT[suffix] ?? 0) : 0);
  const digits = whole.replace(/[,_]/g, "");
  const value = Number(`${sign}${digits}${fraction === undefined ? "" : `.${fraction}`}e${shift}`);
  return Number.isFinite(value) ? value : undefined;
}
