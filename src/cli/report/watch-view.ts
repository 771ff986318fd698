import { formatCount, formatHours, formatPercent, formatUsd } from "../../format/numbers.js";
import { ENGINE_METRICS } from "../../watch/engine-metrics.js";
import type { ScrapeReport } from "../../watch/watch-session.js";

/** What a watch did, for its last line (and the NDJSON "summary" record). */
export interface WatchSummary {
  stopped: "duration" | "interrupted";
  scrapes: number;
  failedScrapes: number;
  malformedLines: number;
  last: ScrapeReport | undefined;
}

const tps = (x: number | null) => (x === null ? "—" : `${formatCount(x)} tok/s`);
const pct = (x: number | null) => (x === null ? "—" : formatPercent(x * 100));
const num = (x: number | null) => (x === null ? "—" : formatCount(x));

function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const mm = String(Math.floor(s / 60) % 60).padStart(2, "0");
  const ss = String(s % 60).padStart(2, "0");
  return `${Math.floor(s / 3600)}:${mm}:${ss}`;
}

/** One plain line per scrape, for pipes and logs; warnings already printed on the line before are left out. */
export function watchLine(report: ScrapeReport, printedBefore: readonly string[] = []): string {
  const head = `[${clock(report.elapsedSeconds)}] #${report.scrape} ${ENGINE_METRICS[report.engine].label}`;
  const f = report.figures;
  if (!f) return `${head}: first scrape read (${report.samples} samples); rates from the next one\n`;
  const prices = report.plans.map((p) => `${p.id} ${formatUsd(p.usdPerHourNow)}/h`).join(", ");
  const parts = [
    `prompt ${tps(f.promptTokensPerSecond)}`,
    `gen ${tps(f.generationTokensPerSecond)}`,
    `cache hit ${pct(f.cacheHitFraction)}`,
    `KV ${pct(f.kvUsageFraction)}`,
    `running ${num(f.running)}`,
    `waiting ${num(f.waiting)}`,
    `preempted ${num(f.preemptions)}`,
    report.saturation.verdict,
  ];
  const fresh = report.warnings.filter((w) => !printedBefore.includes(w));
  const extra = fresh.length > 0 ? ` (${fresh.join("; ")})` : "";
  return `${head}: ${parts.join(" · ")}${prices ? ` · ${prices}` : ""}${extra}\n`;
}

/** The block a terminal redraws in place after each scrape. */
export function watchBlock(report: ScrapeReport, url: string, runHours: number): string {
  const f = report.figures;
  const lines = [
    `rollout-cost watch ${url}  (${ENGINE_METRICS[report.engine].label}, scrape ${report.scrape}, ${clock(report.elapsedSeconds)})`,
    "",
  ];
  if (!f) lines.push("first scrape read; rates from the next one");
  else {
    lines.push(
      `  prompt      ${tps(f.promptTokensPerSecond)}   (cached ${tps(f.cachedPromptTokensPerSecond)})`,
      `  generation  ${tps(f.generationTokensPerSecond)}`,
      `  cache hit   ${pct(f.cacheHitFraction)} now, ${pct(report.totals.cacheHitFraction)} since start`,
      `  KV cache    ${pct(f.kvUsageFraction)}`,
      `  requests    ${num(f.running)} running, ${num(f.waiting)} waiting, ${num(f.preemptions)} preempted`,
      "",
      `  ${report.saturation.verdict}: ${report.saturation.reasons.join("; ")}`,
      `  ${report.saturation.advice}`,
      "",
    );
    const width = Math.max(4, ...report.plans.map((p) => p.id.length));
    lines.push(
      `  ${"plan".padEnd(width)}  ${"$/hour now".padStart(12)}  ${"so far".padStart(10)}  ${`${formatHours(runHours)} h run`.padStart(12)}`,
    );
    for (const p of report.plans)
      lines.push(
        `  ${p.id.padEnd(width)}  ${formatUsd(p.usdPerHourNow).padStart(12)}  ${formatUsd(p.usdSoFar).padStart(10)}  ${formatUsd(p.usdProjected).padStart(12)}`,
      );
  }
  for (const w of report.warnings) lines.push(`  warning: ${w}`);
  lines.push("", "Ctrl-C stops");
  return `${lines.join("\n")}\n`;
}

/** The closing line(s): how the watch ended and what it measured. */
export function watchSummaryText(summary: WatchSummary, runHours: number): string {
  const how = summary.stopped === "duration" ? "--duration reached" : "stopped";
  const head = `${how}: ${summary.scrapes} scrape(s), ${summary.failedScrapes} failed, ${summary.malformedLines} malformed line(s)`;
  const t = summary.last?.totals;
  if (!t || t.seconds === 0) return `${head}\n`;
  const plans = (summary.last?.plans ?? [])
    .map(
      (p) =>
        `${p.id} ${formatUsd(p.usdSoFar)} so far, ${formatUsd(p.usdProjected)} for ${formatHours(runHours)} h`,
    )
    .join("; ");
  return `${head}\nobserved ${formatCount(t.promptTokens)} prompt tokens (cache hit ${pct(t.cacheHitFraction)}), ${formatCount(t.generationTokens)} generated, in ${clock(t.seconds)}\n${plans ? `${plans}\n` : ""}`;
}
