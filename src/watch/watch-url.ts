import { echo } from "../format/echo.js";

/** A metrics URL `watch` may scrape, and what kind of host it is on. */
export interface WatchTarget {
  url: URL;
  /** The host is this machine (127.0.0.0/8, ::1, localhost, 0.0.0.0). */
  loopback: boolean;
}

/** An answer that names the problem, for the CLI to report. */
export type TargetResult = { ok: true; target: WatchTarget } | { ok: false; reason: string };

/** Whether `hostname` (as URL.hostname gives it) is this machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, "");
  if (host === "localhost" || host.endsWith(".localhost") || host === "::1") return true;
  // 0.0.0.0 as a destination reaches this machine (vLLM's docs curl http://0.0.0.0:8000/metrics).
  if (host === "0.0.0.0") return true;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (v4?.slice(1).every((n) => Number(n) <= 255)) return v4[1] === "127";
  return /^::ffff:127\./.test(host) || /^::ffff:7f[0-9a-f]{2}:/.test(host);
}

/**
 * The URL `raw` if it is http(s) without credentials, on a loopback host or one of `allowedHosts`
 * (host names compared case-insensitively, without port); otherwise the reason, naming the value.
 */
export function watchTarget(raw: string, allowedHosts: readonly string[]): TargetResult {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: `not a URL: ${echo(raw)} (expected like http://127.0.0.1:8000/metrics)` };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    return { ok: false, reason: `only http and https URLs can be watched, got ${echo(url.protocol)}` };
  if (url.username !== "" || url.password !== "")
    return {
      ok: false,
      reason:
        "the URL carries a user name or password: put an API key in an environment variable (--api-key-env)",
    };
  const loopback = isLoopbackHost(url.hostname);
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, "");
  const allowed = allowedHosts.map((h) => h.toLowerCase().replace(/^\[|\]$/g, ""));
  if (!loopback && !allowed.includes(host))
    return {
      ok: false,
      reason: `host ${echo(url.hostname)} is not this machine: only loopback hosts are watched unless --allow-host ${host} is given`,
    };
  return { ok: true, target: { url, loopback } };
}
