// The reader's promise, checked at the end of every run: no line is lost without a word.
import type { LogAnalysis } from "./log-analysis.js";

/** What the reader counted on its way, beside the analysis. */
export interface LineLedger {
  /** Lines read as records (one request or one skipped line each; a Tinker response may hold several events). */
  recordLines: number;
  /** Outcomes those records and any document's elements owe: one request or one skipped line each. */
  owed: number;
}

/** Thrown when the counts do not add up: a bug in the reader, never the input's fault. */
export class AccountingError extends Error {
  constructor(message: string) {
    super(`log accounting does not add up (a bug, please report it): ${message}`);
    this.name = "AccountingError";
  }
}

/**
 * Checks lines read = blank + header + document + record lines, and record outcomes owed = requests +
 * skipped (by kind). For a JSONL log read line by line that is lines = requests + skipped + blank.
 */
export function checkAccounting(analysis: LogAnalysis, ledger: LineLedger): void {
  const byKind = Object.values(analysis.skipped).reduce((sum, n) => sum + n, 0);
  if (byKind !== analysis.skippedTotal)
    throw new AccountingError(`skipped ${analysis.skippedTotal} ≠ Σ by kind ${byKind}`);
  const parts = analysis.blankLines + analysis.headerLines + analysis.documentLines + ledger.recordLines;
  if (parts !== analysis.lines)
    throw new AccountingError(
      `lines ${analysis.lines} ≠ blank ${analysis.blankLines} + header ${analysis.headerLines} + document ${analysis.documentLines} + records ${ledger.recordLines}`,
    );
  if (analysis.requests + analysis.skippedTotal !== ledger.owed)
    throw new AccountingError(
      `records ${ledger.owed} ≠ requests ${analysis.requests} + skipped ${analysis.skippedTotal}`,
    );
}
