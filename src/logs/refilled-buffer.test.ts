import { describe, expect, it } from "vitest";
import { AutoLogAnalyzer } from "./readers/auto-analyzer.js";

function line(episode: number, turn: number, content: string): string {
  return JSON.stringify({
    episode_id: `ep-${episode}`,
    turn,
    choices: [{ message: { content } }],
    usage: {
      prompt_tokens: 100 * turn + 7,
      completion_tokens: 5,
      prompt_tokens_details: { cached_tokens: 3 },
    },
  });
}

describe("a caller that refills one Buffer for every chunk", () => {
  it("gets the report of fresh chunks: partial lines, a held first line and a held document are copied", () => {
    const lines = Array.from({ length: 300 }, (_, k) => line(k % 7, k, `c${k}`.repeat(k % 13)));
    for (const text of [
      `${lines.join("\n")}\n`,
      `${line(99, 1, "x".repeat(5000))}\n${lines.join("\n")}\n`,
      `[\n${lines.join(",\n")}\n]\n`,
    ]) {
      const bytes = Buffer.from(text);
      const analyze = (refill: boolean) => {
        const analyzer = new AutoLogAnalyzer({ perEpisode: true });
        const buffer = Buffer.alloc(257);
        for (let i = 0; i < bytes.length; i += 257) {
          const n = bytes.copy(buffer, 0, i, i + 257);
          analyzer.push(refill ? buffer.subarray(0, n) : Buffer.from(buffer.subarray(0, n)));
          buffer.fill(0x41);
        }
        return analyzer.end();
      };
      const fresh = analyze(false);
      expect(fresh.skippedTotal).toBe(0);
      expect(analyze(true)).toEqual(fresh);
    }
  });
});
