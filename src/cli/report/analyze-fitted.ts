import type { Workload } from "../../core/episode-shape.js";
import { pageLink } from "../../format/page-link.js";
import type { ScenarioValues } from "../../scenario/fields.js";
import { argsFromValues } from "../../scenario/read-values.js";
import type { CliContext } from "../context.js";

/** The fitted uniform shape as an `estimate` command line and a link that opens it in the page. */
export function fittedShapeLinks(workload: Workload, presetId: string, modelId: string, port: number) {
  const values: ScenarioValues = {
    ...(presetId !== "reference" && { preset: presetId }),
    model: modelId,
    episodes: workload.episodes,
    ...workload.shape,
  };
  return {
    workload,
    estimateCommand: ["rollout-cost estimate", ...argsFromValues(values)].join(" "),
    link: pageLink(values, port),
  };
}

/** --open: runs $BROWSER with the link when set (no browser is assumed); prints the link either way. */
export async function openLink(link: string | undefined, context: CliContext): Promise<void> {
  if (link === undefined) {
    context.stderr.write("rollout-cost: --open: the log has no per-request shape to open in the page\n");
    return;
  }
  const browser = context.env.BROWSER;
  if (!browser) {
    context.stderr.write(`open in a browser (serve the page with 'rollout-cost serve'): ${link}\n`);
    return;
  }
  // node:child_process only for --open: imported here so that the bundled CLI does not load it at start.
  const { spawn } = await import("node:child_process");
  try {
    const child = spawn(browser, [link], { detached: true, stdio: "ignore" });
    child.on("error", () =>
      context.stderr.write(`rollout-cost: --open: could not run ${browser}; open ${link}\n`),
    );
    child.unref();
  } catch {
    context.stderr.write(`rollout-cost: --open: could not run ${browser}; open ${link}\n`);
  }
}
