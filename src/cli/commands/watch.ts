import { echo } from "../../format/echo.js";
import { SHAPE_KEYS } from "../../scenario/fields.js";
import { planOffer } from "../../scenario/plans.js";
import { resolveScenario } from "../../scenario/resolve.js";
import { SATURATION_THRESHOLDS } from "../../watch/saturation.js";
import { type ScrapeResult, scrape } from "../../watch/scrape.js";
import { DEFAULT_API_KEY_ENV, FIREWORKS_METRICS_HOST, WATCH_LIMITS } from "../../watch/watch-limits.js";
import { type ScrapeReport, WatchInputError, WatchSession } from "../../watch/watch-session.js";
import { CliError } from "../cli-error.js";
import type { Command } from "../context.js";
import { parseFlags } from "../flags.js";
import { importedPlans } from "../options/plan-inputs.js";
import {
  explained,
  fieldFlags,
  PLAN_FIELD_KEYS,
  SCENARIO_FILE_FLAG,
  scenarioValuesFromFlags,
} from "../options/scenario-flags.js";
import { watchOptions } from "../options/watch-options.js";
import { type WatchSummary, watchBlock, watchLine, watchSummaryText } from "../report/watch-view.js";

// The deployment gives the workload: of the scenario's fields, only those that choose plans and the model apply.
const PRICE_KEYS = PLAN_FIELD_KEYS.filter(
  (key) => !["episodes", ...SHAPE_KEYS, "contextPolicy", "minimumBilledHours"].includes(key),
);
const PRICE_FLAGS = {
  ...fieldFlags(PRICE_KEYS),
  ...SCENARIO_FILE_FLAG,
  prices: { type: "string" },
  "prices-key": { type: "string" },
} as const;

const FLAGS = {
  engine: { type: "string" },
  interval: { type: "string" },
  duration: { type: "string" },
  timeout: { type: "string" },
  "allow-host": { type: "string" },
  "api-key-env": { type: "string" },
  match: { type: "string" },
  "context-tokens": { type: "string" },
  "run-hours": { type: "string" },
  preset: { type: "string" },
  model: { type: "string" },
  gpus: { type: "string" },
  "prompt-tps": { type: "string" },
  "decode-tps": { type: "string" },
  ...PRICE_FLAGS,
  json: { type: "boolean" },
} as const;

const L = WATCH_LIMITS;
const T = SATURATION_THRESHOLDS;

