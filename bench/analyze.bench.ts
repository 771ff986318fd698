// `rollout-cost analyze` throughput next to jq doing the same aggregation on the same generated file, in
// one run (the ratio is what travels between machines), and `analyze --engine duckdb` on the same file (its
// --json output held equal to the streaming reader's). BENCH_ANALYZE_MB sets the file size (default 128).
// Then, side by side on two kinds of log (the generator's lines, OpenAI responses with long content) of
// BENCH_SIDES_MB (default 256): a naive readline + JSON.parse loop, the streaming reader on 1 and 2
// threads, and DuckDB's read_json (the bare count) and the --engine duckdb reading (the report's analysis)
// on 1 and 2 threads when @duckdb/node-api is installed; each in a child
// process of its own, best of BENCH_SIDES_RUNS (default 2), with its peak RSS.
import { spawnSync } from "node:child_process";
import { createReadStream, mkdtempSync, rmSync, statSync } from "node:fs";
import os, { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeLog } from "../examples/write-log.js";
import { duckdbInstalled, measure, type Reader, type Side, writeOpenAiLog } from "./analyze-sides.js";

type LogReader = typeof import("../src/logs/log-analyzer.js");
type Input = typeof import("../src/logs/node-input.js");

const BIN = fileURLToPath(new URL("../bin/rollout-cost.js", import.meta.url));
const MIB = 2 ** 20;

// The same aggregation as analyze, written the fastest way found for jq 1.6 (grouping a row array;
// updating an object per line is ~20× slower): skip lines that are not JSON objects with usage, sum the
// three token counts, count episodes, and the ideal cache hit (Σ min(prompt, previous prompt) by turn).
const JQ_PROGRAM = `
[inputs | fromjson? | select(type == "object" and (.usage.prompt_tokens | type) == "number")
  | [.episode_id, .turn, .usage.prompt_tokens, (.usage.prompt_tokens_details.cached_tokens // 0), .usage.completion_tokens]]
  as $rows
| ($rows | group_by(.[0])) as $episodes
| {requests: ($rows | length), episodes: ($episodes | length),
   prompt: ([$rows[][2]] | add), cachedPrompt: ([$rows[][3]] | add), completion: ([$rows[][4]] | add),
   idealCachedPrompt: ([$episodes[] | sort_by(.[1]) | . as $e | range(1; length) | [$e[.][2], $e[. - 1][2]] | min] | add)}`;

interface Figures {
  requests: number;
  episodes: number;
  prompt: number;
  cachedPrompt: number;
  completion: number;
  idealCachedPrompt: number;
}

function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

// The compiled reader (npm run bench builds first), as the CLI runs it: tsx's transform adds helpers.
const dist = (file: string) => new URL(`../dist/logs/${file}`, import.meta.url).href;

async function inProcess(path: string): Promise<{ seconds: number; figures: Figures }> {
  const { LogAnalyzer } = (await import(dist("log-analyzer.js"))) as LogReader;
  const { nodeDecode } = (await import(dist("node-input.js"))) as Input;
  const analyzer = new LogAnalyzer({ decode: nodeDecode });
  const start = process.hrtime.bigint();
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }))
    analyzer.push(chunk as Buffer);
  const a = analyzer.end();
  return {
    seconds: seconds(start),
    figures: {
      requests: a.requests,
      episodes: a.episodes,
      ...a.tokens,
      idealCachedPrompt: a.tokens.idealCachedPrompt ?? 0,
    },
  };
}

function spawned(command: string, args: string[]): { seconds: number; stdout: string; maxRssKib: number } {
  const start = process.hrtime.bigint();
  const result = spawnSync("/usr/bin/time", ["-f", "%M", command, ...args], {
    encoding: "utf8",
    maxBuffer: 64 * MIB,
  });
  const elapsed = seconds(start);
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  const rss = Number(result.stderr.trim().split("\n").at(-1));
  return { seconds: elapsed, stdout: result.stdout, maxRssKib: rss };
}

