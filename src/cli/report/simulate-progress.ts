/** A progress bar on a terminal's stderr: episodes simulated of all. */
export async function startSimulationProgress(
  stream: { write(text: string): unknown },
  totalEpisodes: number,
): Promise<{ update(episodes: number): void; stop(): void }> {
  // Imported here, not at the top: cli-progress and its dependencies cost ~9 ms of every CLI start.
  const { default: cliProgress } = await import("cli-progress");
  const bar = new cliProgress.SingleBar(
    {
      stream: stream as NodeJS.WritableStream,
      format: "{bar} {percentage}% | {value}/{total} episodes",
      hideCursor: true,
      clearOnComplete: true,
      fps: 10,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(totalEpisodes, 0);
  let stopped = false;
  return {
    update: (episodes) => bar.update(episodes),
    stop: () => {
      if (!stopped) bar.stop();
      stopped = true;
    },
  };
}
