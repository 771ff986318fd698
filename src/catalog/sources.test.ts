import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CATALOG } from "./index.js";
import { SOURCES } from "./sources.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Every `source` string anywhere in the catalog, with where it sits. */
function sources(value: unknown, path: string, out: { path: string; source: string }[] = []) {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) sources(v, `${path}[${i}]`, out);
  } else if (value && typeof value === "object") {
    for (const [key, v] of Object.entries(value)) {
      if (key.toLowerCase().endsWith("source") && typeof v === "string")
        out.push({ path: `${path}.${key}`, source: v });
      else sources(v, `${path}.${key}`, out);
    }
  }
  return out;
}

// A source a user can follow: a public https address, a file of this repository that exists, or a
// default that says it is rollout-cost's own choice rather than a figure read somewhere.
function followable(source: string): boolean {
  if (/https:\/\/\S+/.test(source) || source.startsWith("rollout-cost's choice")) return true;
  const files = source.match(/\b(?:docs|test\/fixtures|examples)\/[\w./-]+/g) ?? [];
  return files.length > 0 && files.every((file) => existsSync(`${ROOT}${file}`));
}

describe("the catalog's sources", () => {
  const all = sources(CATALOG, "catalog");

  it("finds the sources it checks", () => {
    expect(all.length).toBeGreaterThan(50);
  });

  it("never cite a file outside the repository", () => {
    expect(all.filter((s) => /DATA\.md|shared\//.test(s.source))).toEqual([]);
  });

  // The one list read from a page whose address was not kept says so, and is used only beside the others.
  it("name a public address or a file in this repository, except the one that says it cannot", () => {
    const unfollowable = all.filter((s) => !followable(s.source)).map((s) => s.source);
    expect([...new Set(unfollowable)]).toEqual([SOURCES.fireworksRft]);
    expect(SOURCES.fireworksRft).toMatch(/address was not recorded/);
  });
});
