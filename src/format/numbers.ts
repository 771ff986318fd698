// Formatting for people, shared by the CLI and the page so both print the same figure.

// en-US numbers by hand, rounded as Intl.NumberFormat rounds (half away from zero, on the shortest decimal
// that reads back as the number): the first Intl.NumberFormat costs a cold start ~18 ms of ICU set-up.
// Past 1e21, where String() turns exponential, Intl does it.
let intl: Intl.NumberFormat | undefined;
const GROUPS = /\B(?=(\d{3})+(?!\d))/g;

/** The decimal digits of |n| rounded half up to `digits` places, as [integer part, fraction]. */
function roundedDigits(abs: number, digits: number): [string, string] {
  const text = String(abs);
  if (text.includes("e")) return ["0", "0".repeat(digits)]; // below 1e-6: rounds to zero at 2 places
  const [int = "0", frac = ""] = text.split(".");
  if (frac.length <= digits) return [int, frac.padEnd(digits, "0")];
  let kept = `${int}${frac.slice(0, digits)}`;
  if (frac.charCodeAt(digits) - 48 >= 5) {
    // Add one unit in the last kept place, carrying through the digit string.
    const chars = kept.split("");
    let i = chars.length - 1;
    while (i >= 0 && chars[i] === "9") chars[i--] = "0";
    if (i < 0) chars.unshift("1");
    else chars[i] = String.fromCharCode((chars[i] as string).charCodeAt(0) + 1);
    kept = chars.join("");
  }
  return [kept.slice(0, kept.length - digits) || "0", kept.slice(kept.length - digits)];
}

/** `n` with `digits` decimals and comma-grouped thousands, as en-US Intl.NumberFormat writes it. */
function grouped(n: number, digits: number): string {
  const abs = Math.abs(n);
  if (abs >= 1e21) {
    if (intl === undefined) intl = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
    return digits === 0 ? intl.format(n) : `${intl.format(n)}.${"0".repeat(digits)}`;
  }
  const [int, fraction] = roundedDigits(abs, digits);
  const negative = n < 0 || Object.is(n, -0);
  return `${negative ? "-" : ""}${int.replace(GROUPS, ",")}${digits === 0 ? "" : `.${fraction}`}`;
}
const whole = { format: (n: number) => grouped(n, 0) };
const cents = { format: (n: number) => grouped(n, 2) };

/** Dollars as the Fireworks page rounds them: cents below $10, whole dollars from $10, with separators. */
export function formatUsd(usd: number): string {
  if (!Number.isFinite(usd)) return "—";
  return `$${usd < 10 ? cents.format(usd) : whole.format(usd)}`;
}

/** A count with thousands separators, rounded to a whole number. */
export function formatCount(n: number): string {
  return Number.isFinite(n) ? whole.format(n) : "—";
}

/** A percentage with one decimal, as the page shows the cache hit. */
export function formatPercent(percent: number): string {
  return Number.isFinite(percent) ? `${percent.toFixed(1)}%` : "—";
}

/** Hours with two decimals, as the page shows cluster-hours; small values keep three significant digits. */
export function formatHours(hours: number): string {
  if (!Number.isFinite(hours)) return "—";
  if (hours !== 0 && hours < 0.01) return hours.toPrecision(3);
  return cents.format(hours);
}

/** A rate in tokens/s, rounded up as the page shows its at-par minimums. */
export function formatTokensPerSecondCeil(tps: number): string {
  return Number.isFinite(tps) ? whole.format(Math.ceil(tps)) : "—";
}

/** A signed dollar change: "+$82", "−$1,269", "±$0.00", or "—" where there is none. */
export function formatUsdDelta(usd: number | null): string {
  if (usd === null || !Number.isFinite(usd)) return "—";
  if (Math.abs(usd) < 0.005) return "±$0.00";
  return `${usd > 0 ? "+" : "−"}${formatUsd(Math.abs(usd))}`;
}
