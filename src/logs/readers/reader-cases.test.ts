import { describe, expect, it } from "vitest";
import { fieldGetter } from "../field-path.js";
import { fireworksPerf } from "./fireworks-perf.js";
import { detectReader } from "./index.js";
import { nemoRlTrainData } from "./nemo-rl-train-data.js";
import type { ReadContext, ReadResult } from "./reader.js";
import { tinkerRollouts } from "./tinker-rollouts.js";
import { trainingEfficiency } from "./training-efficiency.js";
import { verifiersTraces } from "./verifiers-traces.js";

const context: ReadContext = { line: 7, episode: null, episodeKey: "episode_id", cachedOptional: false };
const kind = (r: ReadResult) => (r.ok ? "ok" : r.kind);
const requests = (r: ReadResult) => (r.ok ? r.requests : []);

describe("detectReader(first record)", () => {
  it.each([
    [{ id: "e", traces: [] }, "verifiers"],
    [{ group_idx: 0, traj_idx: 1, steps: [] }, "tinker-rollouts"],
    [{ token_ids: [1], input_lengths: 1 }, "nemo-rl"],
    [{ headers: { "Fireworks-Prompt-Tokens": "1" } }, "fireworks"],
    [{ perf_metrics: { "fireworks-prompt-tokens": 1 } }, "fireworks"],
    [
      { forward: { "trainer/training_efficiency/x/effective_batch_fill_ratio:last": 1 } },
      "training-efficiency",
    ],
    [
      { metrics: { "trainer/training_efficiency/x/trainer_waiting_for_work:last": 1 } },
      "training-efficiency",
    ],
  ])("%j is %s", (value, format) => expect(detectReader(value)?.format).toBe(format));

  it.each([
    [{ usage: { prompt_tokens: 1 } }],
    [{ event_info: {} }],
    [[1]],
    [null],
    ["text"],
    [{ headers: { etag: "x" } }],
  ])("%j is none of them", (value) => expect(detectReader(value)).toBeUndefined());
});

describe("verifiersTraces.read", () => {
  const usage = (prompt: unknown, completion: unknown, cached?: unknown) => ({
    usage: {
      prompt_tokens: prompt,
      completion_tokens: completion,
      ...(cached !== undefined && { cached_input_tokens: cached }),
    },
  });
  it("adds cached_input_tokens to prompt_tokens (which excludes cache reads)", () => {
    const r = verifiersTraces.read({ id: 3, traces: [{ calls: [usage(10, 2, 30)] }] }, context);
    expect(requests(r)).toEqual([
      { ok: true, episodeId: "3", order: 1, promptTokens: 40, cachedPromptTokens: 30, completionTokens: 2 },
    ]);
  });
  it.each([
    [{ traces: [] }, "missingField"],
    [{ id: "e", traces: {} }, "missingField"],
    [{ id: "e", traces: [1] }, "malformedJson"],
    [{ id: "e", traces: [{ calls: [usage(1, 1)] }] }, "missingField"],
    [{ id: "e", traces: [{ calls: [usage(1.5, 1, 0)] }] }, "invalidCount"],
    [{ id: "e", traces: [{ calls: [usage(1, "2", 0)] }] }, "invalidCount"],
    [{ id: "e", traces: [{ calls: [{}] }] }, "missingField"],
    [{ id: "e", traces: [{ nodes: [{ role: "user", token_ids: [1, -2] }], calls: [] }] }, "invalidCount"],
    [{ id: "e", traces: [{ nodes: [], calls: [] }] }, "missingField"],
  ])("%j → %s", (value, expected) => expect(kind(verifiersTraces.read(value, context))).toBe(expected));

  it("reads an absent cached count as 0 with --cached-optional", () => {
    const r = verifiersTraces.read(
      { id: "e", traces: [{ calls: [usage(5, 1)] }] },
      { ...context, cachedOptional: true },
    );
    expect(requests(r)[0]?.cachedPromptTokens).toBe(0);
  });

  it("counts a call without usage from its token ids, and warns when calls outnumber assistant messages", () => {
    const ids = verifiersTraces.read(
      {
        id: "e",
        traces: [
          {
            nodes: [
              { role: "user", token_ids: [1, 2, 3] },
              { role: "assistant", token_ids: [4, 5] },
            ],
          },
        ],
      },
      context,
    );
    const first = requests(ids)[0];
    expect(first).toMatchObject({ promptTokens: 3, completionTokens: 2 });
    expect([
      Array.from(first?.tokenIds?.prompt ?? []),
      Array.from(first?.tokenIds?.completion ?? []),
    ]).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
    const mismatch = verifiersTraces.read(
      {
        id: "e",
        traces: [{ nodes: [{ role: "assistant", token_ids: [4] }], calls: [usage(1, 1, 0), usage(2, 1, 0)] }],
      },
      context,
    );
    expect(mismatch.ok && mismatch.warning).toMatch(/more calls than assistant messages/);
    expect(requests(mismatch).every((r) => r.tokenIds === undefined)).toBe(true);
  });
});

