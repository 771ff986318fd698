import { plainText, terminalSafe } from "../../format/echo.js";
import type { Verdict } from "../../scenario/verdict.js";
import { wrapWords } from "./terminal-width.js";

/** The verdict as the CLI prints it first: a heading and the scenario layer's words, wrapped to `width`. */
export function verdictText(verdict: Verdict, width = 100): string {
  const lines = ["Verdict"];
  for (const l of verdict.lines) lines.push(...wrapWords(plainText(l, 600), width));
  return terminalSafe(`${lines.join("\n")}\n`);
}
