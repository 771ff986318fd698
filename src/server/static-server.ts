import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { allowedHosts, hostAllowed } from "./allowed-hosts.js";
import { contentTypeFor } from "./content-types.js";
import { SECURITY_HEADERS } from "./security-headers.js";
import { staticPathFor } from "./static-path.js";

/** A running server and how to stop it. */
export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const STATUS_TEXT: Record<number, string> = {
  400: "Bad request",
  404: "Not found",
  421: "Misdirected request: this server answers only its own address, localhost, 127.0.0.1 or [::1]",
  405: "Method not allowed",
  500: "Internal error",
};

/**
 * Serves the files under `root` (read-only, GET and HEAD only) on host:port; port 0 picks a free one.
 * Requests never leave `root`, symlinks included; nothing in a request is evaluated; dotfiles are never
 * served; a Host header other than the bound address or loopback (with the port) is answered 421.
 */
export async function startStaticServer(options: {
  root: string;
  host: string;
  port: number;
}): Promise<RunningServer> {
  // node:http and node:fs/promises are imported here, not at the top: the bundled CLI loads them only to serve.
  const { createServer } = await import("node:http");
  const fs = await import("node:fs/promises");
  const root = await fs.realpath(path.resolve(options.root));
  let allowed = new Set<string>();
  const server = createServer((request, response) => {
    if (!hostAllowed(request.headers.host, allowed)) return plain(response, 421, request.method === "HEAD");
    handle(fs, root, request, response).catch(() => plain(response, 500, request.method === "HEAD"));
  });
  await listen(server, options.host, options.port);
  const { port } = server.address() as AddressInfo;
  allowed = allowedHosts(options.host, port);
  const hostInUrl = options.host.includes(":") ? `[${options.host}]` : options.host;
  return {
    url: `http://${hostInUrl}:${port}/`,
    port,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

type FsPromises = typeof import("node:fs/promises");

async function handle(
  fs: FsPromises,
  root: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const head = request.method === "HEAD";
  if (request.method !== "GET" && !head) {
    response.setHeader("Allow", "GET, HEAD");
    return plain(response, 405, false);
  }
  const target = staticPathFor(root, request.url ?? "");
  if (!target.ok) return plain(response, target.status, head);
  const file = await existingFileUnder(fs, root, target.filePath);
  if (!file) return plain(response, 404, head);
  const body = await fs.readFile(file);
  const hashed = file.startsWith(path.join(root, "assets") + path.sep);
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    "Content-Type": contentTypeFor(file),
    "Content-Length": body.length,
    // Vite names assets by content hash, so they never change; the page itself must be revalidated.
    "Cache-Control": hashed ? "public, max-age=31536000, immutable" : "no-cache",
  });
  response.end(head ? undefined : body);
}

// The real path of a regular file inside root, or undefined (missing, a folder, or a link out of root).
async function existingFileUnder(
  fs: FsPromises,
  root: string,
  filePath: string,
): Promise<string | undefined> {
  try {
    const real = await fs.realpath(filePath);
    if (!real.startsWith(root + path.sep)) return undefined;
    return (await fs.stat(real)).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

function plain(response: ServerResponse, status: number, head: boolean): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  const body = `${STATUS_TEXT[status] ?? "Error"}\n`;
  response.writeHead(status, {
    ...(response.getHeaders() as Record<string, string>),
    ...SECURITY_HEADERS,
    "Content-Type": "text/plain; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
    "Cache-Control": "no-store",
  });
  response.end(head ? undefined : body);
}