describe("tinkerRollouts.read", () => {
  it("names episodes iteration/group/trajectory and orders by step_idx", () => {
    const r = tinkerRollouts.read(
      {
        iteration: 4,
        group_idx: 1,
        traj_idx: 2,
        steps: [
          { step_idx: 1, ob_len: 9, ac_len: 3 },
          { step_idx: 0, ob_len: 5, ac_len: 2 },
        ],
      },
      context,
    );
    expect(requests(r).map((q) => [q.episodeId, q.groupId, q.order, q.promptTokens])).toEqual([
      ["4/1/2", "4/1", 1, 9],
      ["4/1/2", "4/1", 0, 5],
    ]);
  });
  it.each([
    [{ group_idx: 0, traj_idx: 0, steps: [] }, "missingField"],
    [{ group_idx: 0, traj_idx: 0, steps: [{ ob_len: 1 }] }, "missingField"],
    [{ group_idx: 0, traj_idx: 0, steps: [{ ob_len: 1, ac_len: 1, step_idx: -1 }] }, "invalidOrder"],
    [
      {
        group_idx: 0,
        traj_idx: 0,
        steps: [
          { ob_len: 1, ac_len: 1, step_idx: 0 },
          { ob_len: 1, ac_len: 1, step_idx: 0 },
        ],
      },
      "duplicateTurn",
    ],
    [{ group_idx: 0, traj_idx: 0, steps: ["x"] }, "malformedJson"],
  ])("%j → %s", (value, expected) => expect(kind(tinkerRollouts.read(value, context))).toBe(expected));
});

describe("nemoRlTrainData.read", () => {
  it("splits turns at the loss mask's runs and ignores padding past input_lengths", () => {
    const r = nemoRlTrainData.read(
      {
        token_ids: [1, 2, 3, 4, 5, 6, 0, 0],
        token_loss_mask: [false, true, true, false, false, true, 1, 1],
        input_lengths: 6,
      },
      context,
    );
    expect(requests(r).map((q) => [q.episodeId, q.promptTokens, q.completionTokens])).toEqual([
      ["line-7", 1, 2],
      ["line-7", 5, 1],
    ]);
  });
  it("takes the episode id from --episode-key", () => {
    const r = nemoRlTrainData.read(
      { meta: { uid: "u1" }, token_ids: [1, 2], token_loss_mask: [0, 1], input_lengths: 2 },
      { ...context, episode: fieldGetter("meta.uid") },
    );
    expect(requests(r)[0]?.episodeId).toBe("u1");
  });
  it.each([
    [{ token_ids: [1], input_lengths: 1, token_loss_mask: [2] }, "invalidCount"],
    [{ token_ids: [1], input_lengths: 1, token_loss_mask: [0] }, "missingField"],
    [{ token_ids: [1], input_lengths: 2, token_loss_mask: [0, 1] }, "invalidCount"],
    [{ token_ids: "1", input_lengths: 1, token_loss_mask: [1] }, "invalidCount"],
    [{ token_ids: [1], token_loss_mask: [1] }, "missingField"],
  ])("%j → %s", (value, expected) => expect(kind(nemoRlTrainData.read(value, context))).toBe(expected));
});

describe("fireworksPerf.read", () => {
  const headers = { "fireworks-prompt-tokens": "100", "fireworks-cached-prompt-tokens": "64" };
  it("falls back to x-session-affinity, then to one episode per request with a warning", () => {
    const affinity = fireworksPerf.read(
      { headers: { ...headers, "X-Session-Affinity": "s1" }, usage: { completion_tokens: 3 } },
      context,
    );
    expect(requests(affinity)[0]?.episodeId).toBe("s1");
    const alone = fireworksPerf.read({ headers, usage: { completion_tokens: 3 } }, context);
    expect(requests(alone)[0]?.episodeId).toBe("request-7");
    expect(alone.ok && alone.warning).toMatch(/one-turn episodes/);
  });
  it("reads seconds as milliseconds", () => {
    const r = fireworksPerf.read(
      {
        perf_metrics: {
          ...headers,
          "fireworks-completion-tokens": 5,
          "fireworks-server-time-to-first-token": 0.0425,
        },
      },
      context,
    );
    expect(requests(r)[0]).toMatchObject({ completionTokens: 5, timeToFirstTokenMs: 42.5 });
  });
  it.each([
    [{ headers }, "missingField"],
    [
      { headers: { ...headers, "fireworks-prompt-tokens": "abc" }, usage: { completion_tokens: 1 } },
      "invalidCount",
    ],
    [
      { headers: { ...headers, "fireworks-server-processing-time": "-1" }, usage: { completion_tokens: 1 } },
      "invalidCount",
    ],
    [
      {
        headers: { "fireworks-prompt-tokens": "1", "fireworks-cached-prompt-tokens": "2" },
        usage: { completion_tokens: 1 },
      },
      "cachedExceedsPrompt",
    ],
  ])("%j → %s", (value, expected) => expect(kind(fireworksPerf.read(value, context))).toBe(expected));
});

describe("trainingEfficiency.read", () => {
  const key = "trainer/training_efficiency/a/b";
  it("reads either signal alone, the step from the line when absent", () => {
    const r = trainingEfficiency.read({ [`${key}/trainer_waiting_for_work:last`]: 2.5 }, context);
    expect(r.ok && r.efficiency).toEqual({ step: 7, fillRatio: null, waitingForWork: 2.5 });
  });
  it.each([
    [{ forward: { [`${key}/effective_batch_fill_ratio:last`]: -0.1 } }, "invalidCount"],
    [{ forward: { loss: 1 } }, "missingField"],
    [[1], "malformedJson"],
  ])("%j → %s", (value, expected) => expect(kind(trainingEfficiency.read(value, context))).toBe(expected));
});
