// Node-only: where to cut a file into byte ranges that each start a line, for reading them side by side.
import { closeSync, openSync, readSync } from "node:fs";

const WINDOW_BYTES = 1 << 16;
/** A cut is looked for this far past its even share at most (a longer line: one range fewer). */
const MAX_SEARCH_BYTES = 64 << 20;

/**
 * Offsets [0, b1, ..., size] cutting the file into at most `parts` ranges, each cut just after a line feed
 * (so a CRLF pair is never split), near the even shares. Fewer ranges when lines are longer than the search.
 */
export function lineRanges(path: string, size: number, parts: number): number[] {
  const cuts = [0];
  const fd = openSync(path, "r");
  try {
    const window = Buffer.allocUnsafe(WINDOW_BYTES);
    for (let k = 1; k < parts; k++) {
      let at = Math.max(Math.floor((size * k) / parts), (cuts.at(-1) as number) + 1);
      const stop = Math.min(size, at + MAX_SEARCH_BYTES);
      let cut = -1;
      while (at < stop && cut === -1) {
        const read = readSync(fd, window, 0, Math.min(WINDOW_BYTES, stop - at), at);
        if (read <= 0) break;
        const lf = window.subarray(0, read).indexOf(10);
        if (lf !== -1) cut = at + lf + 1;
        at += read;
      }
      if (cut !== -1 && cut < size) cuts.push(cut);
    }
  } finally {
    closeSync(fd);
  }
  cuts.push(size);
  return cuts;
}
