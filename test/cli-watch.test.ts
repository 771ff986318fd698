import { readFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { watchLine } from "../src/cli/report/watch-view.js";
import { runCli } from "../src/cli/run.js";
import { type ScrapeReport, WatchSession } from "../src/watch/watch-session.js";

const fixture = (path: string) => readFileSync(new URL(`fixtures/metrics/${path}`, import.meta.url), "utf8");
const scrapes = (dir: string, count: number) =>
  Array.from({ length: count }, (_, i) => fixture(`${dir}/scrape-${i + 1}.txt`));

type Answer = string | { status: number; body?: string; type?: string } | "hang";

/** A /metrics server on 127.0.0.1 that answers its recorded scrapes in order, then repeats the last. */
async function replayServer(answers: Answer[]) {
  const seen: IncomingHttpHeaders[] = [];
  const server: Server = createServer((request, response) => {
    seen.push(request.headers);
    const answer = answers[Math.min(seen.length, answers.length) - 1] as Answer;
    if (answer === "hang") return; // never answers: the client's timeout must end it
    if (typeof answer === "string") {
      response.writeHead(200, { "content-type": "text/plain; version=0.0.4; charset=utf-8" });
      response.end(answer);
    } else {
      response.writeHead(answer.status, { "content-type": answer.type ?? "text/plain" });
      response.end(answer.body ?? "");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  servers.push(close);
  return { url: `http://127.0.0.1:${port}/metrics`, port, seen, close };
}

const servers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((close) => close()));
});

/** Runs the CLI in this process; `abort` fires the context's signal as Ctrl-C does in main.ts. */
function watchCli(args: string[], env: Record<string, string> = {}) {
  const controller = new AbortController();
  let stdout = "";
  let stderr = "";
  const started = performance.now();
  const done = runCli(["watch", ...args], {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdin: new PassThrough(),
    env,
    signal: controller.signal,
  }).then((code) => ({ code, stdout, stderr, seconds: (performance.now() - started) / 1000 }));
  return { done, abort: () => controller.abort(), stdout: () => stdout };
}

const records = (stdout: string) =>
  stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line));

