import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeBytes } from "../../../test/analyze-bytes.js";
import { SKIP_KINDS } from "../skip-kinds.js";
import { detectReader } from "./index.js";
import type { ReadContext, ReadResult } from "./reader.js";
import { tinkerCapture } from "./tinker-capture.js";

const sample = readFileSync(new URL("../../../examples/tinker-capture.jsonl", import.meta.url));
const context: ReadContext = { line: 3, episode: null, episodeKey: "episode_id", cachedOptional: false };
const kind = (r: ReadResult) => (r.ok ? "ok" : r.kind);

const analyze = analyzeBytes;

const record = (scope: object, prompt: number[], tokens: number[]) => ({
  kind: "sample",
  scope,
  prompt_tokens: prompt,
  prompt_length: prompt.length,
  samples: [{ tokens, logprobs: tokens.map(() => -1), stop_reason: "stop" }],
  status: "ok",
});
const scope = { iteration: 3, group_idx: 0, traj_idx: 1 };

describe("tinkerCapture.read(capture record)", () => {
  it("one sample call is one request: episode from the scope, token ids kept", () => {
    const r = tinkerCapture.read(record(scope, [1, 2, 3], [4, 5]), context);
    expect(r).toEqual({
      ok: true,
      requests: [
        {
          ok: true,
          episodeId: "3/0/1",
          groupId: "3/0",
          order: undefined,
          promptTokens: 3,
          cachedPromptTokens: 0,
          completionTokens: 2,
          tokenIds: { prompt: [1, 2, 3], completion: [4, 5] },
        },
      ],
    });
    expect(detectReader(record(scope, [1], [2]))?.format).toBe("tinker-capture");
  });

  it("without prompt_tokens the count is prompt_length, and no ids are kept", () => {
    const { prompt_tokens: _, ...withoutIds } = record(scope, [1, 2, 3], [4]);
    const r = tinkerCapture.read({ ...withoutIds, prompt_length: 7 }, context);
    expect(r.ok && r.requests[0]).toMatchObject({ promptTokens: 7, completionTokens: 1 });
    expect(r.ok && r.requests[0]?.tokenIds).toBeUndefined();
  });

  it.each([
    [[1], "malformedJson"],
    [{ ...record(scope, [1], [2]), kind: "train_op" }, "unknownEvent"],
    [record({ iteration: 3, group_idx: 0 }, [1], [2]), "missingField"],
    [{ ...record(scope, [1], [2]), samples: [], status: "error" }, "missingField"],
    [{ ...record(scope, [1], [2]), samples: [{ tokens: [1] }, { tokens: [2] }] }, "invalidCount"],
    [record(scope, [1], [2, -1]), "invalidCount"],
    [record(scope, [1, 1.5], [2]), "invalidCount"],
    [{ ...record(scope, [1], [2]), prompt_tokens: undefined, prompt_length: undefined }, "missingField"],
  ])("%j → %s", (value, expected) => expect(kind(tinkerCapture.read(value, context))).toBe(expected));
});

describe("examples/tinker-capture.jsonl", () => {
  it.each([1, 9, 4096])(
    "known totals, bad lines by kind, the changed token found (chunks of %i bytes)",
    (chunk) => {
      const a = analyze(sample, {}, chunk);
      expect(a.format).toBe("tinker-capture");
      // 3/0/0: prompts 8, 15, 20 and completions 3, 2, 1; 3/0/1: prompts 8, 14 and completions 4, 3.
      expect([a.requests, a.episodes, a.groups]).toEqual([5, 2, 1]);
      expect(a.tokens).toMatchObject({ prompt: 65, completion: 13, cachedPrompt: 0, idealCachedPrompt: 31 });
      const nonZero = Object.fromEntries(
        SKIP_KINDS.filter((k) => a.skipped[k] > 0).map((k) => [k, a.skipped[k]]),
      );
      expect(nonZero).toEqual({ unknownEvent: 1, missingField: 2, invalidCount: 1 });
      // 3/0/1 turn 2 changes the 2nd of its previous 4 completion tokens (24 → 98): the 2 after it are lost.
      expect(a.prefixDivergence).toMatchObject({
        turnsCompared: 3,
        turnsDiverged: 1,
        commonPrefixTokens: 11 + 17 + 9,
        lostCachedTokens: 2,
        causes: { changedTokens: 1 },
      });
      expect(a.prefixDivergence?.examples[0]).toMatchObject({
        episode: "3/0/1",
        turn: 2,
        firstDivergenceAt: 9,
      });
    },
  );
});

describe("tinker-capture under fuzzing (fixed seed)", () => {
  it("append-only trajectories never diverge; every line is a request or one skip", () => {
    const ids = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 6 });
    const trajectory = fc.array(fc.tuple(ids, ids), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(
        fc.array(fc.oneof(trajectory, fc.constantFrom("{", '{"kind":"train_op"}', "[]")), { maxLength: 12 }),
        (items) => {
          const lines: string[] = [];
          let requests = 0;
          let bad = 0;
          items.forEach((item, t) => {
            if (typeof item === "string") {
              lines.push(item);
              bad++;
              return;
            }
            let context: number[] = [];
            for (const [added, completion] of item) {
              const prompt = [...context, ...added];
              lines.push(
                JSON.stringify(record({ iteration: 0, group_idx: 0, traj_idx: t }, prompt, completion)),
              );
              context = [...prompt, ...completion];
              requests++;
            }
          });
          const a = analyze(lines.length > 0 ? `${lines.join("\n")}\n` : "", { format: "tinker-capture" }, 7);
          expect([a.requests, a.skippedTotal, a.lines]).toEqual([requests, bad, lines.length]);
          expect(a.prefixDivergence?.turnsDiverged ?? 0).toBe(0);
          expect(JSON.stringify(a)).not.toMatch(/NaN|Infinity/);
        },
      ),
      { seed: 1313, numRuns: 150 },
    );
  });
});
