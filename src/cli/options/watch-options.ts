import { cutText, echo } from "../../format/echo.js";
import { ENGINES, type Engine } from "../../watch/engine-metrics.js";
import type { LabelMatch } from "../../watch/engine-reading.js";
import { DEFAULT_API_KEY_ENV, FIREWORKS_METRICS_HOST, WATCH_LIMITS as L } from "../../watch/watch-limits.js";
import { watchTarget } from "../../watch/watch-url.js";
import { CliError } from "../cli-error.js";
import type { CliContext } from "../context.js";
import { choiceFlag, numberFlag } from "../flags.js";

/** What `watch` was asked to do, checked: every bad value is a CliError naming its flag. */
export interface WatchOptions {
  url: URL;
  loopback: boolean;
  engine: Engine | "auto";
  /** The Fireworks endpoint (by host or --engine): its interval floor applies from the start. */
  fireworks: boolean;
  intervalGiven: number | undefined;
  durationSeconds: number;
  timeoutSeconds: number;
  contextTokens: number;
  runHours: number;
  match: LabelMatch;
  bearerKey: string | undefined;
}

type Values = Partial<
  Record<
    | "allow-host"
    | "engine"
    | "interval"
    | "duration"
    | "timeout"
    | "context-tokens"
    | "run-hours"
    | "match"
    | "api-key-env",
    string
  >
>;

/** The watch's URL and flags, validated before anything is scraped. */
export function watchOptions(rawUrl: string, values: Values, context: CliContext): WatchOptions {
  const target = watchTarget(rawUrl, listFlag(values["allow-host"]));
  if (!target.ok) throw new CliError(target.reason);
  const { url, loopback } = target.target;
  const engine = choiceFlag("engine", values.engine, ["auto", ...ENGINES] as const) ?? "auto";
  const fireworksHost = url.hostname.toLowerCase() === FIREWORKS_METRICS_HOST;
  const fireworks = fireworksHost || engine === "fireworks";
  const floor = fireworks
    ? L.fireworksMinIntervalSeconds
    : loopback
      ? L.loopbackMinIntervalSeconds
      : L.remoteMinIntervalSeconds;
  const intervalGiven = numberFlag("interval", values.interval, { min: floor, max: L.maxIntervalSeconds });
  const durationSeconds =
    numberFlag("duration", values.duration, { min: 0, max: L.maxDurationSeconds, exclusiveMin: true }) ??
    L.defaultDurationSeconds;
  const timeoutSeconds =
    numberFlag("timeout", values.timeout, { min: L.minTimeoutSeconds, max: L.maxTimeoutSeconds }) ??
    L.defaultTimeoutSeconds;
  const contextTokens =
    numberFlag("context-tokens", values["context-tokens"], { integer: true, min: 0, max: 100_000_000 }) ?? 0;
  const runHours =
    numberFlag("run-hours", values["run-hours"], { min: 0, max: 1_000_000, exclusiveMin: true }) ??
    durationSeconds / 3600;
  return {
    url,
    loopback,
    engine,
    fireworks,
    intervalGiven,
    durationSeconds,
    timeoutSeconds,
    contextTokens,
    runHours,
    match: matchFlag(values.match),
    bearerKey: apiKey(values["api-key-env"], fireworksHost, url, loopback, context),
  };
}

function listFlag(raw: string | undefined): string[] {
  if (raw === undefined) return [];
  const items = raw.split(",").map((h) => h.trim());
  if (items.some((h) => !/^[\w.:[\]-]+$/.test(h)))
    throw new CliError(`--allow-host must be host names joined by commas, got ${echo(raw)}`);
  return items;
}

function matchFlag(raw: string | undefined): LabelMatch {
  const match: LabelMatch = Object.create(null);
  if (raw === undefined) return match;
  for (const pair of raw.split(",")) {
    const m = /^\s*([a-zA-Z_][a-zA-Z0-9_]*)=(.*)$/.exec(pair);
    if (!m) throw new CliError(`--match must be label=value pairs joined by commas, got ${echo(raw)}`);
    match[m[1] as string] = (m[2] as string).trim();
  }
  return match;
}

function apiKey(
  envFlag: string | undefined,
  fireworksHost: boolean,
  url: URL,
  loopback: boolean,
  context: CliContext,
): string | undefined {
  if (envFlag !== undefined && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(envFlag))
    throw new CliError(`--api-key-env must be an environment variable name, got ${echo(envFlag)}`);
  const name = envFlag ?? (fireworksHost ? DEFAULT_API_KEY_ENV : undefined);
  if (name === undefined) return undefined;
  const key = context.env[name];
  if (key === undefined || key === "")
    throw new CliError(
      `${cutText(name, 60)} is not set: ${fireworksHost ? "the Fireworks metrics endpoint needs an API key" : "--api-key-env names it"}`,
    );
  if (url.protocol === "http:" && !loopback)
    throw new CliError(
      `will not send the key in ${cutText(name, 60)} over plain http to ${echo(url.hostname)}: use https`,
    );
  if (/[\r\n]/.test(key)) throw new CliError(`${cutText(name, 60)} holds a line break: not a usable API key`);
  return key;
}
