const MIB = 2 ** 20;

/** A progress bar on a terminal's stderr: bytes read (of the file's size, when known), lines and rate. */
export async function startProgress(
  stream: { write(text: string): unknown },
  totalBytes: number | undefined,
): Promise<{ update(bytes: number, lines: number): void; stop(): void }> {
  // Imported here, not at the top: cli-progress and its dependencies cost ~9 ms of every CLI start.
  const { default: cliProgress } = await import("cli-progress");
  const started = Date.now();
  const known = totalBytes !== undefined && totalBytes > 0;
  const bar = new cliProgress.SingleBar(
    {
      stream: stream as NodeJS.WritableStream,
      format: known
        ? "{bar} {percentage}% | {done}/{size} MiB | {lines} lines | {rate} MiB/s"
        : "{done} MiB | {lines} lines | {rate} MiB/s",
      hideCursor: true,
      clearOnComplete: true,
      fps: 10,
    },
    cliProgress.Presets.shades_classic,
  );
  const payload = (bytes: number, lines: number) => {
    const seconds = Math.max((Date.now() - started) / 1000, 0.001);
    return {
      done: (bytes / MIB).toFixed(1),
      size: ((totalBytes ?? 0) / MIB).toFixed(1),
      lines: lines.toLocaleString("en-US"),
      rate: (bytes / MIB / seconds).toFixed(0),
    };
  };
  bar.start(known ? totalBytes : 1, 0, payload(0, 0));
  return {
    update: (bytes, lines) => bar.update(known ? bytes : 0, payload(bytes, lines)),
    stop: () => bar.stop(),
  };
}
