/** Ratios inside (AT_PAR_LOW, AT_PAR_HIGH) read "at par", as on the Fireworks page. */
export const AT_PAR_HIGH = 1.05;
export const AT_PAR_LOW = 0.95;

/**
 * How a candidate's cost reads against a baseline's, worded and rounded as the Fireworks page does:
 * `N.N× cheaper` when baseline ÷ candidate ≥ 1.05, `N.N× more` when ≤ 0.95, `at par` between,
 * and `—` when either cost is not a positive number or their ratio overflows a double.
 */
export function comparisonLabel(baselineUsd: number, candidateUsd: number): string {
  if (!(candidateUsd > 0) || !(baselineUsd > 0)) return "—";
  const ratio = baselineUsd / candidateUsd;
  if (!Number.isFinite(ratio)) return "—";
  if (ratio >= AT_PAR_HIGH) return `${ratio.toFixed(1)}× cheaper`;
  if (ratio <= AT_PAR_LOW) return Number.isFinite(1 / ratio) ? `${(1 / ratio).toFixed(1)}× more` : "—";
  return "at par";
}
