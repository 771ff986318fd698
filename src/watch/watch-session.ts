import type { Plan } from "../core/plan.js";
import { echo } from "../format/echo.js";
import { ENGINE_METRICS, type Engine } from "./engine-metrics.js";
import { detectEngine, type EngineReading, engineReading, type LabelMatch } from "./engine-reading.js";
import { type IntervalFigures, intervalFigures } from "./interval-figures.js";
import {
  MALFORMED_KINDS,
  type MalformedKind,
  type MalformedLine,
  parsePrometheusText,
} from "./prometheus-text.js";
import { type ObservedRates, priceRates } from "./rate-pricing.js";
import { SATURATION_THRESHOLDS, type Saturation, saturationVerdict } from "./saturation.js";
import { WATCH_LIMITS } from "./watch-limits.js";

/** The endpoint answered something `watch` cannot read as a deployment's metrics. */
export class WatchInputError extends Error {}

export interface WatchSessionOptions {
  engine: Engine | "auto";
  match: LabelMatch;
  plans: Plan[];
  /** The peak context that picks per-token price tiers. */
  contextTokens: number;
  /** Hours the run's projected cost covers. */
  runHours: number;
}

/** One plan's price of what was observed. */
export interface WatchPlanPrice {
  id: string;
  label: string;
  kind: Plan["kind"];
  /** $ an hour at the latest interval's rate. */
  usdPerHourNow: number;
  /** $ for the tokens observed since the first scrape. */
  usdSoFar: number;
  /** $ for runHours at the mean rate since the first scrape. */
  usdProjected: number;
}

/** Tokens observed since the first scrape. */
export interface WatchTotals {
  seconds: number;
  promptTokens: number;
  cachedPromptTokens: number;
  generationTokens: number;
  cacheHitFraction: number | null;
}

/** What one successful scrape showed. `figures` is null on the first: a rate needs two scrapes. */
export interface ScrapeReport {
  scrape: number;
  elapsedSeconds: number;
  engine: Engine;
  metricNames: Partial<Record<keyof EngineReading, string>>;
  samples: number;
  malformedLines: number;
  malformedByKind: Partial<Record<MalformedKind, number>>;
  malformedExamples: MalformedLine[];
  figures: IntervalFigures | null;
  saturation: Saturation;
  totals: WatchTotals;
  plans: WatchPlanPrice[];
  warnings: string[];
}

const firstLine = (text: string) => echo(text.trimStart().split("\n")[0] ?? "", 50);

/** Scrapes in, reports out: the counter arithmetic, verdict and prices of a watch, without I/O or clock. */
export class WatchSession {
  engine: Engine | undefined;
  scrapes = 0;
  malformedLines = 0;
  private previous: { reading: EngineReading; atSeconds: number } | undefined;
  private startSeconds: number | undefined;
  private readonly recent: IntervalFigures[] = [];
  private readonly totals = { prompt: 0, cached: 0, generation: 0, seconds: 0 };

  constructor(private readonly options: WatchSessionOptions) {
    if (options.engine !== "auto") this.engine = options.engine;
  }

