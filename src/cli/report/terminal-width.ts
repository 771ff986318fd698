/** The width CLI tables fit: the terminal's columns when stdout is a TTY, else 100. */
export function terminalWidth(stdout: unknown): number {
  const out = stdout as { isTTY?: boolean; columns?: number };
  const columns = out.isTTY === true ? out.columns : undefined;
  return typeof columns === "number" && Number.isInteger(columns) && columns >= 20 ? columns : 100;
}

/** `text` wrapped at spaces to lines of at most `width` characters: the first after `first`, the rest after `rest`. */
export function wrapWords(text: string, width: number, first = "  ", rest = "      "): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(" ").filter((w) => w !== "")) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = rest + word;
    } else line = empty ? line + word : `${line} ${word}`;
    empty = false;
  }
  lines.push(line);
  return lines;
}

/** Each text line of `lines` longer than `width` wrapped under its own indent; table lines kept whole. */
export function wrapLines(lines: string[], width: number): string[] {
  return lines.flatMap((line) => {
    if (line.length <= width || /^[┌│└├]/.test(line)) return [line];
    const indent = /^ */.exec(line)?.[0] ?? "";
    return wrapWords(line, width, indent, `${indent}    `);
  });
}
