import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startStaticServer } from "./static-server.js";

// A served folder with a secret beside it (and a link to it inside), to prove nothing leaves the folder.
const SECRET = "SECRET-OUTSIDE-ROOT";
let base: string;
let server: RunningServer;
const files: Record<string, string> = {
  "index.html": "<!doctype html><title>page</title>",
  "assets/app-1234.js": "console.log('app')",
  "assets/style-1234.css": "body{}",
  "icon.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
};

beforeAll(async () => {
  base = mkdtempSync(path.join(tmpdir(), "rollout-serve-"));
  const root = path.join(base, "web");
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), body);
  }
  writeFileSync(path.join(base, "secret.txt"), SECRET);
  writeFileSync(path.join(base, "web-secret.txt"), SECRET);
  symlinkSync(path.join(base, "secret.txt"), path.join(root, "link.txt"));
  // Dotfiles inside the served folder: never served (a --root pointed at a project folder holds .env, .git).
  mkdirSync(path.join(root, ".git"));
  writeFileSync(path.join(root, ".git", "config"), SECRET);
  writeFileSync(path.join(root, ".env"), SECRET);
  writeFileSync(path.join(root, "assets", ".hidden.js"), SECRET);
  server = await startStaticServer({ root, host: "127.0.0.1", port: 0 });
});

afterAll(async () => {
  await server?.close();
  rmSync(base, { recursive: true, force: true });
});

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

// A raw HTTP/1.1 request, so the path reaches the server byte for byte (no client-side normalising).
function request(target: string, method = "GET", host?: string | null): Promise<RawResponse> {
  const hostLine = host === null ? "" : `Host: ${host ?? `127.0.0.1:${server.port}`}\r\n`;
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, "127.0.0.1");
    const chunks: Buffer[] = [];
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("error", reject);
    socket.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const [head = "", ...rest] = text.split("\r\n\r\n");
      const [statusLine = "", ...headerLines] = head.split("\r\n");
      const headers = Object.fromEntries(
        headerLines.map((line) => {
          const colon = line.indexOf(":");
          return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()];
        }),
      );
      resolve({ status: Number(statusLine.split(" ")[1]), headers, body: rest.join("\r\n\r\n") });
    });
    const version = host === null ? "HTTP/1.0" : "HTTP/1.1";
    socket.write(`${method} ${target} ${version}\r\n${hostLine}Connection: close\r\n\r\n`);
  });
}

