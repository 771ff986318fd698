import preact from "@preact/preset-vite";
import { defineConfig } from "vite";

// The page lives in src/web and builds into dist/web, which `rollout-cost serve` serves. The server's
// Content-Security-Policy allows no inline script, so the module preload polyfill (inlined) is off.
export default defineConfig({
  root: "src/web",
  base: "./",
  plugins: [preact()],
  build: {
    outDir: "../../dist/web",
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    target: "es2022",
  },
});
