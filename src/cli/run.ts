import { echo } from "../format/echo.js";
import { CliError } from "./cli-error.js";
import type { CliContext, Command } from "./context.js";

/** Every command, loaded on demand so that start-up parses only the one asked for. */
// A Map, not an object: a command named "__proto__" or "toString" must be unknown, not Object.prototype's.
const COMMANDS = new Map<string, () => Promise<Command>>([
  ["estimate", async () => (await import("./commands/estimate.js")).estimate],
  ["catalog", async () => (await import("./commands/catalog.js")).catalog],
  ["compare", async () => (await import("./commands/compare.js")).compare],
  ["analyze", async () => (await import("./commands/analyze.js")).analyze],
  ["breakeven", async () => (await import("./commands/breakeven.js")).breakeven],
  ["sweep", async () => (await import("./commands/sweep.js")).sweep],
  ["throughput", async () => (await import("./commands/throughput.js")).throughput],
  ["simulate", async () => (await import("./commands/simulate.js")).simulate],
  ["replay", async () => (await import("./commands/replay.js")).replay],
  ["serve", async () => (await import("./commands/serve.js")).serve],
  ["watch", async () => (await import("./commands/watch.js")).watch],
]);

const SUMMARIES: Record<string, string> = {
  estimate: "price N episodes on the Fireworks page's two plans (per token vs dedicated GPU-hours)",
  catalog: "list the catalog's models, prices and presets with sources and dates",
  compare: "price one workload on every chosen plan, with a reality check of the page's assumptions",
  analyze: "read a rollout request log: measured shape, cache hits vs ideal, priced on every plan",
  breakeven: "solve for break-even turns, episodes or cache hit between two plans, or GPUs for a deadline",
  sweep: "every plan's cost over one or two inputs, as CSV",
  throughput: "derive prefill/decode tok/s, KV capacity and cache survival from the model and GPU",
  simulate: "simulate rollouts event by event: cache hits, re-prefill by cause, GPU-hours, $, the RL step",
  replay: "replay a serving trace (Mooncake format) through prefix caches: hit rate against capacity, priced",
  serve: "serve the web calculator on http://127.0.0.1:PORT (Ctrl-C stops it)",
  watch: "scrape a vLLM, SGLang or Fireworks metrics endpoint: live tok/s, cache hit, saturation, $/hour",
};

function usage(): string {
  const width = Math.max(...Object.keys(SUMMARIES).map((name) => name.length));
  const lines = Object.entries(SUMMARIES).map(([name, summary]) => `  ${name.padEnd(width)}  ${summary}`);
  return `Usage: rollout-cost <command> [options]

What multi-turn agentic RL rollouts cost per token or by the GPU-hour.

Commands:
${lines.join("\n")}

Run 'rollout-cost <command> --help' for a command's options.
`;
}

/** Runs one CLI invocation and returns its exit code; every error is reported here, once. */
export async function runCli(argv: string[], context: CliContext): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === undefined || name === "--help" || name === "-h" || name === "help") {
      context.stdout.write(usage());
      return 0;
    }
    if (name === "--version") {
      context.stdout.write("rollout-cost 0.1.0\n");
      return 0;
    }
    const load = COMMANDS.get(name);
    if (!load)
      throw new CliError(`unknown command: ${echo(name)} (known: ${[...COMMANDS.keys()].join(", ")})`);
    const command = await load();
    if (rest.includes("--help") || rest.includes("-h")) {
      context.stdout.write(`${command.help}\n`);
      return 0;
    }
    await command.run(rest, context);
    return 0;
  } catch (error) {
    if (error instanceof CliError) {
      context.stderr.write(`rollout-cost: ${error.message}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    context.stderr.write(`rollout-cost: internal error: ${message}\n`);
    return 1;
  }
}
