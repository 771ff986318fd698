// The page's weight and speed: gzipped size of all JS in dist/web, and the time from an input event to
// the repaint that shows its result, measured in headless Chromium with performance marks.
// Needs `npm run build` first (`npm run bench` does it).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { BUILT_PAGE, startHarness } from "../e2e/harness.js";

const CHANGES = 60;

function jsFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return jsFiles(full);
    return /\.m?js$/.test(entry.name) ? [full] : [];
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

const IN_PAGE = `
      const fields = ["turns", "episodes", "initial", "added", "generated"];
      const values = {
        turns: (i) => String(2 + (i % 38)),
        episodes: (i) => String(500 + 37 * i),
        initial: (i) => String(4000 + 250 * i),
        added: (i) => String(3000 + 100 * i),
        generated: (i) => String(500 + 20 * i),
      };
      const script = [];
      const frame = [];
      const painted = [];
      const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
      for (let i = 0; i < changes; i++) {
        const name = fields[i % fields.length];
        const input = document.getElementById(\`field-\${name}\`);
        const result = new Promise((resolve) => {
          const start = performance.now();
          performance.mark(\`input-\${i}\`);
          setTimeout(() => script.push(performance.now() - start), 0);
          requestAnimationFrame(() => {
            frame.push(performance.measure(\`frame-\${i}\`, \`input-\${i}\`).duration);
            setTimeout(() => {
              painted.push(performance.measure(\`paint-\${i}\`, \`input-\${i}\`).duration);
              resolve();
            }, 0);
          });
        });
        input.value = values[name]?.(i) ?? "1";
        input.dispatchEvent(new Event("input", { bubbles: true }));
        await result;
        await nextTask();
      }
      const text = document.body.textContent ?? "";
      return { script, frame, painted, clean: !/NaN|Infinity|undefined/.test(text) };
`;

export async function main(): Promise<void> {
  const files = jsFiles(BUILT_PAGE);
  let raw = 0;
  let gzipped = 0;
  for (const file of files) {
    const bytes = readFileSync(file);
    raw += bytes.length;
    gzipped += gzipSync(bytes, { level: 9 }).length;
  }
  console.log(
    `page JS: ${files.length} file(s), ${(raw / 1000).toFixed(1)} kB raw, ${(gzipped / 1000).toFixed(1)} kB gzipped (level 9); budget 150 kB`,
  );

  const harness = await startHarness();
  try {
    const page = await harness.browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await page.goto(harness.server.url);
    await page.waitForSelector(".chart-box svg");
    // In the page: for each change, mark the input event (capture phase, before the app's handler),
    // then measure (a) when the app's own work is done (a task after the render microtasks), (b) the
    // next animation frame, and (c) a task after that frame, by which time it has been painted.
    // Sent as text: tsx would add helpers to a compiled function that the page does not have.
    const timings = (await page.evaluate(`(async (changes) => {${IN_PAGE}})(${CHANGES})`)) as {
      script: number[];
      frame: number[];
      painted: number[];
      clean: boolean;
    };
    if (!timings.clean) throw new Error("the page showed NaN, Infinity or undefined during the benchmark");
    const line = (label: string, values: number[]) =>
      console.log(
        `${label}: median ${median(values).toFixed(2)} ms, p90 ${percentile(values, 90).toFixed(2)} ms, max ${Math.max(...values).toFixed(2)} ms`,
      );
    console.log(
      `${CHANGES} input changes (turns, episodes, initial, added, generated in turn), 1440 px viewport:`,
    );
    line("  input -> app work done (recompute, 40-point sweep, Preact render, Plot redraw)", timings.script);
    line("  input -> next animation frame", timings.frame);
    line("  input -> repainted (task after that frame)", timings.painted);
  } finally {
    await harness.close();
  }
}
