import { defineConfig } from "vite";

// The CLI as one bundled file: Node's ES module loader spends most of a cold start opening and resolving
// module files (about 60 for `estimate` unbundled), while parsing one file of ~600 kB is lazy and cheap.
export default defineConfig({
  build: {
    ssr: "src/cli/main.ts",
    // Two folders below the package root, like src/cli/commands: serve finds ../../../dist/web from either.
    outDir: "dist/bundle/cli",
    emptyOutDir: true,
    target: "node20",
    minify: false,
    sourcemap: false,
    rollupOptions: { output: { entryFileNames: "main.js", codeSplitting: false } },
  },
  ssr: { noExternal: ["valibot", "cli-table3", "picocolors"] },
});