describe("startStaticServer", () => {
  it("serves / as index.html with the security headers", async () => {
    const response = await request("/");
    expect(response.status).toBe(200);
    expect(response.body).toBe(files["index.html"]);
    expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    const csp = response.headers["content-security-policy"] ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(response.headers["cache-control"]).toBe("no-cache");
  });

  it.each([
    ["/assets/app-1234.js", "text/javascript; charset=utf-8"],
    ["/assets/style-1234.css", "text/css; charset=utf-8"],
    ["/icon.svg", "image/svg+xml"],
    ["/index.html?model=kimi-k2p6&turns=8#x", "text/html; charset=utf-8"],
  ])("serves %s as %s", async (target, type) => {
    const response = await request(target);
    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toBe(type);
  });

  it("marks hashed assets immutable", async () => {
    expect((await request("/assets/app-1234.js")).headers["cache-control"]).toContain("immutable");
  });

  it("answers HEAD with the headers and no body", async () => {
    const response = await request("/", "HEAD");
    expect(response.status).toBe(200);
    expect(response.headers["content-length"]).toBe(String(files["index.html"]?.length));
    expect(response.body).toBe("");
  });

  it.each(["POST", "PUT", "DELETE", "OPTIONS", "PATCH"])(
    "refuses %s with 405 and Allow: GET, HEAD",
    async (method) => {
      const response = await request("/", method);
      expect(response.status).toBe(405);
      expect(response.headers.allow).toBe("GET, HEAD");
      expect(response.headers["content-security-policy"]).toBeDefined();
    },
  );

  it.each(["/nope", "/assets/", "/assets", "/index.htm", "//index.html", "/index.html/"])(
    "answers 404 for %s",
    async (target) => {
      expect((await request(target)).status).toBe(404);
    },
  );

  // Every way of naming ../secret.txt: plain, percent-encoded (any case), double-encoded, with
  // backslashes, a NUL, or a symlink out of the folder. None may answer with the secret.
  it.each([
    "/../secret.txt",
    "/assets/../../secret.txt",
    "/%2e%2e/secret.txt",
    "/%2E%2E%2Fsecret.txt",
    "/..%2fsecret.txt",
    "/..%5csecret.txt",
    "/..\\secret.txt",
    "/%252e%252e%252fsecret.txt",
    "/index.html%00.js",
    "/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "/link.txt",
    "/../web-secret.txt",
    "/%c0%ae%c0%ae/secret.txt",
    "/%",
    "/%zz",
    "secret.txt",
    "http://127.0.0.1/../secret.txt",
  ])("refuses %s without reading outside the folder", async (target) => {
    const response = await request(target);
    expect([400, 404]).toContain(response.status);
    expect(response.body).not.toContain(SECRET);
  });

  // Issue 14, finding 7: `Host: evil.example` was answered 200, so a DNS-rebinding page could read it.
  it.each([
    "evil.example",
    "evil.example:PORT",
    "127.0.0.1:1",
    "localhost:1",
    "127.0.0.1.evil.example:PORT",
    "localhost.evil.example:PORT",
    "[::1]:1",
    "",
    "127.0.0.1:PORT, evil.example",
  ])("refuses Host %j with 421 and nothing of the folder", async (host) => {
    const response = await request("/", "GET", host.replace("PORT", String(server.port)));
    expect(response.status).toBe(421);
    expect(response.body).not.toContain("<title>page</title>");
    expect(response.headers["content-security-policy"]).toBeDefined();
  });

  it("refuses a request with no Host header (HTTP/1.0) with 421", async () => {
    expect((await request("/", "GET", null)).status).toBe(421);
  });

  it.each(["127.0.0.1:PORT", "localhost:PORT", "LOCALHOST:PORT", "[::1]:PORT", "localhost.:PORT"])(
    "answers Host %j",
    async (host) => {
      const response = await request("/", "GET", host.replace("PORT", String(server.port)));
      expect(response.status).toBe(200);
      expect(response.body).toBe(files["index.html"]);
    },
  );

  it.each(["/.env", "/.git/config", "/assets/.hidden.js", "/%2eenv", "/.git/", "/.git"])(
    "never serves the dotfile %s",
    async (target) => {
      const response = await request(target);
      expect(response.status).toBe(404);
      expect(response.body).not.toContain(SECRET);
    },
  );

  it("never answers 5xx or with a file outside the folder, whatever the path (fast-check)", async () => {
    const piece = fc.oneof(
      fc.constantFrom("..", ".", "%2e", "%2E%2e", "%2f", "%2F", "%5c", "\\", "%00", "%252e", "%25", "%"),
      fc.constantFrom(
        "secret.txt",
        "index.html",
        "assets",
        "app-1234.js",
        "link.txt",
        "",
        "~",
        "web-secret.txt",
        ".env",
        ".git",
        "config",
        ".hidden.js",
      ),
      fc.string({ maxLength: 8 }).map((s) => encodeURIComponent(s)),
    );
    const target = fc.array(piece, { maxLength: 6 }).map((pieces) => `/${pieces.join("/")}`);
    const served = new Set(Object.values(files));
    await fc.assert(
      fc.asyncProperty(target, async (t) => {
        const response = await request(t);
        expect(response.status).toBeLessThan(500);
        expect(response.body).not.toContain(SECRET);
        if (response.status === 200) expect(served.has(response.body)).toBe(true);
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});
