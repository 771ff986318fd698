// The bounds `watch` runs within, in one place, each with why.

/** The Fireworks metrics endpoint's host; its page documents the key and the rate limit below. */
export const FIREWORKS_METRICS_HOST = "api.fireworks.ai";

/** The environment variable the Fireworks API key is read from unless --api-key-env names another. */
export const DEFAULT_API_KEY_ENV = "FIREWORKS_API_KEY";

export const WATCH_LIMITS = {
  /** Seconds between scrapes of a local engine: vLLM and SGLang update their gauges every engine step. */
  defaultIntervalSeconds: 5,
  /**
   * Fireworks: "metrics are updated every 30s", a 1-minute scrape interval is recommended and an account
   * may make at most 6 requests a minute (HTTP 429 past it): https://docs.fireworks.ai/deployments/exporting-metrics
   */
  fireworksDefaultIntervalSeconds: 60,
  fireworksMinIntervalSeconds: 10,
  /** Loopback may be scraped fast (tests replay scrapes at this pace); a remote host no faster than 1 s. */
  loopbackMinIntervalSeconds: 0.05,
  remoteMinIntervalSeconds: 1,
  maxIntervalSeconds: 3600,
  /** A watch ends by itself: an hour unless --duration says otherwise, a week at the most. */
  defaultDurationSeconds: 3600,
  maxDurationSeconds: 7 * 24 * 3600,
  /** Per scrape; a server too busy to answer /metrics in 10 s is itself a finding. */
  defaultTimeoutSeconds: 10,
  minTimeoutSeconds: 0.05,
  maxTimeoutSeconds: 120,
  /** A /metrics page of vLLM with many engines and histograms is well under 1 MiB; refuse past 32 MiB. */
  maxResponseBytes: 32 * 1024 * 1024,
  /** Malformed lines kept as examples in each report (all are counted). */
  malformedExamples: 3,
} as const;
