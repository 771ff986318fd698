import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeBytes } from "../../../test/analyze-bytes.js";
import { analyzeFile } from "../analyze-file.js";
import { analyzeBlob } from "../analyze-stream.js";
import type { LogAnalysis } from "../log-analysis.js";
import { SKIP_KINDS } from "../skip-kinds.js";

const sample = (name: string) => readFileSync(new URL(`../../../examples/${name}`, import.meta.url));

const analyze = analyzeBytes;

const nonZero = (a: LogAnalysis) =>
  Object.fromEntries(SKIP_KINDS.filter((k) => a.skipped[k] > 0).map((k) => [k, a.skipped[k]]));

describe("framework samples: known totals, every bad line counted by kind", () => {
  it.each([1, 7, 4096])("verifiers traces (chunks of %i bytes)", (chunk) => {
    const a = analyze(sample("verifiers-traces.jsonl"), {}, chunk);
    expect(a.format).toBe("verifiers");
    // ep-a 9+14+19, ep-b 9+14, ep-c 9+17 prompt (usage.prompt_tokens + cached_input_tokens).
    expect(a.tokens).toMatchObject({ prompt: 91, cachedPrompt: 46, completion: 26 });
    expect([a.requests, a.episodes, a.groups]).toEqual([7, 3, 2]);
    expect(nonZero(a)).toEqual({ malformedJson: 1, missingField: 1, invalidCount: 1, truncatedLine: 1 });
    expect(a.prefixDivergence).toMatchObject({
      turnsCompared: 4,
      turnsDiverged: 2,
      lostCachedTokens: 8,
      commonPrefixTokens: 47,
    });
    expect(a.prefixDivergence?.causes).toMatchObject({ removedSpan: 1, changedTokens: 1 });
    expect(a.reader?.measured.join(" ")).toContain("cached_input_tokens");
  });

  it("Tinker cookbook rollout summaries", () => {
    const a = analyze(sample("tinker-rollouts.jsonl"));
    expect(a.format).toBe("tinker-rollouts");
    // ob_len: 412+560+742 + 412+571 + 380 + 380+602; ac_len: 88+120+64 + 95+40 + 210 + 150+77.
    expect(a.tokens).toMatchObject({
      prompt: 4059,
      cachedPrompt: 0,
      completion: 844,
      idealCachedPrompt: 1764,
    });
    expect([a.requests, a.episodes, a.groups, a.blankLines]).toEqual([8, 4, 2, 1]);
    expect(nonZero(a)).toEqual({ missingField: 1, invalidCount: 1 });
    expect(a.prefixDivergence).toBeUndefined();
    expect(a.warnings).toEqual([
      expect.stringMatching(/record no cache hits: the observed bills count every prompt token/),
    ]);
  });

  it("NeMo-RL train data: turns from the loss mask", () => {
    const a = analyze(sample("nemo-rl-train-data.jsonl"));
    expect(a.format).toBe("nemo-rl");
    // sample 17: prompt 8 gen 4, prompt 15 gen 5; sample 18: prompt 10 gen 6 (padding past input_lengths ignored).
    expect(a.tokens).toMatchObject({ prompt: 33, cachedPrompt: 0, completion: 15 });
    expect([a.requests, a.episodes]).toEqual([3, 2]);
    expect(nonZero(a)).toEqual({ missingField: 1, invalidCount: 1 });
  });

  it("Fireworks per-request metrics: headers and perf_metrics, timings in ms", () => {
    const a = analyze(sample("fireworks-perf.jsonl"));
    expect(a.format).toBe("fireworks");
    expect(a.tokens).toMatchObject({ prompt: 25_450, cachedPrompt: 15_776, completion: 1005 });
    expect([a.requests, a.episodes]).toEqual([4, 2]);
    expect(nonZero(a)).toEqual({ cachedExceedsPrompt: 1, missingField: 1 });
    // TTFT 210, 85, 190, 80 ms.
    expect(a.latency?.timeToFirstTokenMs).toMatchObject({ count: 4, mean: 141.25, max: 210 });
    expect(a.latency?.serverProcessingMs).toMatchObject({ count: 4, mean: 1552.5 });
  });

  it("training efficiency: fill and waiting per step", () => {
    const a = analyze(sample("training-efficiency.jsonl"));
    expect(a.format).toBe("training-efficiency");
    expect(a.efficiency?.steps).toBe(5);
    // fills .41 .38 .52 .47 .61 → median .47; waits 3.2 4.1 2.7 3.5 1.9 → median 3.2.
    expect(a.efficiency?.fillRatio?.p50).toBeCloseTo(0.47, 12);
    expect(a.efficiency?.waitingForWork?.p50).toBeCloseTo(3.2, 12);
    expect(nonZero(a)).toEqual({ invalidCount: 1, missingField: 1 });
    expect(a.warnings).toEqual([]);
  });

  it("the page's Blob reader and analyzeFile recognise them too (gzip included)", async () => {
    const bytes = sample("verifiers-traces.jsonl");
    const { gzipSync } = await import("node:zlib");
    for (const blob of [new Blob([bytes]), new Blob([gzipSync(bytes)])]) {
      const a = await analyzeBlob(blob);
      expect([a.format, a.requests, a.prefixDivergence?.lostCachedTokens]).toEqual(["verifiers", 7, 8]);
    }
    const path = fileURLToPath(new URL("../../../examples/fireworks-perf.jsonl", import.meta.url));
    expect((await analyzeFile(path)).tokens.prompt).toBe(25_450);
  });

  it("leaves request logs to the existing readers", () => {
    expect(analyze(sample("sample.jsonl")).format).toBe("jsonl");
    expect(analyze(sample("tinker-billing.jsonl")).format).toBe("tinker");
    expect(analyze(sample("sample.csv"), { fileName: "sample.csv" }).format).toBe("csv");
  });

  it("--format forces a reader: another format's lines are counted as bad, never dropped", () => {
    const a = analyze(sample("fireworks-perf.jsonl"), { format: "verifiers" });
    expect(a.format).toBe("verifiers");
    expect(a.requests).toBe(0);
    expect(a.skippedTotal).toBe(6);
    const forced = analyze(sample("tinker-rollouts.jsonl"), { format: "tinker-rollouts" });
    expect(forced.tokens.prompt).toBe(4059);
  });

  it("a second line for the same episode is one duplicateTurn, not one per turn", () => {
    const line = sample("verifiers-traces.jsonl").toString().split("\n")[0];
    const a = analyze(`${line}\n${line}\n`);
    expect(a.requests).toBe(3);
    expect(nonZero(a)).toEqual({ duplicateTurn: 1 });
  });
});

