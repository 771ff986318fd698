// The layers hold: core imports nothing outside core; catalog takes only types from core; no surface
// (cli, web, server) imports another; no CLI command imports another command; no file cycles.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = fileURLToPath(new URL("../src/", import.meta.url));

interface Edge {
  from: string;
  to: string;
  typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

// `import … from "./x.js"` and `export … from "./x.js"`, static or dynamic, relative only.
const IMPORT =
  /(?:^|\n)\s*(import|export)\s+(type\s+)?[^;]*?from\s+["'](\.[^"']+)["']|import\(\s*["'](\.[^"']+)["']\s*\)/g;

function edges(): Edge[] {
  const out: Edge[] = [];
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[3] ?? m[4];
      if (!spec) continue;
      const target = resolve(dirname(file), spec).replace(/\.js$/, "");
      const to = [".ts", ".tsx"]
        .map((ext) => target + ext)
        .find((p) => {
          try {
            return statSync(p).isFile();
          } catch {
            return false;
          }
        });
      if (!to) throw new Error(`${relative(SRC, file)} imports ${spec}, which is not a source file`);
      out.push({ from: relative(SRC, file), to: relative(SRC, to), typeOnly: m[2] !== undefined });
    }
  }
  return out;
}

const layer = (path: string) => path.split("/")[0] ?? "";
const SURFACES = ["cli", "web", "server"];
const ALL = edges();

describe("the import graph of src/", () => {
  it("has edges to read (the scanner works)", () => {
    expect(ALL.length).toBeGreaterThan(200);
    expect(ALL.some((e) => e.from === "cli/commands/compare.ts" && e.to === "scenario/price.ts")).toBe(true);
  });

  it("core imports nothing outside core", () => {
    expect(ALL.filter((e) => layer(e.from) === "core" && layer(e.to) !== "core")).toEqual([]);
  });

  it("catalog imports only types from core, and nothing from the layers above it", () => {
    const bad = ALL.filter(
      (e) =>
        layer(e.from) === "catalog" &&
        ((layer(e.to) === "core" && !e.typeOnly) || !["core", "catalog"].includes(layer(e.to))),
    );
    expect(bad).toEqual([]);
  });

  it("no surface imports another surface, and no engine layer imports a surface", () => {
    const bad = ALL.filter(
      (e) => SURFACES.includes(layer(e.to)) && layer(e.from) !== layer(e.to) && !e.typeOnly,
    );
    // The CLI's `serve` starts the server: the one place a surface starts another.
    expect(bad.filter((e) => !(e.from === "cli/commands/serve.ts" && layer(e.to) === "server"))).toEqual([]);
  });

  it("no CLI command imports another command", () => {
    const isCommand = (p: string) => p.startsWith("cli/commands/");
    expect(ALL.filter((e) => isCommand(e.from) && isCommand(e.to))).toEqual([]);
  });

  // Type-only imports are erased by the compiler, so only value imports can form a cycle at run time.
  it("has no cycle between files", () => {
    const next = new Map<string, string[]>();
    for (const e of ALL.filter((x) => !x.typeOnly)) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
    const state = new Map<string, "open" | "done">();
    const cycles: string[][] = [];
    const visit = (node: string, path: string[]) => {
      if (state.get(node) === "done") return;
      if (state.get(node) === "open") {
        cycles.push([...path.slice(path.indexOf(node)), node]);
        return;
      }
      state.set(node, "open");
      for (const to of next.get(node) ?? []) visit(to, [...path, node]);
      state.set(node, "done");
    };
    for (const node of next.keys()) visit(node, []);
    expect(cycles).toEqual([]);
  });
});
