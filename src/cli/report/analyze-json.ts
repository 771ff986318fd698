import type { AnalyzeReport } from "./analyze-table.js";

/** The --json document: the contract first, then the details. */
export function analyzeJson(report: AnalyzeReport) {
  const a = report.analysis;
  return {
    input: {
      path: report.source,
      format: a.format,
      bytes: a.bytes,
      lines: a.lines,
      blankLines: a.blankLines,
      headerLines: a.headerLines,
      documentLines: a.documentLines,
    },
    requests: a.requests,
    episodes: a.episodes,
    skipped: a.skipped,
    skippedTotal: a.skippedTotal,
    badLines: a.badLines,
    tokens: a.tokens,
    cacheHitPercent: a.cacheHitPercent,
    idealCacheHitPercent: a.idealCacheHitPercent,
    shape: a.shape,
    peakContextTokens: a.peakContextTokens,
    model: report.model,
    contextOverflowEpisodes: a.contextOverflowEpisodes,
    preset: report.preset,
    workloadTokens: report.workloadTokens,
    baseline: report.baseline,
    plans: report.plans,
    unavailable: report.unavailable,
    fitted: report.fitted,
    ...(a.reader && { reader: a.reader }),
    ...(a.groups !== undefined && { groups: a.groups }),
    ...(a.latency && { latency: a.latency }),
    ...(a.efficiency && {
      efficiency: { ...a.efficiency, diagnosis: report.extras?.efficiencyDiagnosis ?? null },
    }),
    ...(a.prefixDivergence !== undefined && {
      prefixDivergence: a.prefixDivergence && {
        ...a.prefixDivergence,
        priced: report.extras?.prefixDivergenceCost ?? [],
      },
    }),
    ...(report.tinkerMetrics && { tinkerMetrics: report.tinkerMetrics }),
    predictedVsActual: report.extras?.predicted ?? [],
    warnings: report.warnings,
  };
}
