import { cutText, stripControls } from "../../format/echo.js";
import {
  type CountKey,
  METRICS_COUNTS,
  METRICS_SECONDS,
  METRICS_SKIP_KINDS,
  type MetricsSkipKind,
  type MetricsStep,
  parseMetricsLine,
  type SecondsKey,
} from "./tinker-metrics.js";

/** One quantity over the steps that carry it: how many, the sum, the mean and the largest. */
export interface MetricsTotal {
  steps: number;
  total: number;
  mean: number;
  max: number;
}

/**
 * A metrics.jsonl read whole. Every line is counted once:
 * lines = blankLines + stepsRead + linesWithoutQuantities + skippedTotal.
 */
export interface TinkerMetrics {
  lines: number;
  blankLines: number;
  /** Lines with a step and at least one quantity read (one per step). */
  stepsRead: number;
  /** Lines with a step but none of the quantities read (an evaluation's own line, say). */
  linesWithoutQuantities: number;
  /** Lines read with Python's NaN / Infinity taken as null (in keys this reader does not use). */
  nonFiniteLines: number;
  skipped: Record<MetricsSkipKind, number>;
  skippedTotal: number;
  /** The first few skipped lines of each kind, by line number. */
  badLines: { line: number; kind: MetricsSkipKind; message: string }[];
  /** The steps read, in step order. */
  steps: MetricsStep[];
  seconds: Record<SecondsKey, MetricsTotal | null>;
  counts: Record<CountKey, MetricsTotal | null>;
}

const EXAMPLES_PER_KIND = 5;

/** Reads a metrics.jsonl line by line; never drops a line without counting it. */
export class TinkerMetricsReader {
  private lines = 0;
  private blankLines = 0;
  private withoutQuantities = 0;
  private nonFinite = 0;
  private readonly skipped = Object.fromEntries(METRICS_SKIP_KINDS.map((k) => [k, 0])) as Record<
    MetricsSkipKind,
    number
  >;
  private readonly badLines: TinkerMetrics["badLines"] = [];
  private readonly byStep = new Map<number, MetricsStep>();

  /** Reads the next line (without its terminator); `terminated` is false for a last line with no break. */
  line(text: string, terminated = true): void {
    const number = ++this.lines;
    if (text.trim() === "") {
      this.blankLines++;
      return;
    }
    const parsed = parseMetricsLine(text);
    if (!parsed.ok) {
      const kind = !terminated && parsed.kind === "malformedJson" ? "truncatedLine" : parsed.kind;
      this.skip(number, kind, parsed.message);
      return;
    }
    const { step } = parsed;
    if (Object.keys(step.seconds).length + Object.keys(step.counts).length === 0) {
      this.withoutQuantities++;
      if (parsed.pythonNonFinite) this.nonFinite++;
      return;
    }
    if (this.byStep.has(step.step)) {
      this.skip(number, "duplicateStep", `step ${step.step} was read on an earlier line`);
      return;
    }
    if (parsed.pythonNonFinite) this.nonFinite++;
    this.byStep.set(step.step, step);
  }

  private skip(line: number, kind: MetricsSkipKind, message: string): void {
    if (++this.skipped[kind] <= EXAMPLES_PER_KIND)
      this.badLines.push({ line, kind, message: cutText(stripControls(message), 200) });
  }

  /** The file's figures so far. */
  result(): TinkerMetrics {
    const steps = [...this.byStep.values()].sort((a, b) => a.step - b.step);
    const total = (pick: (s: MetricsStep) => number | undefined): MetricsTotal | null => {
      const values = steps.map(pick).filter((v): v is number => v !== undefined);
      if (values.length === 0) return null;
      const sum = values.reduce((a, b) => a + b, 0);
      const max = values.reduce((a, b) => Math.max(a, b), 0);
      return { steps: values.length, total: sum, mean: sum / values.length, max };
    };
    const skippedTotal = METRICS_SKIP_KINDS.reduce((sum, k) => sum + this.skipped[k], 0);
    return {
      lines: this.lines,
      blankLines: this.blankLines,
      stepsRead: steps.length,
      linesWithoutQuantities: this.withoutQuantities,
      nonFiniteLines: this.nonFinite,
      skipped: { ...this.skipped },
      skippedTotal,
      badLines: [...this.badLines].sort((a, b) => a.line - b.line),
      steps,
      seconds: Object.fromEntries(
        Object.keys(METRICS_SECONDS).map((k) => [k, total((s) => s.seconds[k as SecondsKey])]),
      ) as TinkerMetrics["seconds"],
      counts: Object.fromEntries(
        Object.keys(METRICS_COUNTS).map((k) => [k, total((s) => s.counts[k as CountKey])]),
      ) as TinkerMetrics["counts"],
    };
  }
}
