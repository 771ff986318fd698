import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { staticPathFor } from "./static-path.js";

const root = path.resolve("/srv/web");

describe("staticPathFor", () => {
  it.each([
    ["/", "/srv/web/index.html"],
    ["/?turns=8", "/srv/web/index.html"],
    ["/assets/app.js", "/srv/web/assets/app.js"],
    ["/assets/app%20x.js", "/srv/web/assets/app x.js"],
  ])("maps %s to %s", (target, filePath) => {
    expect(staticPathFor(root, target)).toEqual({ ok: true, filePath });
  });

  it.each([
    ["/../x", 400],
    ["/%2e%2e/x", 400],
    ["/a%2f..%2f..%2fx", 400],
    ["/a\\..\\x", 400],
    ["/%5c", 400],
    ["/%252e%252e/x", 400],
    ["/x%00", 400],
    ["/%E0%A4%A", 400],
    ["x", 400],
    ["/./index.html", 400],
    ["/assets/", 404],
    ["//etc/passwd", 404],
  ])("refuses %s with %d", (target, status) => {
    expect(staticPathFor(root, target)).toEqual({ ok: false, status });
  });

  it("never maps any string outside the root (fast-check)", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string().map((s) => `/${s}`),
          fc.webPath(),
        ),
        (target) => {
          const result = staticPathFor(root, target);
          if (result.ok) expect(result.filePath.startsWith(`${root}${path.sep}`)).toBe(true);
        },
      ),
      { seed: 42, numRuns: 2000 },
    );
  });
});
