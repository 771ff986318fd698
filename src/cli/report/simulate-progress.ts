import cliProgress from "cli-progress";

/** A progress bar on a terminal's stderr: episodes simulated of all. */
export function startSimulationProgress(
  stream: { write(text: string): unknown },
  totalEpisodes: number,
): { update(episodes: number): void; stop(): void } {
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