  /** Reads one scrape's body received at `atSeconds` (monotonic); throws WatchInputError if unreadable. */
  push(body: { text: string; contentType: string }, atSeconds: number): ScrapeReport {
    const type = body.contentType.toLowerCase();
    if (type.includes("html") || type.includes("json"))
      throw new WatchInputError(
        `the endpoint answered ${echo(type.split(";")[0] ?? type)}, not Prometheus text (is it the server's /metrics path?)`,
      );
    const parsed = parsePrometheusText(body.text);
    if (parsed.samples.length === 0 && parsed.malformed.length > 0)
      throw new WatchInputError(
        `the endpoint's answer is not Prometheus text: no metric sample read, ${parsed.malformed.length} unreadable line(s), the first ${firstLine(body.text)}`,
      );
    const engine = this.engine ?? detectEngine(parsed.samples);
    if (engine === undefined)
      throw new WatchInputError(
        `no vLLM, SGLang or Fireworks metrics in the answer (${parsed.samples.length} samples${parsed.samples[0] ? `, e.g. ${echo(parsed.samples[0].name)}` : ""}); pass --engine if the names are right`,
      );
    const reading = engineReading(engine, parsed.samples, this.options.match);
    if (Object.keys(reading).length === 0)
      throw new WatchInputError(
        `none of ${ENGINE_METRICS[engine].label}'s metrics ${Object.keys(this.options.match).length > 0 ? "match --match" : "is in the answer"}`,
      );
    this.engine = engine;
    this.scrapes++;
    this.malformedLines += parsed.malformed.length;
    this.startSeconds ??= atSeconds;

    let figures: IntervalFigures | null = null;
    if (this.previous && atSeconds > this.previous.atSeconds) {
      figures = intervalFigures(engine, this.previous.reading, reading, atSeconds - this.previous.atSeconds);
      this.recent.push(figures);
      if (this.recent.length > SATURATION_THRESHOLDS.sustainedScrapes.value) this.recent.shift();
      this.totals.seconds += figures.seconds;
      this.totals.prompt += (figures.promptTokensPerSecond ?? 0) * figures.seconds;
      this.totals.cached += (figures.cachedPromptTokensPerSecond ?? 0) * figures.seconds;
      this.totals.generation += (figures.generationTokensPerSecond ?? 0) * figures.seconds;
    }
    this.previous = { reading, atSeconds };

    const priced = figures ? this.prices(figures) : { plans: [], warnings: [] };
    const byKind: Partial<Record<MalformedKind, number>> = {};
    for (const m of parsed.malformed) byKind[m.kind] = (byKind[m.kind] ?? 0) + 1;
    const names: ScrapeReport["metricNames"] = {};
    for (const [quantity, found] of Object.entries(reading))
      names[quantity as keyof EngineReading] = found.name;
    return {
      scrape: this.scrapes,
      elapsedSeconds: atSeconds - this.startSeconds,
      engine,
      metricNames: names,
      samples: parsed.samples.length,
      malformedLines: parsed.malformed.length,
      malformedByKind: Object.fromEntries(
        MALFORMED_KINDS.filter((k) => byKind[k]).map((k) => [k, byKind[k]]),
      ),
      malformedExamples: parsed.malformed.slice(0, WATCH_LIMITS.malformedExamples),
      figures,
      saturation: saturationVerdict(this.recent),
      totals: this.currentTotals(),
      plans: priced.plans,
      warnings: [...this.warnings(engine, figures, parsed.malformed.length), ...priced.warnings],
    };
  }

  private currentTotals(): WatchTotals {
    const { prompt, cached, generation, seconds } = this.totals;
    return {
      seconds,
      promptTokens: prompt,
      cachedPromptTokens: cached,
      generationTokens: generation,
      cacheHitFraction: prompt > 0 ? cached / prompt : null,
    };
  }

  private prices(figures: IntervalFigures): { plans: WatchPlanPrice[]; warnings: string[] } {
    const { plans, contextTokens, runHours } = this.options;
    const now: ObservedRates = {
      promptTokensPerSecond: figures.promptTokensPerSecond ?? 0,
      cachedPromptTokensPerSecond: figures.cachedPromptTokensPerSecond ?? 0,
      generationTokensPerSecond: figures.generationTokensPerSecond ?? 0,
    };
    const { prompt, cached, generation, seconds } = this.totals;
    const mean: ObservedRates = {
      promptTokensPerSecond: prompt / seconds,
      cachedPromptTokensPerSecond: cached / seconds,
      generationTokensPerSecond: generation / seconds,
    };
    let atNow: ReturnType<typeof priceRates>;
    let atMean: ReturnType<typeof priceRates>;
    try {
      atNow = priceRates(now, plans, contextTokens);
      atMean = priceRates(mean, plans, contextTokens);
    } catch (error) {
      // Only absurd exported values (past 1e300 tokens a second) make an hour of tokens unpriceable.
      if (!(error instanceof RangeError)) throw error;
      return { plans: [], warnings: [`not priced: ${error.message}`] };
    }
    const priced = atNow.map((p, i) => {
      const usdPerHourMean = atMean[i]?.usdPerHour ?? 0;
      return {
        id: p.id,
        label: p.label,
        kind: p.kind,
        usdPerHourNow: p.usdPerHour,
        usdSoFar: (usdPerHourMean * seconds) / 3600,
        usdProjected: usdPerHourMean * runHours,
      };
    });
    return { plans: priced, warnings: [...new Set(atNow.flatMap((p) => p.warnings))] };
  }

  private warnings(engine: Engine, figures: IntervalFigures | null, malformed: number): string[] {
    const out: string[] = [];
    if (malformed > 0) out.push(`${malformed} line(s) of this scrape could not be read (counted, not used)`);
    if (!figures) return out;
    if (figures.resets.length > 0)
      out.push(
        `counters went down (a server restart): ${figures.resets.join(", ")}; their new values were taken as the interval's counts`,
      );
    if (figures.generationTokensPerSecond === null)
      out.push(`${ENGINE_METRICS[engine].label} exports no generated-token count: decode is not priced`);
    if (figures.promptTokensPerSecond !== null && figures.cachedPromptTokensPerSecond === null)
      out.push("the endpoint exports no prefix-cache figure: prompt tokens are priced as uncached");
    return out;
  }
}
