// One GET of a metrics endpoint: the only network I/O of `watch`.

/** The body of a scrape, or why there is none. `aborted` means the caller's signal (Ctrl-C) fired. */
export type ScrapeResult =
  | { ok: true; text: string; contentType: string }
  | {
      ok: false;
      kind: "aborted" | "timeout" | "network" | "http" | "tooLarge";
      message: string;
      status?: number;
    };

export interface ScrapeOptions {
  timeoutMs: number;
  maxBytes: number;
  /** Sent as `Authorization: Bearer <key>`. */
  bearerKey?: string;
  signal: AbortSignal;
}

/** GETs `url` once: no redirects followed (a redirect could leave the allowed host), a timeout, a size cap. */
export async function scrape(url: URL, options: ScrapeOptions): Promise<ScrapeResult> {
  const timeout = AbortSignal.timeout(Math.max(1, Math.ceil(options.timeoutMs)));
  const signal = AbortSignal.any([options.signal, timeout]);
  const headers: Record<string, string> = {
    accept: "text/plain;version=0.0.4;q=1, application/openmetrics-text;q=0.5, */*;q=0.1",
  };
  if (options.bearerKey !== undefined) headers.authorization = `Bearer ${options.bearerKey}`;
  try {
    const response = await fetch(url, { headers, redirect: "manual", signal });
    if (response.status !== 200) {
      await response.body?.cancel();
      const hint =
        response.status === 429
          ? " (rate limited: scrape less often)"
          : response.status === 401 || response.status === 403
            ? " (the API key was refused or is missing)"
            : response.status === 404
              ? " (no such path: vLLM serves /metrics, SGLang too when started with --enable-metrics)"
              : response.status >= 300 && response.status < 400
                ? " (a redirect: give the final URL)"
                : "";
      return { ok: false, kind: "http", status: response.status, message: `HTTP ${response.status}${hint}` };
    }
    const text = await readCapped(response, options.maxBytes);
    if (text === undefined)
      return { ok: false, kind: "tooLarge", message: `the answer is larger than ${options.maxBytes} bytes` };
    return { ok: true, text, contentType: response.headers.get("content-type") ?? "" };
  } catch (error) {
    if (options.signal.aborted) return { ok: false, kind: "aborted", message: "interrupted" };
    if (timeout.aborted)
      return { ok: false, kind: "timeout", message: `no answer within ${options.timeoutMs / 1000} s` };
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { ok: false, kind: "network", message: cause?.code ?? cause?.message ?? String(error) };
  }
}

async function readCapped(response: Response, maxBytes: number): Promise<string | undefined> {
  const reader = response.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
