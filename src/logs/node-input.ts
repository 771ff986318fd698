// Node-only: opens a log from a path or stdin ("-") and decompresses gzip transparently (by its magic
// bytes, whatever the name). Kept apart from the pure reader so the page's Web Worker never imports it.
import { createReadStream, statSync } from "node:fs";
import { Readable } from "node:stream";
import { constants, createGunzip } from "node:zlib";

/** A log input ready to stream. */
export interface LogInput {
  /** Decompressed chunks. */
  chunks: AsyncIterable<Uint8Array>;
  /** The file's size on disk (compressed bytes for .gz), when known; stdin has none. */
  sizeBytes: number | undefined;
}

/** Buffer#toString for any Uint8Array (lines joined across chunks are plain Uint8Arrays). */
export function nodeDecode(bytes: Uint8Array, start: number, end: number): string {
  const buffer = Buffer.isBuffer(bytes)
    ? bytes
    : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return buffer.toString("utf8", start, end);
}

/**
 * Opens `source` ("-" = `stdin`). `onRawBytes` hears every byte read before decompression, for progress.
 * Throws the fs error (ENOENT, EISDIR, ...) before any byte is read.
 */
export function openLogInput(
  source: string,
  stdin: NodeJS.ReadableStream,
  onRawBytes: (bytes: number) => void = () => {},
): LogInput {
  let sizeBytes: number | undefined;
  if (source !== "-") {
    const stat = statSync(source);
    if (stat.isDirectory()) throw Object.assign(new Error(`${source} is a directory`), { code: "EISDIR" });
    sizeBytes = stat.size;
  }
  const raw: AsyncIterable<Uint8Array> =
    source === "-"
      ? (stdin as AsyncIterable<Uint8Array>)
      : createReadStream(source, { highWaterMark: 1 << 20 });
  return { chunks: decompressed(raw, onRawBytes), sizeBytes };
}

async function* decompressed(
  raw: AsyncIterable<Uint8Array>,
  onRawBytes: (bytes: number) => void,
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
  async function* all(): AsyncGenerator<Uint8Array> {
    onRawBytes(head.length);
    yield head;
    while (true) {
      const next = await iterator.next();
      if (next.done) return;
      onRawBytes(next.value.length);
      yield next.value;
    }
  }
  if (!(head[0] === 0x1f && head[1] === 0x8b)) {
    yield* all();
    return;
  }
  // A gzip file cut off mid-stream yields what it holds (Z_SYNC_FLUSH), so its last line reads as truncated.
  const gunzip = createGunzip({ finishFlush: constants.Z_SYNC_FLUSH });
  const source = Readable.from(all());
  source.on("error", (error) => gunzip.destroy(error));
  source.pipe(gunzip);
  for await (const chunk of gunzip) yield chunk as Buffer;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
