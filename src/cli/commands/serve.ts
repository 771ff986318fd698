import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { echo } from "../../format/echo.js";
import { DEFAULT_PORT } from "../../format/page-link.js";
import { listenHost } from "../../server/host-name.js";
import { startStaticServer } from "../../server/static-server.js";
import { CliError } from "../cli-error.js";
import type { Command } from "../context.js";
import { numberFlag, parseFlags } from "../flags.js";

/** The default port when neither --port nor PORT is given (Vite's preview port, rarely taken). */

// dist/cli/commands/serve.js and src/cli/commands/serve.ts both sit three folders below the package.
const BUILT_PAGE = fileURLToPath(new URL("../../../dist/web/", import.meta.url));

const FLAGS = {
  port: { type: "string" },
  host: { type: "string" },
  root: { type: "string" },
} as const;

export const serve: Command = {
  summary: "serve the web calculator on http://127.0.0.1:PORT (Ctrl-C stops it)",
  help: `Usage: rollout-cost serve [options]

Serves the web calculator (built into dist/web by 'npm run build') and prints
its URL. Only this machine can reach it unless --host says otherwise.
Ctrl-C stops it.

Options
  --port <n>     port, 0..65535 (default: PORT from the environment, else ${DEFAULT_PORT});
                 0 picks a free one
  --host <addr>  address to bind (default 127.0.0.1; 0.0.0.0 exposes it to the network)
  --root <dir>   folder to serve (default: the package's dist/web)
  -h, --help     this text

Exit codes: 0 stopped by Ctrl-C, 1 the page is not built or the port is taken, 2 bad input.`,
  async run(argv, context) {
    const { values } = parseFlags(argv, FLAGS);
    const port =
      values.port !== undefined
        ? numberFlag("port", values.port, { integer: true, min: 0, max: 65535 })
        : portFromEnv(context.env.PORT);
    const { isIP } = await import("node:net");
    const host = listenHost(values.host ?? "127.0.0.1", isIP);
    if (host === null)
      throw new CliError(
        `--host must be an IP address or a host name (at most 253 characters, labels of letters, digits, - or _), got ${echo(values.host)}`,
      );
    const root = values.root ?? BUILT_PAGE;
    if (!existsSync(`${root}/index.html`)) {
      throw new CliError(
        `the web page is not built (no ${echo(`${root.replace(/\/$/, "")}/index.html`, 200)}): run \`npm run build\` first`,
        1,
      );
    }
    let server: Awaited<ReturnType<typeof startStaticServer>>;
    try {
      server = await startStaticServer({ root, host, port: port ?? DEFAULT_PORT });
    } catch (error) {
      throw listenError(error, host, port ?? DEFAULT_PORT);
    }
    context.stdout.write(`rollout-cost calculator: ${server.url}\nPress Ctrl-C to stop.\n`);
    await new Promise<void>((resolve) => {
      if (context.signal.aborted) resolve();
      else context.signal.addEventListener("abort", () => resolve(), { once: true });
    });
    await server.close();
    context.stdout.write("Stopped.\n");
  },
};

/** Every way listening can fail, as one line: the port taken or not ours to use exits 1, a bad --host 2. */
function listenError(error: unknown, host: string, port: number): CliError {
  const code = String((error as NodeJS.ErrnoException).code ?? "unknown error");
  if (code === "EADDRINUSE")
    return new CliError(`port ${port} is in use: pick another with --port or PORT (0 picks a free one)`, 1);
  if (code === "EACCES")
    return new CliError(`cannot listen on port ${port} (EACCES: ports below 1024 need privileges)`, 1);
  // ENOTFOUND, EAI_AGAIN, EADDRNOTAVAIL, EINVAL…: the name or address given cannot be listened on here.
  return new CliError(`--host: cannot listen on ${echo(host)} port ${port} (${echo(code)})`);
}

function portFromEnv(raw: string | undefined): number | undefined {
  if (raw === undefined || raw === "") return undefined;
  const text = raw.trim();
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(value) || value > 65535) {
    throw new CliError(`PORT must be an integer from 0 to 65535, got ${echo(raw)}`);
  }
  return value;
}
