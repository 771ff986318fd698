import { describe, expect, it } from "vitest";
import { isLoopbackHost, watchTarget } from "./watch-url.js";

describe("watchTarget(url, allowedHosts)", () => {
  it.each([
    "http://127.0.0.1:8000/metrics",
    "http://127.8.9.10/metrics",
    "http://localhost:30000/metrics",
    "http://LOCALHOST/metrics",
    "http://[::1]:8000/metrics",
    "http://[::ffff:127.0.0.1]/metrics",
    "http://0.0.0.0:8000/metrics",
    "http://2130706433/metrics", // 127.0.0.1 as one decimal number: URL normalises it
    "https://vllm.localhost/metrics",
  ])("%s is loopback", (url) => {
    const result = watchTarget(url, []);
    expect(result.ok && result.target.loopback).toBe(true);
  });

  it.each([
    ["http://10.0.0.5:8000/metrics", /host "10.0.0.5" is not this machine/],
    ["http://127.0.0.1.nip.io/metrics", /is not this machine/],
    ["http://localhost.example.com/metrics", /is not this machine/],
    ["http://[::2]/metrics", /host "\[::2\]" is not this machine/],
    ["file:///etc/passwd", /only http and https/],
    ["javascript:alert(1)", /only http and https/],
    ["http://a:b@localhost/", /user name or password/],
    ["127.0.0.1:8000", /not a URL: "127.0.0.1:8000" \(expected like http:\/\/127.0.0.1:8000\/metrics\)/],
    ["", /not a URL/],
  ])("%s is refused", (url, reason) => {
    const result = watchTarget(url, []);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it("allows a host named in --allow-host, case-insensitively and whatever the port", () => {
    const result = watchTarget("https://API.Fireworks.ai:443/v1/accounts/a/metrics", ["api.fireworks.ai"]);
    expect(result).toMatchObject({ ok: true, target: { loopback: false } });
    expect(watchTarget("https://api.fireworks.ai.evil.com/", ["api.fireworks.ai"]).ok).toBe(false);
  });

  it("isLoopbackHost rejects addresses that only look close", () => {
    expect(isLoopbackHost("128.0.0.1")).toBe(false);
    expect(isLoopbackHost("127.0.0.256")).toBe(false);
  });
});
