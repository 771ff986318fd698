import type { BreakEven } from "../../core/break-even.js";
import type { Plan } from "../../core/plan.js";
import { deadlineBandText } from "../../format/deadline-band.js";
import { terminalSafe } from "../../format/echo.js";
import { formatCount, formatHours, formatPercent, formatUsd } from "../../format/numbers.js";
import type { DeadlineAnswer } from "../../scenario/solve.js";
import { tableText } from "../table-text.js";

/** A break-even answer in words, with the two costs at it. */
export function breakEvenTable(a: Plan, b: Plan, answer: BreakEven): string {
  const lines = [
    `Break-even ${answer.variable === "cacheHit" ? "cache hit" : answer.variable}: ${a.id} vs ${b.id}`,
  ];
  if (!answer.ok) {
    lines.push(`  never: ${answer.never}`);
    return terminalSafe(`${lines.join("\n")}\n`);
  }
  const value =
    answer.variable === "cacheHit"
      ? formatPercent(answer.value * 100)
      : `${answer.value.toFixed(3)} (from ${formatCount(answer.wholeValue ?? answer.value)} on, the order is flipped)`;
  const other = answer.cheaperBelow === a.id ? b.id : a.id;
  lines.push(`  at ${value}`);
  lines.push(`  ${answer.cheaperBelow} is cheaper below it, ${other} above`);
  lines.push(`  costs there: ${a.id} ${formatUsd(answer.usdA)}, ${b.id} ${formatUsd(answer.usdB)}`);
  if (!answer.exact)
    lines.push(
      "  ! the order flips across a jump (a context-tier switch or a minimum bill), not at equal cost",
    );
  return terminalSafe(`${lines.join("\n")}\n`);
}

/** Replicas and GPUs each dedicated plan needs to finish by the deadline. */
export function deadlineTable(deadlineHours: number, answers: DeadlineAnswer[]): string {
  const banded = answers.some((a) => a.band);
  const rows = answers.map((a) => {
    const band = banded ? [a.band ? deadlineBandText(a.band) : "saturated: no band"] : [];
    return a.ok
      ? [
          a.plan,
          formatCount(a.replicas),
          `${formatCount(a.gpus)} (${formatCount(a.replicas)} × ${formatCount(a.gpusPerReplica)})`,
          formatHours(a.wallHours),
          formatUsd(a.usdTotal),
          ...band,
        ]
      : [a.plan, "never", "", "", a.never, ...band];
  });
  const head = ["plan", "replicas", "GPUs (replicas × per replica)", "wall hours", "$ total"];
  const align = ["left", "right", "right", "right", "right"] as const;
  return `GPUs to finish within ${deadlineHours} h\n${tableText(banded ? [...head, "band"] : head, rows, banded ? [...align, "left"] : [...align])}\n`;
}
