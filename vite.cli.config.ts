import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";

// The CLI as one bundled file: Node's ES module loader spends most of a cold start opening and resolving
// module files (about 60 for `estimate` unbundled), while parsing one file of ~600 kB is lazy and cheap.
// CommonJS, not ESM: bin/rollout-cost.js compiles it with node:vm, which takes V8's code cache (Node 20 has
// no module compile cache), and `require` keeps externals such as cli-progress lazy where they are imported.
export default defineConfig({
  build: {
    ssr: "src/cli/main.ts",
    // Two folders below the package root, like src/cli/commands: serve finds ../../../dist/web from either.
    outDir: "dist/bundle/cli",
    emptyOutDir: true,
    target: "node20",
    minify: false,
    sourcemap: false,
    rollupOptions: {
      // The optional DuckDB engine stays outside the bundle: a native addon, required only by --engine duckdb.
      external: ["@duckdb/node-api"],
      output: {
        format: "cjs",
        entryFileNames: "main.cjs",
        codeSplitting: false,
        strict: true,
        dynamicImportInCjs: false,
        charset: "ascii",
        comments: { jsdoc: false },
      },
    },
  },
  ssr: { noExternal: true },
  // cli-table3 measures text with string-width; this one answers plain text at once (see the file).
  resolve: {
    alias: [
      {
        find: /^string-width$/,
        replacement: fileURLToPath(new URL("./src/cli/string-width.cjs", import.meta.url)),
      },
    ],
  },
  plugins: [codeCache()],
});

/**
 * Writes dist/bundle/cli/main.cjs.cache, V8's code cache for the bundle just written: the bin runs one
 * `estimate` and saves the cache on exit, so the functions a start needs are in it already compiled.
 * The old cache goes first (emptyOutDir removes it too), so a cache never outlives the bundle it was made from.
 */
function codeCache(): Plugin {
  return {
    name: "rollout-cost-code-cache",
    apply: "build",
    writeBundle() {
      const bin = fileURLToPath(new URL("./bin/rollout-cost.js", import.meta.url));
      rmSync(fileURLToPath(new URL("./dist/bundle/cli/main.cjs.cache", import.meta.url)), { force: true });
      const run = spawnSync(process.execPath, [bin, "estimate"], {
        // No NODE_OPTIONS: V8 takes a cache only under the flags it was made with, a plain `node`'s.
        env: { ...process.env, NODE_OPTIONS: "", ROLLOUT_COST_WRITE_CODE_CACHE: "1" },
        stdio: ["ignore", "ignore", "inherit"],
      });
      if (run.status !== 0) throw new Error(`writing the CLI's code cache: 'estimate' exited ${run.status}`);
    },
  };
}
