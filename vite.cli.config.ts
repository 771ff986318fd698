import { defineConfig } from "vite";

// The CLI as a few bundled chunks (the entry, one per command, shared code): Node's ES module loader
// spends most of a cold start opening and resolving files, so fewer files start faster.
export default defineConfig({
  build: {
    ssr: "src/cli/main.ts",
    // Two folders below the package root, like src/cli/commands: serve finds ../../../dist/web from either.
    outDir: "dist/bundle/cli",
    emptyOutDir: true,
    target: "node20",
    minify: false,
    sourcemap: false,
    rollupOptions: { output: { entryFileNames: "main.js", chunkFileNames: "[name]-[hash].js" } },
  },
  ssr: { noExternal: ["valibot", "cli-table3", "picocolors"] },
});