describe("rollout-cost watch against a replaying vLLM /metrics server", () => {
  it("shows the right deltas, hit rate, reset and saturation verdict, and exits at --duration", async () => {
    const server = await replayServer(scrapes("vllm", 5));
    const run = await watchCli([server.url, "--interval", "0.05", "--duration", "2", "--json"]).done;
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.seconds).toBeGreaterThanOrEqual(1.95); // runs its --duration of 2 s, and stops soon after
    expect(run.seconds).toBeLessThan(3.5);
    const lines = records(run.stdout);
    const scraped = lines.filter((r) => r.type === "scrape");
    expect(scraped.length).toBeGreaterThanOrEqual(5);
    const [s1, s2, s3, s4, s5] = scraped;
    expect(s1.figures).toBeNull();
    // Deltas are rate × seconds, whatever the timing: +10,000, +10,000, then the restart's 5,000, +10,000.
    const prompt = (r: { figures: { promptTokensPerSecond: number; seconds: number } }) =>
      r.figures.promptTokensPerSecond * r.figures.seconds;
    expect([s2, s3, s4, s5].map((r) => Math.round(prompt(r)))).toEqual([10000, 10000, 5000, 10000]);
    const hit = (r: { figures: { cacheHitFraction: number } }) =>
      Number(r.figures.cacheHitFraction.toFixed(12));
    expect([s2, s3, s4, s5].map(hit)).toEqual([0.8, 0.8, 0.5, 0.75]);
    expect(s4.figures.resets).toContain("promptTokens");
    expect(s3.malformedLines).toBe(1);
    expect([s2, s3, s4, s5].map((r) => r.saturation.verdict)).toEqual([
      "headroom",
      "headroom",
      "headroom",
      "saturated",
    ]);
    expect(s5.figures.preemptions).toBe(2);
    expect(s5.plans.map((p: { id: string }) => p.id)).toEqual(["tinker", "dedicated"]);
    const summary = lines[lines.length - 1];
    expect(summary).toMatchObject({ type: "summary", stopped: "duration", failedScrapes: 0 });
    expect(summary.malformedLines).toBe(1);
    expect(summary.scrapes).toBe(scraped.length);
    // 35,000 prompt tokens over the five scrapes; the repeated last scrape adds none.
    expect(summary.totals.promptTokens).toBeCloseTo(35000, 3);
    expect(run.stdout).not.toMatch(/NaN|Infinity/);
  });

  it("exits cleanly on Ctrl-C (the abort signal) with a summary", async () => {
    const server = await replayServer(scrapes("vllm", 5));
    const run = watchCli([server.url, "--interval", "0.05", "--duration", "60", "--json"]);
    while (server.seen.length < 3) await new Promise((r) => setTimeout(r, 10));
    run.abort();
    const result = await run.done;
    expect(result.code).toBe(0);
    expect(result.seconds).toBeLessThan(10);
    const last = records(result.stdout).at(-1);
    expect(last).toMatchObject({ type: "summary", stopped: "interrupted" });
  });

  it("prints one plain line a scrape when stdout is not a terminal", async () => {
    const server = await replayServer(scrapes("sglang", 3));
    const run = await watchCli([server.url, "--interval", "0.05", "--duration", "0.5"]).done;
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/#1 SGLang: first scrape read/);
    expect(lines[1]).toMatch(
      /cache hit 83\.3% · KV 60\.0% · running 24 · waiting 0 · preempted — · headroom · tinker \$/,
    );
    expect(lines[2]).toMatch(
      /counters went down \(a server restart\): promptTokens, cachedPromptTokens, generationTokens, requests; their new values/,
    );
    const closing = lines.findIndex((l) => l.startsWith("--duration reached"));
    expect(lines[closing]).toMatch(/^--duration reached: \d+ scrape\(s\), 0 failed, 1 malformed line\(s\)$/);
    // 60,000 + 30,000 (the restart) prompt tokens, cache hit (50,000 + 15,000) / 90,000 = 72.2%.
    expect(lines[closing + 1]).toMatch(
      /^observed 90,000 prompt tokens \(cache hit 72\.2%\), 15,000 generated, in 0:00:00$/,
    );
    expect(lines[closing + 2]).toMatch(/^tinker \$[\d.]+ so far, \$[\d.]+ for 0\.000139 h; dedicated /);
    expect(run.stdout).not.toContain("\x1b[");
  });

  it("redraws in place on a terminal", async () => {
    const server = await replayServer(scrapes("vllm", 5));
    let stdout = "";
    const code = await runCli(
      ["watch", server.url, "--interval", "0.05", "--duration", "0.4", "--run-hours", "48"],
      {
        stdout: { write: (text: string) => (stdout += text), isTTY: true } as {
          write(text: string): unknown;
        },
        stderr: { write: () => undefined },
        stdin: new PassThrough(),
        env: {},
        signal: new AbortController().signal,
      },
    );
    expect(code).toBe(0);
    const frames = stdout.split("\x1b[H\x1b[2J").filter((f) => f !== "");
    expect(frames.length).toBeGreaterThanOrEqual(3);
    expect(frames[1]).toMatch(/cache hit +80\.0% now/);
    expect(frames[1]).toMatch(/plan +\$\/hour now +so far +48\.00 h run/);
    expect(frames[1]).toMatch(/tinker +\$/);
  });

  it("reports a later failed scrape as an error record and carries on", async () => {
    const [first = "", second = ""] = scrapes("vllm", 2);
    const server = await replayServer([first, { status: 500, body: "oops" }, second]);
    const run = await watchCli([server.url, "--interval", "0.05", "--duration", "0.6", "--json"]).done;
    expect(run.code).toBe(0);
    const lines = records(run.stdout);
    expect(lines[1]).toMatchObject({ type: "error", error: "HTTP 500" });
    expect(lines[2]).toMatchObject({ type: "scrape", scrape: 2 });
    expect(lines.at(-1)).toMatchObject({ type: "summary", failedScrapes: 1 });
  });

  it("backs off to one scrape a minute when rate limited (HTTP 429)", async () => {
    const [first = ""] = scrapes("vllm", 1);
    const server = await replayServer([first, { status: 429 }, first]);
    const run = await watchCli([server.url, "--interval", "0.05", "--duration", "0.6", "--json"]).done;
    expect(run.code).toBe(0);
    const lines = records(run.stdout);
    expect(lines[1]).toMatchObject({
      type: "error",
      error: "HTTP 429 (rate limited: scrape less often); scraping every 60 s from now on",
    });
    expect(server.seen.length).toBe(2);
  });

  it("sends the bearer key from --api-key-env and keeps Fireworks metrics to 6 scrapes a minute", async () => {
    const server = await replayServer(scrapes("fireworks", 2));
    const run = await watchCli(
      [server.url, "--api-key-env", "TEST_FW_KEY", "--interval", "0.05", "--duration", "0.5", "--json"],
      { TEST_FW_KEY: "fw-secret" },
    ).done;
    expect(run.code).toBe(0);
    expect(server.seen[0]?.authorization).toBe("Bearer fw-secret");
    expect(server.seen.length).toBe(1); // the next scrape would be 10 s later, past --duration
    expect(records(run.stdout)[0].warnings.join(" ")).toMatch(/scraping every 10 s/);
    expect(run.stdout).not.toContain("fw-secret");
  });
});

