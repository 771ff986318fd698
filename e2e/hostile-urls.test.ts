// Issue 14: the page never renders NaN, Infinity or undefined, and never throws, whatever its address
// says: hand-picked hostile links and 100 generated from the field keys (fast-check, fixed seed), in real
// headless Chromium against the built dist/web.
import fc from "fast-check";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEADLINE_FIELD, LINK_FIELDS } from "../src/scenario/fields.js";
import { type Harness, startHarness, watchErrors } from "./harness.js";

let harness: Harness;
let page: Page;
let errors: string[];

beforeAll(async () => {
  harness = await startHarness();
  page = await harness.browser.newPage({ viewport: { width: 1280, height: 900 } });
  errors = watchErrors(page);
});

afterAll(async () => {
  await harness?.close();
});

/**
 * Opens `query` (a fresh load, or with `navigate` false the page's own history navigation: pushState and
 * popstate, as Back and Forward do), waits for Preact to render and paint, and returns everything the page
 * shows as text: every text node (SVG labels included), aria-labels and titles.
 */
async function textAt(query: string, navigate = true): Promise<string> {
  if (navigate) {
    await page.goto(`${harness.server.url}${query}`);
    await page.waitForSelector("#field-turns");
  }
  return page.evaluate(
    (pushed) =>
      new Promise<string>((resolve) => {
        if (pushed !== null) {
          history.pushState(null, "", pushed);
          dispatchEvent(new PopStateEvent("popstate"));
        }
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            const labels = [...document.querySelectorAll("[aria-label],[title]")].map(
              (el) => `${el.getAttribute("aria-label") ?? ""} ${el.getAttribute("title") ?? ""}`,
            );
            resolve(`${document.body.textContent}\n${labels.join("\n")}`);
          }),
        );
      }),
    navigate ? null : query,
  );
}

const NOT_A_FIGURE = /NaN|Infinity|undefined/;

/**
 * Where in `text` a non-figure shows, with a little context, for a failed test's message. A quoted value
 * is the visitor's own text echoed back ('"NaN" is not a number.'), not a figure: it is left out.
 */
function around(text: string, query = ""): string {
  let figures = text;
  for (const value of new URLSearchParams(query).values())
    if (value !== "") figures = figures.replaceAll(value, "");
  figures = figures.replace(/"[^"\n]*"/g, '""');
  const at = figures.search(NOT_A_FIGURE);
  return at < 0 ? "" : figures.slice(Math.max(0, at - 60), at + 40);
}

// Every key a link can carry: the field table's URL keys and the deadline's.
const FIELD_KEYS = [...LINK_FIELDS, DEADLINE_FIELD].flatMap((f) => (f.query === undefined ? [] : [f.query]));

describe("hostile links (issue 14)", { timeout: 120_000 }, () => {
  it("the check finds a non-figure, and leaves the visitor's own echoed value alone", () => {
    expect(around("The two cost the same at about NaN turns ($NaN).")).not.toBe("");
    expect(around('Turns must be a whole number; "NaN" is not a number.', "?turns=NaN")).toBe("");
    expect(around("Episodes: Infinity is not a number.", "?episodes=Infinity")).toBe("");
    expect(around("Episodes: 12 undefined", "?episodes=12")).not.toBe("");
  });

  it.each([
    "?initial=0&added=0&generated=0",
    "?initial=0&added=0&generated=0&turns=200&episodes=10000000",
    "?turns=0",
    "?turns=200&added=10000000&initial=10000000&generated=10000000&episodes=10000000&ptps=0.001&dtps=0.001",
    "?episodes=1e308",
    "?episodes=-0",
    "?ptps=1e-300&dtps=1e-300",
    "?ptps=Infinity&dtps=NaN",
    "?gpus=1e12",
    "?gpus=0",
    "?model=%1B[2J",
    "?model=__proto__&preset=constructor",
    "?preset=__proto__",
    "?turns=1__0&episodes=%205&initial=+5",
    "?turns=%00&episodes=%E2%80%AE5",
    `?model=${"x".repeat(5000)}`,
    "?turns=8&turns=9",
    "?%E0%A4%A=1",
  ])("%s: no NaN, Infinity or undefined; no page error", async (query) => {
    errors.length = 0;
    const text = await textAt(query);
    expect(around(text, query), query).toBe("");
    expect(errors, query).toEqual([]);
  });

  it("100 generated links from the field keys with hostile values", async () => {
    const value = fc.oneof(
      fc.constantFrom(
        "0",
        "-0",
        "1",
        "200",
        "201",
        "10000000",
        "1e308",
        "1e-300",
        "0.001",
        "NaN",
        "Infinity",
        "-1",
        "",
        " 5",
        "+5",
        "1__0",
        "5K",
        "__proto__",
        "\u001b[2J",
        "\u0000",
        "\u202e",
        "kimi-k2p6",
        "gpt-oss-120b",
        "current",
        "reference",
        "x".repeat(2000),
      ),
      fc.string({ maxLength: 12 }),
      fc.double().map(String),
    );
    const queries = fc.sample(
      fc
        .uniqueArray(fc.tuple(fc.constantFrom(...FIELD_KEYS), value), {
          minLength: 1,
          maxLength: 6,
          selector: ([key]) => key,
        })
        .map((pairs) => `?${pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("&")}`),
      { seed: 1414, numRuns: 100 },
    );
    const bad: string[] = [];
    await textAt("?turns=8");
    for (const [i, query] of queries.entries()) {
      errors.length = 0;
      // One in ten a fresh load; the rest through the page's history navigation (faster, same parsing).
      const text = await textAt(query, i % 10 === 0);
      if (around(text, query) !== "") bad.push(`${query.slice(0, 120)}: …${around(text, query)}…`);
      if (errors.length > 0) bad.push(`${query.slice(0, 120)}: ${errors.join("; ").slice(0, 200)}`);
    }
    expect(queries).toHaveLength(100);
    expect(bad).toEqual([]);
  });
});
