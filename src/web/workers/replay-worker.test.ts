import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { cliJson } from "../../../test/cli-helpers.js";
import { replayPlansFor } from "../../scenario/replay-for.js";
import { handleReplayRequest } from "./replay-worker.js";

const tracePath = fileURLToPath(
  new URL("../../../examples/traces/mooncake-synthetic-trace.jsonl.gz", import.meta.url),
);

describe("the replay worker and replayPlansFor", () => {
  it("replays the shared trace (gzipped) to the README's figures and prices rows as `replay --json`", async () => {
    const capacities = [1_024_000, 2_560_000, 10_240_000, Number.POSITIVE_INFINITY];
    const answer = await handleReplayRequest({
      type: "replay",
      file: new Blob([readFileSync(tracePath)]),
      capacitiesTokens: capacities,
    });
    if (answer.type !== "done") throw new Error(answer.message);
    // The trace README: 14.67 %, 28.43 %, 58.19 % and 65.12 % of input tokens; 3,993 requests.
    expect(answer.trace.requests).toBe(3993);
    expect(answer.rows.map((r) => Math.round(r.hitFraction * 10_000) / 100)).toEqual([
      14.67, 28.43, 58.19, 65.12,
    ]);
    const cli = await cliJson(["replay", tracePath, "--model", "kimi-k2p6", "--json"]);
    expect(cli.rows.map((r: { hitTokens: number }) => r.hitTokens)).toEqual(
      answer.rows.map((r) => r.hitTokens),
    );
    answer.rows.forEach((row, i) => {
      expect(JSON.parse(JSON.stringify(replayPlansFor(row, "kimi-k2p6")))).toEqual(cli.rows[i].plans);
    });
  });

  it("answers an error for a file with no trace line, and for a request without a file", async () => {
    const empty = await handleReplayRequest({
      type: "replay",
      file: new Blob(["hello\n"]),
      capacitiesTokens: [1000],
    });
    expect(empty).toEqual({ type: "error", message: "no request could be read (1 lines)" });
    const bad = await handleReplayRequest({
      type: "replay",
      file: "x" as unknown as Blob,
      capacitiesTokens: [],
    });
    expect(bad.type).toBe("error");
  });
});
