import { describe, expect, it } from "vitest";
import { cutText, echo, stripControls } from "./echo.js";

describe("echo", () => {
  it("quotes a plain value", () => {
    expect(echo("abc")).toBe('"abc"');
  });
  it("replaces ANSI escapes and line breaks so a value cannot redraw the terminal", () => {
    expect(echo("\u001b[2J\u001b[Hx\ny")).toBe('"\uFFFD[2J\uFFFD[Hx\uFFFDy"');
  });
  it("cuts a long value to the limit with an ellipsis", () => {
    const out = echo("x".repeat(100_000));
    expect(out.length).toBe(62);
    expect(out.endsWith('…"')).toBe(true);
  });
  it("does not split a surrogate pair when cutting", () => {
    expect(cutText("😀".repeat(10), 3)).toBe("😀😀…");
  });
  it("leaves printable text alone", () => {
    expect(stripControls("Kimi K2.6 (128K) · 8×")).toBe("Kimi K2.6 (128K) · 8×");
  });
});
