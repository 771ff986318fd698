import { describe, expect, it } from "vitest";
import { targetPaths } from "./line-shape.js";
import { latin1 } from "./line-text.js";
import { LogAnalyzer } from "./log-analyzer.js";
import { ShapeCache } from "./shape-cache.js";

const encoder = new TextEncoder();
const names = { episode: "episode_id", order: "turn", orderRequired: false, cachedOptional: false };
/** What the scanner read from `line(1, 1, …)`, offered with it. */
const FIRST_READ = {
  ok: true,
  episodeId: "ep-1",
  order: 1,
  promptTokens: 107,
  cachedPromptTokens: 3,
  completionTokens: 5,
} as const;

function line(episode: number, turn: number, content: string, extra = ""): string {
  return JSON.stringify({
    episode_id: `ep-${episode}`,
    turn,
    choices: [{ message: { content } }],
    ...(extra && { extra }),
    usage: {
      prompt_tokens: 100 * turn + 7,
      completion_tokens: 5,
      prompt_tokens_details: { cached_tokens: 3 },
    },
  });
}

function analyze(text: string, chunkBytes: number, fastPath: boolean, maxLineBytes?: number) {
  const bytes = encoder.encode(text);
  const analyzer = new LogAnalyzer({
    format: "jsonl",
    fastPath,
    perEpisode: true,
    ...(maxLineBytes !== undefined && { maxLineBytes }),
  });
  for (let i = 0; i < bytes.length; i += chunkBytes) analyzer.push(bytes.subarray(i, i + chunkBytes));
  return analyzer.end();
}

describe("ShapeCache", () => {
  it("reads a log of two layouts, CRLF and bad lines, over any chunking, as JSON.parse alone does", () => {
    const lines: string[] = [];
    for (let t = 0; t < 40; t++)
      for (let e = 0; e < 5; e++) lines.push(line(e, t, `turn ${t} “quoted” \\ \n`, t % 3 === 0 ? "x" : ""));
    lines.splice(17, 0, "{not json", "", `${line(9, 1, "a").slice(0, -1)},}`);
    lines.splice(60, 1, `${lines[60]}\r`);
    // Lines past the 64 KiB of text made at a time, too.
    lines.push(line(1, 99, "z".repeat(70_000)), line(2, 99, "y".repeat(70_000)));
    const text = `${lines.join("\n")}\n`;
    const expected = analyze(text, text.length, false);
    expect(expected.requests).toBe(202);
    for (const chunk of [7, 300, 4096, 100_000, text.length])
      expect(analyze(text, chunk, true)).toEqual(expected);
  });

  it("reads the lines of a learned layout by itself, up to the first other line", () => {
    const cache = new ShapeCache(targetPaths("episode_id", "turn"), names);
    const first = encoder.encode(line(1, 1, "a"));
    cache.offer(first, 0, first.length, FIRST_READ);
    const lines = [
      line(2, 1, "b"),
      line(3, 4, 'c " → d'),
      line(4, 2, ""),
      line(5, 1, "e", "x"),
      line(6, 1, "f"),
    ];
    const bytes = encoder.encode(`${lines.join("\n")}\n`);
    const read: unknown[] = [];
    const stop = cache.read(bytes, 0, 1 << 20, (result) => read.push(result));
    expect(read).toEqual([
      {
        ok: true,
        episodeId: "ep-2",
        order: 1,
        promptTokens: 107,
        cachedPromptTokens: 3,
        completionTokens: 5,
      },
      {
        ok: true,
        episodeId: "ep-3",
        order: 4,
        promptTokens: 407,
        cachedPromptTokens: 3,
        completionTokens: 5,
      },
      {
        ok: true,
        episodeId: "ep-4",
        order: 2,
        promptTokens: 207,
        cachedPromptTokens: 3,
        completionTokens: 5,
      },
    ]);
    expect(stop).toBe(encoder.encode(`${lines.slice(0, 3).join("\n")}\n`).length);
    // CRLF line breaks too; a lone CR ends a line of its own, left to the splitter.
    const crlf = encoder.encode(`${lines.slice(0, 3).join("\r\n")}\r\n${lines[0]}\r${lines[1]}\n`);
    read.length = 0;
    expect(cache.read(crlf, 0, 1 << 20, (result) => read.push(result))).toBe(
      encoder.encode(`${lines.slice(0, 3).join("\r\n")}\r\n`).length,
    );
    expect(read).toHaveLength(3);
  });

  it("reads a log of 40 KB keys (too large a regular expression for V8) as JSON.parse does", () => {
    const text = Array.from({ length: 20 }, (_, t) =>
      line(1, t, "a").replace('"turn"', `"${"k".repeat(40_000)}":1,"turn"`),
    ).join("\n");
    expect(analyze(text, 1 << 16, true)).toEqual(analyze(text, text.length, false));
  });

  it("leaves a line past --max-line-bytes to the splitter, which stops there", () => {
    const text = `${line(1, 1, "a")}\n${line(1, 2, "b")}\n${line(1, 3, "c".repeat(500))}\n`;
    expect(() => analyze(text, text.length, true, 300)).toThrow(/line 3 .*longer than 300 bytes/);
  });

  it("keeps a layout once, and stops learning on a log whose lines never repeat one", () => {
    const cache = new ShapeCache(targetPaths("episode_id", "turn"), names);
    const offer = (text: string) => {
      const bytes = encoder.encode(text);
      cache.offer(bytes, 0, bytes.length, FIRST_READ);
    };
    offer(line(1, 1, "a"));
    offer(line(1, 1, "a"));
    expect(cache.size).toBe(1);
    // A line longer than the 64 KiB text window is not learned: no layout could read it.
    offer(line(1, 1, "a".repeat(70_000)));
    expect(cache.size).toBe(1);
    // Each line its own layout: learned while the budget lasts, then not even tried.
    for (let k = 0; k < 100; k++) offer(line(1, 1, "a").replace('"turn"', `"k${k}":0,"turn"`));
    expect(cache.size).toBe(8);
    const bytes = encoder.encode(`${line(1, 1, "a").replace('"turn"', '"k99":0,"turn"')}\n`);
    expect(cache.read(bytes, 0, 1 << 20, () => {})).toBe(0);
  });
});

describe("latin1", () => {
  it("gives one character per byte, ASCII as itself, with and without Buffer", () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    for (const bytes of [all, Buffer.from(all)]) {
      const text = latin1(bytes, 0, 256);
      expect(text.length).toBe(256);
      for (let c = 0; c < 128; c++) expect(text.charCodeAt(c)).toBe(c);
      expect(latin1(bytes, 34, 36)).toBe('"#');
    }
  });
});
