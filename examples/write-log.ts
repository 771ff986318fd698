// Writes a generated log to a file: `npx tsx examples/write-log.ts --out run.jsonl [--episodes 1000 |
// --bytes 2GB] [--seed 42] [--format jsonl|csv] [--bad 3] [--shuffle] [--gzip]`. Prints the truth as JSON
// (without the per-request lists) on stdout.
import { closeSync, openSync, writeSync } from "node:fs";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { type GeneratedTruth, type GenerateOptions, generateInto } from "./generate-log.js";

const UNITS: Record<string, number> = {
  "": 1,
  K: 1e3,
  KB: 1e3,
  M: 1e6,
  MB: 1e6,
  G: 1e9,
  GB: 1e9,
  MIB: 2 ** 20,
  GIB: 2 ** 30,
};

/** "2GB" → 2e9 bytes; "64MiB" → 67,108,864. */
export function parseBytes(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text.trim());
  const unit = match ? UNITS[(match[2] ?? "").toUpperCase()] : undefined;
  if (!match || unit === undefined)
    throw new RangeError(`--bytes must look like 500MB or 2GB, got "${text}"`);
  return Math.round(Number(match[1]) * unit);
}

/** Writes the log to `path` in ~1 MiB writes (gzip-compressed whole when `gzip`); returns the truth. */
export function writeLog(path: string, options: GenerateOptions, gzip = false): GeneratedTruth {
  const fd = openSync(path, "w");
  const parts: string[] = [];
  let pending: string[] = [];
  let size = 0;
  const flush = () => {
    const text = pending.join("");
    pending = [];
    size = 0;
    if (gzip) parts.push(text);
    else writeSync(fd, text);
  };
  try {
    const truth = generateInto(options, (line) => {
      pending.push(line);
      size += line.length;
      if (size >= 1 << 20) flush();
    });
    flush();
    if (gzip) writeSync(fd, gzipSync(parts.join("")));
    return truth;
  } finally {
    closeSync(fd);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      out: { type: "string" },
      episodes: { type: "string" },
      bytes: { type: "string" },
      seed: { type: "string", default: "42" },
      format: { type: "string", default: "jsonl" },
      bad: { type: "string", default: "0" },
      shuffle: { type: "boolean" },
      gzip: { type: "boolean" },
    },
  });
  if (!values.out) throw new RangeError("--out <path> is required");
  const truth = writeLog(
    values.out,
    {
      seed: Number(values.seed),
      ...(values.episodes !== undefined && { episodes: Number(values.episodes) }),
      ...(values.bytes !== undefined && { targetBytes: parseBytes(values.bytes) }),
      format: values.format === "csv" ? "csv" : "jsonl",
      badLinesPerKind: Number(values.bad),
      shuffle: values.shuffle ?? false,
    },
    values.gzip ?? false,
  );
  const {
    turns,
    initialPromptTokens,
    addedTokensPerTurn,
    generatedTokensPerTurn,
    peakContextTokens,
    ...summary
  } = truth;
  void [turns, initialPromptTokens, addedTokensPerTurn, generatedTokensPerTurn, peakContextTokens];
  console.log(JSON.stringify(summary));
}
