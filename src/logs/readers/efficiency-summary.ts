import { CountHistogram, type DistributionStats } from "../count-histogram.js";
import type { EfficiencyPoint } from "./reader.js";

/** Batch fill and trainer waiting over the training steps read. */
export interface EfficiencySummary {
  steps: number;
  fillRatio: DistributionStats | null;
  waitingForWork: DistributionStats | null;
  /** Every step's values, in file order (one point a line: small). */
  series: EfficiencyPoint[];
}

/** Collects efficiency points into a summary. */
export class EfficiencyCollector {
  private readonly fill = new CountHistogram();
  private readonly waiting = new CountHistogram();
  private readonly series: EfficiencyPoint[] = [];

  add(point: EfficiencyPoint): void {
    this.series.push(point);
    if (point.fillRatio !== null) this.fill.add(point.fillRatio);
    if (point.waitingForWork !== null) this.waiting.add(point.waitingForWork);
  }

  summary(): EfficiencySummary {
    return {
      steps: this.series.length,
      fillRatio: this.fill.stats(),
      waitingForWork: this.waiting.stats(),
      series: this.series,
    };
  }
}
