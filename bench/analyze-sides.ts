// Helpers of analyze.bench.ts: the OpenAI-response log with long content, and each reader measured in a
// child process of its own (wall time of the read, and the child's peak RSS, worker threads included).
import { spawnSync } from "node:child_process";
import { closeSync, openSync, writeSync } from "node:fs";
import { seededRandom } from "../examples/generate-log.js";

/** Writes OpenAI chat.completion lines with long content (2-12 KB: newlines, quotes, non-ASCII) until `bytes`. */
export function writeOpenAiLog(path: string, bytes: number, seed = 7): number {
  const random = seededRandom(seed);
  const words = "the patch applies cleanly and the tests pass so next I will read src/index.ts".split(" ");
  const fd = openSync(path, "w");
  let written = 0;
  let requests = 0;
  let pending: string[] = [];
  try {
    while (written < bytes) {
      // 32 episodes in flight, 24 turns each: every (episode, turn) once.
      const episode = Math.floor(requests / (24 * 32)) * 32 + (requests % 32);
      const turn = Math.floor(requests / 32) % 24;
      let content = "";
      const length = 2000 + Math.floor(random() * 10_000);
      while (content.length < length) {
        const word = words[Math.floor(random() * words.length)] as string;
        const r = random();
        content += r < 0.05 ? `${word}\n` : r < 0.07 ? `"${word}" ` : r < 0.08 ? `${word} → ` : `${word} `;
      }
      const prompt = 2000 + Math.floor(random() * 60_000);
      const completion = 100 + Math.floor(random() * 4000);
      const line = `${JSON.stringify({
        id: `chatcmpl-${seed}-${requests}`,
        object: "chat.completion",
        created: 1_764_300_000 + requests,
        model: "kimi-k2p6",
        episode_id: `ep-${episode}`,
        turn,
        choices: [
          {
            index: 0,
            message: { role: "assistant", content, refusal: null },
            logprobs: null,
            finish_reason: "stop",
          },
        ],
        usage: {
          prompt_tokens: prompt,
          completion_tokens: completion,
          total_tokens: prompt + completion,
          prompt_tokens_details: { cached_tokens: Math.floor(prompt * random()), audio_tokens: 0 },
          completion_tokens_details: { reasoning_tokens: 0 },
        },
        system_fingerprint: "fp_0123456789",
      })}\n`;
      pending.push(line);
      written += Buffer.byteLength(line);
      requests++;
      if (pending.length >= 256) {
        writeSync(fd, pending.join(""));
        pending = [];
      }
    }
    writeSync(fd, pending.join(""));
  } finally {
    closeSync(fd);
  }
  return requests;
}

/** One measurement: seconds of the read, what it counted, and the child's peak RSS. */
export interface Side {
  seconds: number;
  /** CPU time of the whole child (every thread, start-up included). */
  cpuSeconds: number;
  requests: number;
  prompt: number;
  maxRssMiB: number;
}

const NAIVE = `
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
const start = performance.now();
let requests = 0, prompt = 0;
const episodes = new Set();
for await (const line of createInterface({ input: createReadStream(process.env.BENCH_PATH), crlfDelay: Infinity })) {
  let value;
  try { value = JSON.parse(line); } catch { continue; }
  const usage = value?.usage;
  if (typeof usage?.prompt_tokens !== "number") continue;
  requests++; prompt += usage.prompt_tokens; episodes.add(value.episode_id);
}
report(requests, prompt);`;

const STREAMING = `
import { createReadStream } from "node:fs";
const dist = process.env.BENCH_DIST;
const { AutoLogAnalyzer } = await import(dist + "/logs/readers/auto-analyzer.js");
const { planRanges, readInRanges } = await import(dist + "/logs/node/parallel-analyze.js");
const { nodeDecode } = await import(dist + "/logs/node-input.js");
const path = process.env.BENCH_PATH;
const start = performance.now();
const analyzer = new AutoLogAnalyzer({ fileName: path, decode: nodeDecode });
const cuts = planRanges(path, Number(process.env.BENCH_THREADS));
if (cuts) await readInRanges(path, cuts, analyzer, {});
else for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) analyzer.push(chunk);
const a = analyzer.end();
report(a.requests, a.tokens.prompt);`;

// The same counting as the naive loop (requests, episodes, Σ prompt), columns given so nothing is sniffed.
const DUCKDB = `
const { DuckDBInstance } = await import("@duckdb/node-api");
const instance = await DuckDBInstance.create(":memory:", { threads: process.env.BENCH_THREADS });
const connection = await instance.connect();
const path = process.env.BENCH_PATH.replaceAll("'", "''");
const start = performance.now();
const result = await connection.runAndReadAll(
  "select count(*)::DOUBLE as requests, count(distinct episode_id)::DOUBLE as episodes, " +
  "sum(usage.prompt_tokens)::DOUBLE as prompt from read_json('" + path + "', format = 'newline_delimited', " +
  "columns = {episode_id: 'VARCHAR', turn: 'BIGINT', usage: 'STRUCT(prompt_tokens BIGINT, completion_tokens BIGINT, " +
  "prompt_tokens_details STRUCT(cached_tokens BIGINT))'})");
const row = result.getRowObjects()[0];
report(Number(row.requests), Number(row.prompt));`;

// \`analyze --engine duckdb\`'s reading: DuckDB's lines and values into the streaming reader's aggregator,
// the LogAnalysis the report is priced from (the same call the CLI makes).
const DUCKDB_ENGINE = `
const dist = process.env.BENCH_DIST;
const { analyzeWithDuckdb } = await import(dist + "/logs/node/duckdb-analyze.js");
const { nodeDecode } = await import(dist + "/logs/node-input.js");
const path = process.env.BENCH_PATH;
const start = performance.now();
const a = await analyzeWithDuckdb(path, { fileName: path, decode: nodeDecode }, { threads: Number(process.env.BENCH_THREADS) });
report(a.requests, a.tokens.prompt);`;

const BODIES = { naive: NAIVE, streaming: STREAMING, duckdb: DUCKDB, "duckdb-engine": DUCKDB_ENGINE };

/** The readers measured side by side. */
export type Reader = keyof typeof BODIES;

const REPORT = `function report(requests, prompt) {
  const seconds = (performance.now() - start) / 1000;
  const usage = process.resourceUsage();
  const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
  console.log(JSON.stringify({ seconds, cpuSeconds, requests, prompt, maxRssMiB: usage.maxRSS / 1024 }));
}`;

/** Runs one reader over `path` in a child process. */
export function measure(reader: Reader, path: string, threads: number, dist: string): Side {
  const body = BODIES[reader];
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", `${REPORT}\n${body}`], {
    encoding: "utf8",
    env: { ...process.env, BENCH_PATH: path, BENCH_THREADS: String(threads), BENCH_DIST: dist },
  });
  if (result.status !== 0)
    throw new Error(`${reader} (${threads} threads) exited ${result.status}: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split("\n").at(-1) as string) as Side;
}

/** Whether @duckdb/node-api (an optional dependency) loads here. */
export async function duckdbInstalled(): Promise<boolean> {
  try {
    await import("@duckdb/node-api");
    return true;
  } catch {
    return false;
  }
}
