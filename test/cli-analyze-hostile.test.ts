// Issue 14, findings 1–3 through the built CLI: a log is never lost, a truncated .gz never passes as
// complete, and hostile inputs (/dev/zero, gzip bombs, GiB of line breaks, endless lines) end quickly
// with bounded memory. Peak RSS is measured in the child (test/fixtures/max-rss.mjs).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { constants, createGzip, gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { spawnCli } from "./cli-helpers.js";
import { measureCli, repeated } from "./hostile-helpers.js";

const SAMPLE = fileURLToPath(new URL("../examples/sample.jsonl", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "rollout-hostile-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const MiB = 1024 * 1024;
/** Node's own footprint is about 50–60 MiB; every bound below leaves room for a 64 MiB line and no more. */
const RSS_BOUND_MiB = 400;

function write(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const line = (i: number) =>
  `${JSON.stringify({ episode_id: `e${i % 50}`, turn: Math.floor(i / 50) + 1, usage: { prompt_tokens: 100 + i, completion_tokens: 5, prompt_tokens_details: { cached_tokens: 50 } } })}\n`;

/** The gzip bytes of `lines`, flushed (Z_SYNC_FLUSH) after the first `cutAfter` lines and cut there. */
function gzipCutAfter(lines: string[], cutAfter: number): Promise<Buffer> {
  return new Promise((resolve) => {
    const gzip = createGzip();
    const parts: Buffer[] = [];
    gzip.on("data", (c: Buffer) => parts.push(c));
    gzip.write(lines.slice(0, cutAfter).join(""));
    gzip.flush(constants.Z_SYNC_FLUSH, () => resolve(Buffer.concat(parts)));
  });
}

describe("a truncated or corrupt .gz is never a complete log", { timeout: 60_000 }, () => {
  const lines = Array.from({ length: 1000 }, (_, i) => line(i));

  it("cut at a flush point after 500 of 1,000 lines: 500 requests, one truncatedGzip, a warning", async () => {
    const path = write("cut.jsonl.gz", await gzipCutAfter(lines, 500));
    const json = spawnCli(["analyze", path, "--json"]);
    expect(json.code).toBe(0);
    const result = JSON.parse(json.stdout);
    expect(result.requests).toBe(500);
    expect(result.skipped.truncatedGzip).toBe(1);
    expect(result.skippedTotal).toBe(1);
    expect(result.input.lines).toBe(501);
    expect(result.warnings.join(" ")).toMatch(/gzip stream is truncated or corrupt \(unexpected end of file/);
    const table = spawnCli(["analyze", path]);
    expect(table.stdout).toContain("Skipped 1 line: 1 truncatedGzip. The first:");
    expect(table.stdout).toMatch(/line 501: truncatedGzip: the gzip stream stops early/);
    const strict = spawnCli(["analyze", path, "--strict"]);
    expect(strict.code).toBe(2);
    expect(strict.stdout).toBe("");
    expect(strict.stderr).toMatch(/^rollout-cost: --strict: line 501: truncatedGzip: .+\n$/);
  });

  it("a 5-byte gzip header is not an empty log", () => {
    const path = write("header.gz", gzipSync(lines.join("")).subarray(0, 5));
    const result = spawnCli(["analyze", path, "--json"]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.requests).toBe(0);
    expect(json.skipped.truncatedGzip).toBe(1);
    expect(spawnCli(["analyze", path, "--strict"]).code).toBe(2);
  });

  it("a corrupt checksum keeps what came before and counts the fault (also from stdin)", async () => {
    const many = Array.from({ length: 20_000 }, (_, i) => line(i)).join("");
    const gz = gzipSync(many);
    gz[gz.length - 6] = (gz[gz.length - 6] as number) ^ 0xff;
    const path = write("crc.jsonl.gz", gz);
    const fromStdin = await measureCli(["analyze", "-", "--json"], repeated(gz, gz.length));
    for (const run of [spawnCli(["analyze", path, "--json"]), fromStdin]) {
      expect(run.code).toBe(0);
      const json = JSON.parse(run.stdout);
      expect(json.skipped.truncatedGzip).toBe(1);
      expect(json.requests).toBeGreaterThan(0);
    }
  });
});

describe("a first line [ or { never loses the log (spawned)", { timeout: 60_000 }, () => {
  it("[ before the committed sample: every request read, one bad line", () => {
    const plain = JSON.parse(spawnCli(["analyze", SAMPLE, "--json"]).stdout);
    const path = write("bracket.jsonl", `[\n${readFileSync(SAMPLE, "utf8")}`);
    const run = spawnCli(["analyze", path, "--json"]);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.requests).toBe(plain.requests);
    expect(json.skippedTotal).toBe(plain.skippedTotal + 1);
    expect(json.input.lines).toBe(json.requests + json.skippedTotal + json.input.blankLines);
  });
});

describe("bounds: hostile inputs end quickly with bounded memory", { timeout: 60_000 }, () => {
  it("/dev/zero as the path is refused at once", async () => {
    const run = await measureCli(["analyze", "/dev/zero"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'rollout-cost: cannot read "/dev/zero": not a regular file or a pipe (use - for stdin)\n',
    );
    expect(run.stdout).toBe("");
  });

  it("/dev/zero on stdin stops at the 64 MiB line bound", async () => {
    const run = await measureCli(["analyze", "-"], "/dev/zero");
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'rollout-cost: "-": line 1 is longer than 67108864 bytes, the longest a line may be (--max-line-bytes changes the bound)\n',
    );
    expect(run.peakRssMiB).toBeLessThan(RSS_BOUND_MiB);
    expect(run.seconds).toBeLessThan(20);
  });

  it("an 8 GiB gzip bomb of NUL bytes (8 MB on disk) stops at the ratio bound", async () => {
    const member = gzipSync(Buffer.alloc(64 * MiB));
    const path = write("bomb.gz", Buffer.concat(Array.from({ length: 128 }, () => member)));
    const run = await measureCli(["analyze", path]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^rollout-cost: ".*bomb\.gz": the gzip stream expands more than 200× .*\(--max-gzip-ratio changes the bound\)\n$/,
    );
    expect(run.peakRssMiB).toBeLessThan(RSS_BOUND_MiB);
    expect(run.seconds).toBeLessThan(20);
  });

  it("a gzip bomb of line breaks stops at the ratio bound too, from stdin", async () => {
    const member = gzipSync(Buffer.alloc(64 * MiB, 10));
    const run = await measureCli(["analyze", "-"], repeated(member, member.length * 128));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/expands more than 200×/);
    expect(run.peakRssMiB).toBeLessThan(RSS_BOUND_MiB);
  });

  it("256 MiB of bare line breaks are counted, fast, in little memory", async () => {
    const run = await measureCli(["analyze", "-", "--json"], repeated(Buffer.alloc(MiB, 10), 256 * MiB));
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.input.blankLines).toBe(256 * MiB);
    expect(json.input.lines).toBe(256 * MiB);
    expect(json.requests).toBe(0);
    expect(run.peakRssMiB).toBeLessThan(200);
    expect(run.seconds).toBeLessThan(30);
  });

  it("a line that never ends stops at the bound; --max-line-bytes sets it", async () => {
    const endless = await measureCli(["analyze", "-"], repeated(Buffer.alloc(MiB, 97), 100 * MiB));
    expect(endless.code).toBe(2);
    expect(endless.stderr).toMatch(/line 1 is longer than 67108864 bytes/);
    expect(endless.peakRssMiB).toBeLessThan(RSS_BOUND_MiB);
    const path = write("long.jsonl", `${line(1)}${"x".repeat(2000)}\n${line(2)}`);
    const small = spawnCli(["analyze", path, "--max-line-bytes", "1024"]);
    expect(small.code).toBe(2);
    expect(small.stdout).toBe("");
    expect(small.stderr).toMatch(
      /: line 2 is longer than 1024 bytes, the longest a line may be \(--max-line-bytes changes the bound\)\n$/,
    );
    expect(spawnCli(["analyze", path, "--max-line-bytes", "1000"]).stderr).toMatch(
      /--max-line-bytes must be an integer from 1024/,
    );
  });
});