// Fuzz: lines that are valid records (random counts) or broken ones; the valid totals must come out exactly
// and every broken line must be counted as exactly one skip.
const count = fc.integer({ min: 0, max: 50_000 });
const garbage = fc.oneof(
  fc.constant("{not json"),
  fc.constant("[1,2]"),
  fc.constant('{"x":1}'),
  fc.string({ maxLength: 20 }).map((s) => `{"s":${JSON.stringify(s)}`),
);

describe("framework readers under fuzzing", () => {
  it("Tinker rollouts: exact totals, one skip per broken line", () => {
    const step = fc.record({ ob: count, ac: count });
    const traj = fc.array(step, { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(fc.array(fc.oneof(traj, garbage), { minLength: 1, maxLength: 30 }), (items) => {
        let prompt = 0;
        let completion = 0;
        let bad = 0;
        const lines = items.map((item, i) => {
          if (typeof item === "string") {
            bad++;
            return item;
          }
          for (const s of item) {
            prompt += s.ob;
            completion += s.ac;
          }
          const steps = item.map((s, k) => ({ step_idx: k, ob_len: s.ob, ac_len: s.ac, reward: 0 }));
          return JSON.stringify({ group_idx: i % 3, traj_idx: i, steps });
        });
        const a = analyze(`${lines.join("\n")}\n`, { format: "tinker-rollouts" }, 13);
        expect(a.tokens.prompt).toBe(prompt);
        expect(a.tokens.completion).toBe(completion);
        expect(a.skippedTotal).toBe(bad);
        expect(JSON.stringify(a)).not.toMatch(/NaN|Infinity/);
      }),
      { seed: 4242, numRuns: 150 },
    );
  });

  it("Fireworks: exact totals, cached > prompt counted as its kind", () => {
    const request = fc.record({
      prompt: count,
      cached: count,
      completion: count,
      ttft: fc.double({ min: 0, max: 9, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(fc.oneof(request, garbage), { minLength: 1, maxLength: 30 }), (items) => {
        let prompt = 0;
        let bad = 0;
        let over = 0;
        const lines = items.map((item, i) => {
          if (typeof item === "string") {
            bad++;
            return item;
          }
          if (item.cached > item.prompt) over++;
          else prompt += item.prompt;
          return JSON.stringify({
            episode_id: `e${i}`,
            headers: {
              "Fireworks-Prompt-Tokens": String(item.prompt),
              "fireworks-cached-prompt-tokens": String(item.cached),
              "fireworks-server-time-to-first-token": String(item.ttft),
            },
            usage: { completion_tokens: item.completion },
          });
        });
        const a = analyze(`${lines.join("\n")}\n`, { format: "fireworks" });
        expect(a.tokens.prompt).toBe(prompt);
        expect(a.skipped.cachedExceedsPrompt).toBe(over);
        expect(a.skippedTotal).toBe(bad + over);
      }),
      { seed: 4343, numRuns: 150 },
    );
  });

  it("verifiers and NeMo-RL: random token ids never crash, lines are requests or one skip each", () => {
    const ids = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 12 });
    const verifiersLine = fc.array(fc.tuple(ids, ids), { minLength: 1, maxLength: 4 }).map((turns) =>
      JSON.stringify({
        id: `ep${turns.length}-${turns[0]?.[0].join("")}`,
        traces: turns.map(([prompt, completion]) => ({
          nodes: [
            { role: "user", token_ids: prompt },
            { role: "assistant", token_ids: completion },
          ],
          calls: [
            {
              usage: {
                prompt_tokens: prompt.length,
                completion_tokens: completion.length,
                cached_input_tokens: 0,
              },
            },
          ],
        })),
      }),
    );
    const nemoLine = fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 1, maxLength: 30 }).map((mask) =>
      JSON.stringify({
        token_ids: mask.map((_, i) => i),
        token_loss_mask: mask,
        input_lengths: mask.length,
      }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(verifiersLine, nemoLine, garbage), { minLength: 1, maxLength: 20 }),
        (lines) => {
          for (const format of ["verifiers", "nemo-rl"] as const) {
            const a = analyze(`${lines.join("\n")}\n`, { format });
            expect(a.lines).toBe(lines.length);
            expect(a.skippedTotal + a.blankLines).toBeLessThanOrEqual(a.lines);
            expect(a.requests === 0 || a.episodes > 0).toBe(true);
            const p = a.prefixDivergence;
            if (p)
              expect(p.lostCachedTokens + p.commonPrefixTokens).toBeLessThanOrEqual(
                a.tokens.prompt + a.tokens.completion,
              );
            expect(JSON.stringify(a)).not.toMatch(/NaN|Infinity/);
          }
        },
      ),
      { seed: 4444, numRuns: 100 },
    );
  });
});
