import { plainText } from "../../format/echo.js";

/** Sources numbered once each, for a footnote list: `ref` gives a source's mark, `lines` the list. */
export function footnotes(): { ref(source: string): string; lines(): string[] } {
  const seen = new Map<string, number>();
  return {
    ref(source) {
      const text = plainText(source, 400);
      let n = seen.get(text);
      if (n === undefined) {
        n = seen.size + 1;
        seen.set(text, n);
      }
      return `[${n}]`;
    },
    lines: () => [...seen].map(([text, n]) => `  [${n}] ${text}`),
  };
}
