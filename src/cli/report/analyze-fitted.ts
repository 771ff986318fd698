import { spawn } from "node:child_process";
import type { Workload } from "../../core/episode-shape.js";
import { scenarioToQuery } from "../../format/scenario-query.js";
import type { CliContext } from "../context.js";

/** The fitted uniform shape as an `estimate` command line and a link that opens it in the page. */
export function fittedShapeLinks(workload: Workload, presetId: string, modelId: string, port: number) {
  const { shape } = workload;
  const scenario = {
    ...(presetId !== "reference" && { preset: presetId }),
    modelId,
    episodes: workload.episodes,
    turns: shape.turns,
    initialPromptTokens: shape.initialPromptTokens,
    addedTokensPerTurn: shape.addedTokensPerTurn,
    generatedTokensPerTurn: shape.generatedTokensPerTurn,
  };
  return {
    workload,
    estimateCommand: [
      "rollout-cost estimate",
      ...(presetId !== "reference" ? [`--preset ${presetId}`] : []),
      `--model ${modelId}`,
      `--episodes ${workload.episodes}`,
      `--turns ${shape.turns}`,
      `--initial-prompt ${shape.initialPromptTokens}`,
      `--added-per-turn ${shape.addedTokensPerTurn}`,
      `--generated-per-turn ${shape.generatedTokensPerTurn}`,
    ].join(" "),
    link: `http://127.0.0.1:${port}/?${scenarioToQuery(scenario)}`,
  };
}

/** --open: runs $BROWSER with the link when set (no browser is assumed); prints the link either way. */
export function openLink(link: string | undefined, context: CliContext): void {
  if (link === undefined) {
    context.stderr.write("rollout-cost: --open: the log has no per-request shape to open in the page\n");
    return;
  }
  const browser = context.env.BROWSER;
  if (!browser) {
    context.stderr.write(`open in a browser (serve the page with 'rollout-cost serve'): ${link}\n`);
    return;
  }
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