// The same log as a Parquet file (DuckDB's COPY), read by --engine duckdb: its report is the JSONL's but
// for the path and the bytes (those of the rows as JSON lines).
async function parquetSide(
  jsonl: string,
  parquet: string,
  jsonlMiB: number,
  jsonlReport: string,
): Promise<void> {
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  await connection.run(
    `COPY (SELECT * FROM read_json('${jsonl}', format = 'newline_delimited')) TO '${parquet}' (FORMAT parquet)`,
  );
  connection.closeSync();
  instance.closeSync();
  const run = spawned(process.execPath, [BIN, "analyze", parquet, "--json", "--engine", "duckdb"]);
  const blank = (text: string) => {
    const json = JSON.parse(text);
    json.input.path = "";
    json.input.bytes = 0;
    return JSON.stringify(json);
  };
  const same = blank(run.stdout) === blank(jsonlReport);
  console.log(
    `  the same log as Parquet (${(statSync(parquet).size / MIB).toFixed(0)} MiB): ${(jsonlMiB / run.seconds).toFixed(0)} MiB/s of its JSONL, ` +
      `peak RSS ${(run.maxRssKib / 1024).toFixed(0)} MiB; the JSONL's report but for path and bytes: ${same ? "yes" : "NO"}`,
  );
  if (!same) throw new Error("--engine duckdb on the Parquet file printed another report than on its JSONL");
}

const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

async function sideBySide(dir: string): Promise<void> {
  const mib = Number(process.env.BENCH_SIDES_MB ?? 256);
  const runs = Number(process.env.BENCH_SIDES_RUNS ?? 2);
  const dist = fileURLToPath(new URL("../dist", import.meta.url));
  const duckdb = await duckdbInstalled();
  const generated = join(dir, "generated.jsonl");
  writeLog(generated, { seed: 42, targetBytes: mib * MIB });
  const openai = join(dir, "openai.jsonl");
  writeOpenAiLog(openai, mib * MIB);
  console.log(
    `\nside by side, ${mib} MiB each, best of ${runs}, wall seconds of the read in a child process (CPU: the whole child, all threads), peak RSS of the child; load average ${os.loadavg()[0]?.toFixed(1)}` +
      (duckdb ? "" : " (DuckDB: @duckdb/node-api is not installed, left out)"),
  );
  for (const [label, path] of [
    ["generated lines (~0.5 KB)", generated],
    ["OpenAI responses, long content (2-12 KB)", openai],
  ] as const) {
    const size = statSync(path).size / MIB;
    const sides: [string, Reader, number][] = [
      ["naive readline + JSON.parse", "naive", 1],
      ["streaming reader, 1 thread", "streaming", 1],
      ["streaming reader, 2 threads", "streaming", 2],
      ...(duckdb
        ? ([
            ["DuckDB read_json, 1 thread", "duckdb", 1],
            ["DuckDB read_json, 2 threads", "duckdb", 2],
            ["--engine duckdb, 1 thread", "duckdb-engine", 1],
            ["--engine duckdb, 2 threads", "duckdb-engine", 2],
          ] as [string, Reader, number][])
        : []),
    ];
    const best = new Map<string, Side>();
    for (let run = 0; run < runs; run++)
      for (const [name, reader, threads] of sides) {
        const side = measure(reader, path, threads, dist);
        const kept = best.get(name);
        if (!kept || side.seconds < kept.seconds) best.set(name, side);
      }
    console.log(`\n${label}: ${size.toFixed(0)} MiB`);
    const naive = best.get("naive readline + JSON.parse") as Side;
    for (const [name] of sides) {
      const side = best.get(name) as Side;
      console.log(
        `  ${name.padEnd(30)} ${(size / side.seconds).toFixed(0).padStart(5)} MiB/s  ${ratio(naive.seconds, side.seconds).padStart(6)} naive` +
          `  CPU ${side.cpuSeconds.toFixed(2).padStart(5)} s  peak RSS ${side.maxRssMiB.toFixed(0).padStart(4)} MiB (${ratio(side.maxRssMiB, naive.maxRssMiB)} naive)`,
      );
      if (side.requests !== naive.requests || side.prompt !== naive.prompt)
        throw new Error(
          `${name} counted ${side.requests} requests, Σ prompt ${side.prompt}; naive ${naive.requests}, ${naive.prompt}`,
        );
    }
    const one = best.get("streaming reader, 1 thread") as Side;
    const two = best.get("streaming reader, 2 threads") as Side;
    const met = (ok: boolean) => (ok ? "met" : "NOT met");
    console.log(
      `  target ≥ 2× naive on one thread: ${ratio(naive.seconds, one.seconds)}, ${met(naive.seconds >= 2 * one.seconds)}`,
    );
    if (duckdb) {
      const d1 = best.get("DuckDB read_json, 1 thread") as Side;
      const d2 = best.get("DuckDB read_json, 2 threads") as Side;
      console.log(
        `  target within 1.25× of DuckDB: 1 thread ${ratio(one.seconds, d1.seconds)} (${met(one.seconds <= 1.25 * d1.seconds)}), ` +
          `2 threads ${ratio(two.seconds, d2.seconds)} (${met(two.seconds <= 1.25 * d2.seconds)})`,
      );
    }
    console.log(
      `  peak RSS vs naive (target ≤ 1.2×, judged on a 1 GB log): 1 thread ${ratio(one.maxRssMiB, naive.maxRssMiB)}, 2 threads ${ratio(two.maxRssMiB, naive.maxRssMiB)}`,
    );
  }
}