export const watch: Command = {
  summary: "scrape a vLLM, SGLang or Fireworks metrics endpoint: live tok/s, cache hit, saturation, $/hour",
  help: `Usage: rollout-cost watch <metrics-url> [options]

Scrapes a serving engine's Prometheus metrics (vLLM, SGLang, or a Fireworks
deployment's exported metrics) at an interval and shows, from the counters'
growth between scrapes: prompt and generation tok/s, the prefix-cache hit,
KV cache use, running and waiting requests, preemptions, whether the
deployment looks saturated (and what to do about it), and the observed rate
priced on every plan: $/hour now, $ so far, and the run's projected cost.
A counter that goes down (a restart) counts from its new value. Lines that
cannot be read are counted and reported. Ctrl-C stops it.

Endpoint
  --engine <e>           auto (default: from the metric names), vllm, sglang, fireworks
  --allow-host <h,...>   hosts besides this machine that may be scraped
                         (e.g. ${FIREWORKS_METRICS_HOST}); others are refused
  --api-key-env <NAME>   send the key in this environment variable as a bearer
                         token (default for https://${FIREWORKS_METRICS_HOST}: ${DEFAULT_API_KEY_ENV})
  --match <l=v,...>      only series with these label values (e.g. model_name=...,
                         deployment_id=...); default: every series, summed
Timing
  --interval <s>         seconds between scrapes (default ${L.defaultIntervalSeconds}; Fireworks ${L.fireworksDefaultIntervalSeconds},
                         at least ${L.fireworksMinIntervalSeconds}: it allows 6 scrapes a minute); at least ${L.loopbackMinIntervalSeconds} on
                         this machine, ${L.remoteMinIntervalSeconds} elsewhere; an HTTP 429 (rate limited)
                         slows it to one scrape every ${L.fireworksDefaultIntervalSeconds} s
  --duration <s>         stop after this long (default ${L.defaultDurationSeconds}, at most ${L.maxDurationSeconds})
  --timeout <s>          per scrape (default ${L.defaultTimeoutSeconds}, ${L.minTimeoutSeconds}..${L.maxTimeoutSeconds})
Pricing (as in compare; each plan bills an hour of the observed tokens)
  --preset, --model, --plans, --gpu, --gpus, --throughput, --prompt-tps, --decode-tps, --overlap,
  --cache-kept, --self-hosted*, --custom-*, --prices, --prices-key, --baseline, --scenario
  --context-tokens <n>   the longest context, which picks per-token price tiers
                         (default 0: each plan's smallest tier)
  --run-hours <h>        hours the projection covers (default: --duration)
Output
  --json                 one JSON object a line (NDJSON): "scrape", "error" and a
                         closing "summary" record, unrounded
  -h, --help             this text

Saturated: requests waited in each of the last ${T.sustainedScrapes.value} scrapes, or KV use stayed at
${T.kvUsageFraction.value * 100}% or more in each, or a request was preempted. Headroom: raise rollout
concurrency before adding replicas. vLLM's cached tokens are its prefix-cache
hit fraction (hits ÷ queries) times its prompt tokens.

Exit codes: 0 stopped at --duration or by Ctrl-C, 1 the first scrape failed
(unreachable, HTTP error, timeout), 2 bad input or an answer that is not a
deployment's Prometheus metrics (one line on stderr).`,
  async run(argv, context) {
    const { values, positionals } = parseFlags(argv, FLAGS, true);
    if (positionals.length !== 1)
      throw new CliError(
        `watch takes one metrics URL, got ${positionals.length === 0 ? "none" : positionals.map((p) => echo(p)).join(" ")}`,
      );
    const o = watchOptions(positionals[0] as string, values, context);
    const { url, runHours } = o;
    const scenarioValues = await scenarioValuesFromFlags(values, PRICE_KEYS);
    const imported = await importedPlans(values);
    const scenario = explained(() => resolveScenario(scenarioValues));
    const { plans } = explained(() => planOffer(scenario, imported.plans));

    const session = new WatchSession({
      engine: o.engine,
      match: o.match,
      plans,
      contextTokens: o.contextTokens,
      runHours,
    });
    let interval =
      o.intervalGiven ?? (o.fireworks ? L.fireworksDefaultIntervalSeconds : L.defaultIntervalSeconds);
    const json = values.json === true;
    const tty = !json && (context.stdout as { isTTY?: boolean }).isTTY === true;
    const now = () => performance.now() / 1000;
    const start = now();
    const deadline = start + o.durationSeconds;
    const summary: WatchSummary = {
      stopped: "duration",
      scrapes: 0,
      failedScrapes: 0,
      malformedLines: 0,
      last: undefined,
    };
    let floorNoted = false;
    let printedWarnings: string[] = [];
    let attempt = 0;

    // A reader that goes away (`watch ... --json | head -3`) ends the watch like Ctrl-C, without a crash.
    const stop = new AbortController();
    const signal = AbortSignal.any([context.signal, stop.signal]);
    const stream = context.stdout as Partial<NodeJS.WritableStream>;
    const onError = () => stop.abort();
    stream.on?.("error", onError);
    const write = (text: string) => {
      if (!stop.signal.aborted) context.stdout.write(text);
    };

    try {
      while (!signal.aborted && now() < deadline) {
        const began = now();
        attempt++;
        const timeoutMs = Math.max(1, Math.ceil(Math.min(o.timeoutSeconds, deadline - began) * 1000));
        const result: ScrapeResult = await scrape(url, {
          timeoutMs,
          maxBytes: L.maxResponseBytes,
          signal,
          ...(o.bearerKey !== undefined && { bearerKey: o.bearerKey }),
        });
        if (signal.aborted || now() >= deadline) break;
        let report: ScrapeReport | undefined;
        let failure: string | undefined;
        if (!result.ok) {
          failure = result.message;
          // Rate limited: slow down to the pace the Fireworks page recommends rather than keep hitting it.
          if (result.status === 429 && interval < L.fireworksDefaultIntervalSeconds) {
            interval = L.fireworksDefaultIntervalSeconds;
            failure += `; scraping every ${interval} s from now on`;
          }
        } else {
          try {
            report = explained(() => session.push(result, now()), "watch");
          } catch (error) {
            if (!(error instanceof WatchInputError)) throw error;
            if (session.scrapes === 0) throw new CliError(`${url.href}: ${error.message}`, 2);
            failure = error.message;
          }
        }
        if (failure !== undefined) {
          if (session.scrapes === 0) throw new CliError(`cannot scrape ${url.href}: ${failure}`, 1);
          summary.failedScrapes++;
          const record = { type: "error", attempt, elapsedSeconds: began - start, error: failure };
          write(json ? `${JSON.stringify(record)}\n` : `[scrape ${attempt} failed] ${failure}\n`);
        } else if (report) {
          if (report.engine === "fireworks" && !o.fireworks && interval < L.fireworksMinIntervalSeconds) {
            interval =
              o.intervalGiven === undefined
                ? L.fireworksDefaultIntervalSeconds
                : L.fireworksMinIntervalSeconds;
            if (!floorNoted)
              report.warnings.push(
                `Fireworks metrics: scraping every ${interval} s (6 scrapes a minute at most)`,
              );
            floorNoted = true;
          }
          summary.last = report;
          if (json) write(`${JSON.stringify({ type: "scrape", ...report }, finite)}\n`);
          else if (tty) write(`\x1b[H\x1b[2J${watchBlock(report, url.href, runHours)}`);
          else {
            write(watchLine(report, printedWarnings));
            printedWarnings = report.warnings;
          }
        }
        // The watch ends at --duration; a timer may fire a little early, so a scrape due at or past it is not begun.
        const next = began + interval;
        await sleep(Math.min(next, deadline) - now(), signal);
        if (next >= deadline) break;
      }
      if (signal.aborted) summary.stopped = "interrupted";
      summary.scrapes = session.scrapes;
      summary.malformedLines = session.malformedLines;
      if (json) {
        const { last, ...rest } = summary;
        const closing = { type: "summary", ...rest, totals: last?.totals ?? null, plans: last?.plans ?? [] };
        write(`${JSON.stringify(closing, finite)}\n`);
      } else write(watchSummaryText(summary, runHours));
    } finally {
      stream.removeListener?.("error", onError);
    }
  },
};

// Never print NaN or Infinity: JSON has no such numbers, and a reader would take null for "not exported".
function finite(_key: string, value: unknown): unknown {
  return typeof value === "number" && !Number.isFinite(value) ? null : value;
}

function sleep(seconds: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (seconds <= 0 || signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, seconds * 1000);
    signal.addEventListener("abort", done, { once: true });
  });
}