describe("watchLine", () => {
  it("prints a warning once, not again on every line while it holds", () => {
    const session = new WatchSession({ engine: "auto", match: {}, plans: [], contextTokens: 0, runHours: 1 });
    const [first, second, third] = [1, 2, 2].map((i, k) => {
      const report = session.push(
        { text: fixture(`fireworks/scrape-${i}.txt`), contentType: "text/plain" },
        60 * k,
      );
      return report;
    }) as [ScrapeReport, ScrapeReport, ScrapeReport];
    expect(first.figures).toBeNull();
    const warned = watchLine(second, first.warnings);
    expect(warned).toMatch(
      /prompt 24,100 tok\/s · gen — · cache hit 83\.0% · KV 71\.0% · running 49 · waiting — /,
    );
    expect(warned).toMatch(/\(Fireworks deployment exports no generated-token count: decode is not priced\)/);
    expect(third.warnings).toEqual(second.warnings);
    expect(watchLine(third, second.warnings)).not.toContain("(");
  });
});

describe("rollout-cost watch --help", () => {
  it("lists the flags, the verdict's rule and the exit codes", async () => {
    const run = await watchCli(["--help"]).done;
    expect(run.code).toBe(0);
    expect(run.stdout).toMatchSnapshot();
  });

  it("is listed among the commands", async () => {
    let stdout = "";
    await runCli([], {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: () => undefined },
      stdin: new PassThrough(),
      env: {},
      signal: new AbortController().signal,
    });
    expect(stdout).toMatch(/\n {2}watch +scrape a vLLM, SGLang or Fireworks metrics endpoint/);
  });
});

describe("rollout-cost watch: bad input is exit 2 and one line; a dead endpoint is exit 1", () => {
  it.each([
    [[], /watch takes one metrics URL, got none/],
    [["not a url"], /not a URL: "not a url"/],
    [["ftp://127.0.0.1/metrics"], /only http and https URLs can be watched, got "ftp:"/],
    [["http://example.com/metrics"], /host "example.com" is not this machine: .*--allow-host example.com/],
    [["http://user:pw@127.0.0.1:1/metrics"], /carries a user name or password/],
    [["http://127.0.0.1:1/metrics", "--interval", "0.01"], /--interval must be a number >= 0.05/],
    [
      ["http://127.0.0.1:1/metrics", "--engine", "fireworks", "--interval", "5"],
      /--interval must be a number >= 10/,
    ],
    [
      ["http://127.0.0.1:1/metrics", "--engine", "tgi"],
      /--engine must be one of auto, vllm, sglang, fireworks/,
    ],
    [["http://127.0.0.1:1/metrics", "--duration", "0"], /--duration must be a number > 0/],
    [["http://127.0.0.1:1/metrics", "--duration", "1e9"], /--duration must be a number > 0 and <= 604800/],
    [["http://127.0.0.1:1/metrics", "--timeout", "0"], /--timeout must be a number >= 0.05/],
    [["http://127.0.0.1:1/metrics", "--match", "no-equals"], /--match must be label=value pairs/],
    [
      ["http://127.0.0.1:1/metrics", "--api-key-env", "1BAD"],
      /--api-key-env must be an environment variable name/,
    ],
    [["http://127.0.0.1:1/metrics", "--api-key-env", "UNSET_KEY"], /UNSET_KEY is not set/],
    [["http://127.0.0.1:1/metrics", "--model", "nope"], /--model: unknown model/],
    [["http://127.0.0.1:1/metrics", "--bogus"], /Unknown option '--bogus'/],
    [
      ["https://api.fireworks.ai/v1/accounts/acme/metrics", "--allow-host", "api.fireworks.ai"],
      /FIREWORKS_API_KEY is not set: the Fireworks metrics endpoint needs an API key/,
    ],
  ])("%j", async (args, message) => {
    const run = await watchCli(args as string[]).done;
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("an endpoint that answers HTML is not Prometheus text: exit 2", async () => {
    const server = await replayServer([{ status: 200, type: "text/html", body: "<!doctype html>" }]);
    const run = await watchCli([server.url, "--duration", "1"]).done;
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(
      /answered "text\/html", not Prometheus text \(is it the server's \/metrics path\?\)/,
    );
  });

  it("an unreachable endpoint, a 404 and a first scrape past --timeout are exit 1", async () => {
    const server = await replayServer(["hang"]);
    const hung = await watchCli([server.url, "--timeout", "0.2", "--duration", "5"]).done;
    expect(hung.code).toBe(1);
    expect(hung.stderr).toMatch(/cannot scrape .*: no answer within 0.2 s/);
    const missing = await replayServer([{ status: 404 }]);
    const notFound = await watchCli([missing.url, "--duration", "5"]).done;
    expect(notFound.code).toBe(1);
    expect(notFound.stderr).toMatch(/HTTP 404 \(no such path: .*--enable-metrics\)/);
    const { port, close } = await replayServer([]);
    await close();
    const refused = await watchCli([`http://127.0.0.1:${port}/metrics`, "--duration", "5"]).done;
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/cannot scrape .*ECONNREFUSED/);
  });
});
