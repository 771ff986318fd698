#!/usr/bin/env node
// Runs the bundled CLI (dist/bundle/cli/main.cjs) with the V8 code cache that `npm run build` wrote beside it:
// compiling the ~600 kB bundle is a good part of a cold start, and Node 20 has no compile cache of its own.
// CommonJS (bin/package.json): an ES module entry would also start Node's ES module loader, ~3 ms.
const { readFileSync, writeFileSync } = require("node:fs");
const { createRequire } = require("node:module");
const path = require("node:path");
const { Script } = require("node:vm");

const filename = path.join(__dirname, "../dist/bundle/cli/main.cjs");
const cacheFile = `${filename}.cache`;
const source = readFileSync(filename, "utf8");
// The build writes the cache from the bundle it has just written (vite.cli.config.ts). V8 rejects a cache from
// another V8 version, other V8 flags or a source of another length, and the bundle is then compiled as usual.
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {}
// The CommonJS wrapper, as Node's own loader writes it: the cache holds the code of this very text.
const wrapper = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
const script = new Script(wrapper, { filename, cachedData });
const bundle = { exports: {} };
script.runInThisContext()(bundle.exports, createRequire(filename), bundle, filename, path.dirname(filename));
// At build time (vite.cli.config.ts): save the cache once this run has compiled what a start needs.
if (process.env.ROLLOUT_COST_WRITE_CODE_CACHE === "1")
  process.once("exit", () => writeFileSync(cacheFile, script.createCachedData()));
