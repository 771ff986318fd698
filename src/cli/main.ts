// The only file that touches `process`: argv in, exit code out.
import { runCli } from "./run.js";

const controller = new AbortController();
process.once("SIGINT", () => controller.abort());
process.once("SIGTERM", () => controller.abort());

void runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  // A getter: process.stdin builds a stream (~1 ms) that only the commands reading `-` need.
  get stdin() {
    return process.stdin;
  },
  env: process.env,
  signal: controller.signal,
}).then((code) => {
  process.exitCode = code;
});
