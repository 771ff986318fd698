// The static server under load on loopback (issue 14): requests per second with keep-alive, errors, and
// that a foreign Host is refused every time. BENCH_SERVER_REQUESTS sets the count (default 20,000).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startStaticServer } from "../src/server/static-server.js";

function get(agent: Agent, port: number, host: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request({ agent, port, host: "127.0.0.1", path: "/", headers: { Host: host } }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", () => resolve(0));
    req.end();
  });
}

export async function main(): Promise<void> {
  const total = Number(process.env.BENCH_SERVER_REQUESTS ?? 20_000);
  const root = mkdtempSync(join(tmpdir(), "rollout-bench-serve-"));
  writeFileSync(join(root, "index.html"), `<!doctype html><title>page</title>${"x".repeat(2000)}`);
  const server = await startStaticServer({ root, host: "127.0.0.1", port: 0 });
  const agent = new Agent({ keepAlive: true, maxSockets: 32 });
  try {
    const statuses = new Map<number, number>();
    const start = process.hrtime.bigint();
    let next = 0;
    const worker = async () => {
      while (next < total) {
        const i = next++;
        // Every tenth request names a foreign host, as a DNS-rebinding page would.
        const host = i % 10 === 9 ? `evil.example:${server.port}` : `127.0.0.1:${server.port}`;
        const status = await get(agent, server.port, host);
        const key = i % 10 === 9 ? -status : status;
        statuses.set(key, (statuses.get(key) ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: 32 }, worker));
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const own = statuses.get(200) ?? 0;
    const refused = statuses.get(-421) ?? 0;
    const other = total - own - refused;
    console.log(
      `${total.toLocaleString("en-US")} GET / on loopback, 32 keep-alive sockets: ${(total / seconds).toFixed(0)} requests/s; ` +
        `own Host 200: ${own}, foreign Host 421: ${refused}, anything else: ${other}`,
    );
    if (other !== 0) throw new Error(`unexpected statuses: ${JSON.stringify([...statuses])}`);
  } finally {
    agent.destroy();
    await server.close();
    rmSync(root, { recursive: true, force: true });
  }
}
