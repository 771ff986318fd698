import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = path.join(ROOT, "bin/rollout-cost.js");
const BUNDLE = path.join(ROOT, "dist/bundle/cli/main.cjs");
// No NODE_OPTIONS from the test runner: V8 takes the cache only under a plain `node`'s flags.
const env = { ...process.env, NODE_OPTIONS: "" };

function estimateJson(bin: string, nodeFlags: string[] = [], cwd = ROOT) {
  const result = spawnSync(process.execPath, [...nodeFlags, bin, "estimate", "--json"], {
    encoding: "utf8",
    cwd,
    env,
    timeout: 20_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let expected: string;
let dir: string;

beforeAll(() => {
  expected = estimateJson(BIN).stdout;
  dir = mkdtempSync(path.join(tmpdir(), "rollout-code-cache-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of the bin and the bundle (which carries its dependencies) with `cache` as its code cache. */
function copyWithCache(name: string, cache: Buffer | null, bundleEnd = ""): string {
  const root = path.join(dir, name);
  mkdirSync(path.join(root, "bin"), { recursive: true });
  mkdirSync(path.join(root, "dist/bundle/cli"), { recursive: true });
  for (const file of ["bin/rollout-cost.js", "bin/package.json"])
    copyFileSync(path.join(ROOT, file), path.join(root, file));
  writeFileSync(path.join(root, "dist/bundle/cli/main.cjs"), readFileSync(BUNDLE, "utf8") + bundleEnd);
  if (cache) writeFileSync(path.join(root, "dist/bundle/cli/main.cjs.cache"), cache);
  return path.join(root, "bin/rollout-cost.js");
}

// The build (npm test builds first) writes dist/bundle/cli/main.cjs.cache; bin/rollout-cost.js uses it.
describe("the CLI's V8 code cache", () => {
  it("is accepted by this node for the bundle it was made from", () => {
    // The bundle wrapped as bin/rollout-cost.js wraps it.
    const check = `const { readFileSync } = require("node:fs");
      const source = readFileSync(${JSON.stringify(BUNDLE)}, "utf8");
      const wrapper = "(function (exports, require, module, __filename, __dirname) {" + source + "\\n})";
      const script = new (require("node:vm").Script)(wrapper, { cachedData: readFileSync(${JSON.stringify(`${BUNDLE}.cache`)}) });
      process.stdout.write(String(script.cachedDataRejected));`;
    const result = spawnSync(process.execPath, ["-e", check], { encoding: "utf8", env });
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe("false");
  });

  it("changes nothing the CLI prints when V8 rejects it (other V8 flags)", () => {
    expect(expected).toContain('"verdict"');
    expect(estimateJson(BIN, ["--max-old-space-size=1024"])).toEqual({
      code: 0,
      stdout: expected,
      stderr: "",
    });
  });

  it("is not needed: missing, garbage or made for another bundle, the bundle is compiled as usual", () => {
    const stale = copyWithCache("stale", readFileSync(`${BUNDLE}.cache`), "\n// rebuilt\n");
    for (const bin of [
      copyWithCache("missing", null),
      copyWithCache("garbage", Buffer.alloc(4096, 7)),
      stale,
    ])
      expect(estimateJson(bin)).toEqual({ code: 0, stdout: expected, stderr: "" });
  });

  it("works through a symlink (npm link, node_modules/.bin) and from any folder", () => {
    const link = path.join(dir, "rollout-cost");
    symlinkSync(BIN, link);
    expect(estimateJson(link, [], tmpdir())).toEqual({ code: 0, stdout: expected, stderr: "" });
  });
});
