/** How far derived throughput is from published measurements: the residuals of the §6 calibration. */
export interface ThroughputBand {
  /** Geometric mean of max(pred/meas, meas/pred) over the calibration points. */
  typicalFactor: number;
  /** The largest factor off at any point. */
  worstFactor: number;
  points: number;
  fittedParameters: number;
  source: string;
  asOf: string;
}

const BAND: ThroughputBand = {
  typicalFactor: 1.13,
  worstFactor: 1.36,
  points: 35,
  fittedParameters: 7,
  source:
    "residuals of src/core/throughput/trtllm-calibration.test.ts: the serving profile against the TensorRT-LLM 1.2 table (DATA.md §6), https://github.com/NVIDIA/TensorRT-LLM/blob/03e27c7d5ff0c6e89f8328838c0a8e64f1b34f9d/docs/source/developer-guide/perf-overview.md",
  asOf: "2026-12-01",
};

/**
 * The error band of a derived throughput figure: typically within ×/÷ `typicalFactor` of what an engine
 * measures, at worst ×/÷ `worstFactor` (the calibration's residual spread); show derived figures with it.
 */
export function derivedThroughputBand(): ThroughputBand {
  return { ...BAND };
}
