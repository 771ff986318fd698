// Formatting for people, shared by the CLI and the page so both print the same figure.

// Formatters are made on first use: creating them costs start-up time a --json run never needs.
function lazyFormat(options: Intl.NumberFormatOptions): { format(n: number): string } {
  let made: Intl.NumberFormat | undefined;
  return {
    format(n: number) {
      if (made === undefined) made = new Intl.NumberFormat("en-US", options);
      return made.format(n);
    },
  };
}
const whole = lazyFormat({ maximumFractionDigits: 0 });
const cents = lazyFormat({ minimumFractionDigits: 2, maximumFractionDigits: 2 });

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
