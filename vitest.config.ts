import { defineConfig } from "vitest/config";

// VITEST_JSON (set by .ci/run) adds a JSON report from which CI prints its "N passed, N failed" line.
const jsonReport = process.env.VITEST_JSON;

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts", "e2e/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    ...(jsonReport ? { reporters: ["default", "json"], outputFile: { json: jsonReport } } : {}),
  },
});
