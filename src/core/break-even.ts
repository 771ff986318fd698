import { firstCrossing } from "./crossing.js";
import type { Workload } from "./episode-shape.js";
import { LIMITS } from "./limits.js";
import type { Plan } from "./plan.js";
import { pricePlans } from "./price-plans.js";
import { validateWorkload } from "./validate-workload.js";
import { type WorkloadTokens, workloadTokensFromShape } from "./workload-tokens.js";

/** The input a break-even solver moves; the rest of the workload is held. */
export type BreakEvenVariable = "turns" | "episodes" | "cacheHit";

export const BREAK_EVEN_VARIABLES: readonly BreakEvenVariable[] = ["turns", "episodes", "cacheHit"];

/** The value where plans `a` and `b` cost the same, or why they never do. */
export type BreakEven =
  | {
      ok: true;
      variable: BreakEvenVariable;
      /** The crossing: turns and episodes as real numbers; cacheHit as a fraction 0..1. */
      value: number;
      /** The first whole turn or episode count past the crossing (turns and episodes only). */
      wholeValue?: number;
      usdA: number;
      usdB: number;
      /** False when the order flips across a jump (a price tier switch, a minimum bill), not at equal cost. */
      exact: boolean;
      /** The plan that is cheaper below the value. */
      cheaperBelow: string;
    }
  | { ok: false; variable: BreakEvenVariable; never: string };

/** Relative tolerance for "costs equal": far below a cent on any bill the limits allow. */
export const BREAK_EVEN_TOLERANCE = 1e-9;

/** The range each variable moves over: turns 1-200, episodes 1-10^7, cache hit 0..1. */
export const BREAK_EVEN_RANGES = {
  turns: { min: LIMITS.turns.min, max: LIMITS.turns.max },
  episodes: { min: LIMITS.episodes.min, max: LIMITS.episodes.max },
  cacheHit: { min: 0, max: 1 },
} as const;

/** What the solver needs: the workload (uniform shape) and the two plans. */
export interface BreakEvenInput {
  variable: BreakEvenVariable;
  workload: Workload;
  a: Plan;
  b: Plan;
  /**
   * The workload's tokens at `x` of the variable; default: the page's closed form (no window). A caller
   * with a context policy passes its own, and may narrow the range (a `refuse` policy past the window).
   */
  tokensAt?: (x: number) => WorkloadTokens;
  range?: { min: number; max: number };
}

/** The page's closed-form tokens at `x` of the variable, the rest of `workload` held. */
export function closedFormTokensAt(
  input: Pick<BreakEvenInput, "variable" | "workload">,
  x: number,
): WorkloadTokens {
  const { workload } = input;
  if (input.variable === "turns")
    return workloadTokensFromShape({ ...workload, shape: { ...workload.shape, turns: x } });
  if (input.variable === "episodes")
    return { ...workloadTokensFromShape(workload), episodes: x, ...scaled(workload, x) };
  const base = workloadTokensFromShape(workload);
  return { ...base, cachedPromptTokens: base.promptTokens * x };
}

function scaled(workload: Workload, episodes: number) {
  const one = workloadTokensFromShape({ ...workload, episodes: 1 });
  return {
    promptTokens: one.promptTokens * episodes,
    cachedPromptTokens: one.cachedPromptTokens * episodes,
    decodeTokens: one.decodeTokens * episodes,
  };
}

/**
 * Where plans `a` and `b` cost the same as one input moves over its whole range (turns 1-200 and
 * episodes 1-10^7 treated as real numbers in the page's closed form; cache hit 0..1 of prompt tokens),
 * holding the rest. Returns `{ ok: false, never }` with the reason when one plan stays cheaper throughout.
 */
export function breakEven(input: BreakEvenInput): BreakEven {
  validateWorkload(input.workload);
  const { variable, a, b } = input;
  const tokensAt = input.tokensAt ?? ((x: number) => closedFormTokensAt(input, x));
  const costs = (x: number) => {
    const tokens = tokensAt(x);
    // The fractional episode counts the solver visits are not valid workloads; price them through an
    // integer-episode copy and scale back, since every bill is linear in the token totals.
    const [ea, eb] = pricePlans({ ...tokens, episodes: 1 }, [a, b]);
    return [ea?.usdTotal ?? 0, eb?.usdTotal ?? 0] as const;
  };
  const range = input.range ?? BREAK_EVEN_RANGES[variable];
  const crossing = firstCrossing(
    (x) => {
      const [ua, ub] = costs(x);
      return ua - ub;
    },
    range,
    (x) => {
      const [ua, ub] = costs(x);
      return BREAK_EVEN_TOLERANCE * Math.max(Math.abs(ua), Math.abs(ub), Number.MIN_VALUE);
    },
  );
  const what = { turns: "turn count", episodes: "episode count", cacheHit: "cache hit" }[variable];
  if (!crossing.ok) {
    const [ua, ub] = costs(range.min);
    const cheaper = crossing.sign < 0 ? a : b;
    const dearer = crossing.sign < 0 ? b : a;
    const span = variable === "cacheHit" ? "0% to 100%" : `${range.min} to ${range.max}`;
    const whyFlat =
      variable === "episodes"
        ? "; both bills grow in proportion to episodes, so their ratio never changes"
        : "";
    return {
      ok: false,
      variable,
      never:
        crossing.sign === 0 || ua === ub
          ? `${a.id} and ${b.id} cost the same at every ${what}`
          : `${cheaper.id} is cheaper than ${dearer.id} at every ${what} from ${span}${whyFlat}`,
    };
  }
  const [usdA, usdB] = costs(crossing.value);
  const [startA, startB] = costs(range.min);
  return {
    ok: true,
    variable,
    value: crossing.value,
    ...(variable !== "cacheHit" && { wholeValue: Math.ceil(crossing.value - 1e-9) }),
    usdA,
    usdB,
    exact: crossing.exact,
    cheaperBelow: startA <= startB ? a.id : b.id,
  };
}
