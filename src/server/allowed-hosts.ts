import { networkInterfaces } from "node:os";

const LOOPBACK_NAMES = ["localhost", "127.0.0.1", "[::1]"];
const WILDCARD = new Set(["0.0.0.0", "::", "[::]"]);

/** A host as it appears in a Host header: lower case, IPv6 in brackets. */
function hostForHeader(host: string): string {
  const lower = host.toLowerCase();
  return lower.includes(":") && !lower.startsWith("[") ? `[${lower}]` : lower;
}

/**
 * The Host header values the server answers (DNS-rebinding defence): its bound address, localhost,
 * 127.0.0.1 and [::1], each with the port (or bare on port 80); bound to 0.0.0.0 or ::, also every
 * address of this machine's interfaces. A name an attacker controls never matches.
 */
export function allowedHosts(boundHost: string, port: number): Set<string> {
  const names = new Set([...LOOPBACK_NAMES, hostForHeader(boundHost)]);
  if (WILDCARD.has(boundHost)) {
    for (const list of Object.values(networkInterfaces()))
      for (const info of list ?? []) names.add(hostForHeader(info.address.split("%")[0] ?? ""));
  }
  const allowed = new Set<string>();
  for (const name of names) {
    allowed.add(`${name}:${port}`);
    if (port === 80) allowed.add(name);
  }
  return allowed;
}

/** True when the request's Host header (case-insensitive, one trailing dot allowed) is in `allowed`. */
export function hostAllowed(header: string | undefined, allowed: Set<string>): boolean {
  if (header === undefined) return false;
  const host = header.toLowerCase().replace(/\.(?=(:\d+)?$)/, "");
  return allowed.has(host);
}