export async function main(): Promise<void> {
  const mib = Number(process.env.BENCH_ANALYZE_MB ?? 128);
  const dir = mkdtempSync(join(tmpdir(), "rollout-bench-"));
  try {
    const path = join(dir, "bench.jsonl");
    writeLog(path, { seed: 42, targetBytes: mib * MIB });
    const size = statSync(path).size / MIB;
    console.log(
      `input: ${size.toFixed(0)} MiB generated JSONL (seed 42), ${((statSync(path).size / 1) | 0).toLocaleString("en-US")} bytes`,
    );

    await inProcess(path); // warm the page cache and the JIT
    const runs = [await inProcess(path), await inProcess(path), await inProcess(path)];
    const best = Math.min(...runs.map((r) => r.seconds));
    console.log(
      `analyze, in process (LogAnalyzer, one thread):  ${(size / best).toFixed(0)} MiB/s (best of 3)`,
    );

    const cli = spawned(process.execPath, [BIN, "analyze", path, "--json"]);
    const cliJson = JSON.parse(cli.stdout);
    console.log(
      `rollout-cost analyze --json (node, whole CLI): ${(size / cli.seconds).toFixed(0)} MiB/s, peak RSS ${(cli.maxRssKib / 1024).toFixed(0)} MiB`,
    );
    if (await duckdbInstalled()) {
      const engine = spawned(process.execPath, [BIN, "analyze", path, "--json", "--engine", "duckdb"]);
      const same = engine.stdout === cli.stdout;
      console.log(
        `rollout-cost analyze --json --engine duckdb:   ${(size / engine.seconds).toFixed(0)} MiB/s, peak RSS ${(engine.maxRssKib / 1024).toFixed(0)} MiB; the same --json output: ${same ? "yes" : "NO"}`,
      );
      if (!same) throw new Error("--engine duckdb printed another report than the streaming reader");
      await parquetSide(path, join(dir, "bench.parquet"), size, cli.stdout);
    }
    const jq = spawned("jq", ["-R", "-n", JQ_PROGRAM, path]);
    const jqJson = JSON.parse(jq.stdout) as Figures;
    console.log(
      `jq -R -n (same aggregation):                 ${(size / jq.seconds).toFixed(0)} MiB/s, peak RSS ${(jq.maxRssKib / 1024).toFixed(0)} MiB`,
    );
    console.log(`ratio analyze CLI / jq: ${(jq.seconds / cli.seconds).toFixed(1)}×`);
    const ours = runs[0]?.figures as Figures;
    const agree =
      cliJson.requests === jqJson.requests &&
      cliJson.episodes === jqJson.episodes &&
      cliJson.tokens.prompt === jqJson.prompt &&
      cliJson.tokens.cachedPrompt === jqJson.cachedPrompt &&
      cliJson.tokens.completion === jqJson.completion &&
      cliJson.tokens.idealCachedPrompt === jqJson.idealCachedPrompt &&
      ours.idealCachedPrompt === jqJson.idealCachedPrompt;
    console.log(`results agree (requests, episodes, tokens, ideal cached): ${agree ? "yes" : "NO"}`);
    if (!agree) throw new Error(`analyze and jq disagree: ${JSON.stringify({ ours, jq: jqJson })}`);
    rmSync(path);
    await sideBySide(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
