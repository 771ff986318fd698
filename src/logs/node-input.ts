// Node-only: opens a log from a path or stdin ("-") and decompresses gzip transparently (by its magic
// bytes, whatever the name). Kept apart from the pure reader so the page's Web Worker never imports it.
import { createReadStream, statSync } from "node:fs";
import { Readable } from "node:stream";
import { checkGzipRatio, DEFAULT_MAX_GZIP_RATIO } from "./log-limits.js";

/** A log input ready to stream. */
export interface LogInput {
  /** Decompressed chunks. */
  chunks: AsyncIterable<Uint8Array>;
  /** The file's size on disk (compressed bytes for .gz), when known; stdin has none. */
  sizeBytes: number | undefined;
  /** After the chunks are read: why a gzip stream stopped early (truncated or corrupt), or null. */
  cutReason(): string | null;
}

/** Buffer#toString for any Uint8Array (lines joined across chunks are plain Uint8Arrays). */
export function nodeDecode(bytes: Uint8Array, start: number, end: number): string {
  const buffer = Buffer.isBuffer(bytes)
    ? bytes
    : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return buffer.toString("utf8", start, end);
}

/** Thrown for a path that is not a file or a pipe (a folder, /dev/zero, a socket). */
export class NotAFileError extends Error {
  constructor(readonly path: string) {
    super("not a regular file or a pipe");
    this.name = "NotAFileError";
  }
}

/**
 * Opens `source` ("-" = `stdin`). `onRawBytes` hears every byte read before decompression, for progress.
 * Throws the fs error (ENOENT, EACCES, ...) or NotAFileError before any byte is read. A gzip stream that
 * expands past `maxGzipRatio` throws a LogLimitError; one cut short or corrupt ends early (see cutReason).
 */
export function openLogInput(
  source: string,
  stdin: NodeJS.ReadableStream,
  onRawBytes: (bytes: number) => void = () => {},
  maxGzipRatio = DEFAULT_MAX_GZIP_RATIO,
): LogInput {
  let sizeBytes: number | undefined;
  if (source !== "-") {
    const stat = statSync(source);
    if (stat.isDirectory()) throw Object.assign(new Error(`${source} is a directory`), { code: "EISDIR" });
    if (!stat.isFile() && !stat.isFIFO()) throw new NotAFileError(source);
    sizeBytes = stat.isFile() ? stat.size : undefined;
  }
  const raw: AsyncIterable<Uint8Array> =
    source === "-"
      ? (stdin as AsyncIterable<Uint8Array>)
      : createReadStream(source, { highWaterMark: 1 << 20 });
  const state: { cut: string | null } = { cut: null };
  return {
    chunks: decompressed(raw, onRawBytes, maxGzipRatio, state),
    sizeBytes,
    cutReason: () => state.cut,
  };
}

async function* decompressed(
  raw: AsyncIterable<Uint8Array>,
  onRawBytes: (bytes: number) => void,
  maxGzipRatio: number,
  state: { cut: string | null },
): AsyncGenerator<Uint8Array> {
  const iterator = raw[Symbol.asyncIterator]();
  let first = await iterator.next();
  if (first.done) return;
  // Two bytes are needed to recognise gzip; a stream may hand over one at a time.
  while (first.value.length < 2) {
    const next = await iterator.next();
    if (next.done) break;
    first = { done: false, value: concat(first.value, next.value) };
  }
  const head = first.value as Uint8Array;
  let rawBytes = 0;
  async function* all(): AsyncGenerator<Uint8Array> {
    rawBytes += head.length;
    onRawBytes(head.length);
    yield head;
    while (true) {
      const next = await iterator.next();
      if (next.done) return;
      rawBytes += next.value.length;
      onRawBytes(next.value.length);
      yield next.value;
    }
  }
  if (!(head[0] === 0x1f && head[1] === 0x8b)) {
    yield* all();
    return;
  }
  // Z_FINISH (the default) makes a stream cut short an error ("unexpected end of file") after it has
  // handed over all it holds, so what came before the cut is read and the cut itself is reported.
  // node:zlib only for gzip: imported here so that the bundled CLI's other commands never load it.
  const { createGunzip } = await import("node:zlib");
  const gunzip = createGunzip();
  const source = Readable.from(all());
  source.on("error", (error) => gunzip.destroy(error));
  source.pipe(gunzip);
  let outBytes = 0;
  try {
    for await (const chunk of gunzip) {
      outBytes += (chunk as Buffer).length;
      // bytesWritten: compressed bytes the engine has consumed (rawBytes runs ahead by the read buffer).
      checkGzipRatio(outBytes, gunzip.bytesWritten, maxGzipRatio);
      yield chunk as Buffer;
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code !== "string" || !code.startsWith("Z_")) throw error;
    // Nothing came out and it is not a cut: not gzip at all beyond its first two bytes.
    if (outBytes === 0 && code !== "Z_BUF_ERROR") throw error;
    state.cut = `${(error as Error).message} after ${rawBytes} compressed bytes`;
  } finally {
    source.destroy();
    gunzip.destroy();
    await iterator.return?.();
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
