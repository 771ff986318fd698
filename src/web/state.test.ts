import { describe, expect, it } from "vitest";
import {
  defaultDraft,
  draftFromQuery,
  draftToQuery,
  PRICED_MODELS,
  parseDraft,
  withGpu,
  withModel,
  withText,
} from "./state.js";

describe("page state", () => {
  it("defaultDraft() holds the reference page's defaults as input text", () => {
    expect(defaultDraft()).toEqual({
      modelId: "kimi-k2p6",
      text: {
        episodes: "1000",
        turns: "8",
        initialPromptTokens: "8000",
        addedTokensPerTurn: "12000",
        generatedTokensPerTurn: "2000",
        gpus: "8",
        promptTokensPerSecond: "30000",
        decodeTokensPerSecond: "1500",
        cacheKeptLowPercent: "",
        trainPasses: "",
        trainTokensPerSecond: "",
        steps: "",
      },
      throughput: "saturated",
      preset: "current",
      gpuType: "",
      deadline: "",
    });
  });

  it("withModel(draft, id) resets only the Advanced fields, as the reference page does", () => {
    const edited = withText(withText(defaultDraft(), "gpus", "3"), "turns", "5");
    const switched = withModel(edited, "gpt-oss-120b");
    expect(switched.modelId).toBe("gpt-oss-120b");
    expect(switched.text).toMatchObject({ gpus: "4", promptTokensPerSecond: "25000", turns: "5" });
  });

  it("parseDraft(draft) keeps valid fields and explains the others", () => {
    const { values, errors } = parseDraft(withText(defaultDraft(), "turns", "zero"));
    expect(values.turns).toBeUndefined();
    expect(values.episodes).toBe(1000);
    expect(errors).toEqual({
      turns: 'Turns per episode must be a whole number from 1 to 200; "zero" is not a number.',
    });
  });

  it("draftToQuery(draft, lastValid) writes an invalid field at its last valid value", () => {
    const draft = withText(defaultDraft(), "turns", "-1");
    expect(draftToQuery(draft, { turns: 9 })).toBe(
      "model=kimi-k2p6&episodes=1000&turns=9&initial=8000&added=12000&generated=2000&gpus=8&ptps=30000&dtps=1500",
    );
  });

  it("draftFromQuery(search) keeps a bad value as text for its field and turns a bad model into a notice", () => {
    const { draft, notices } = draftFromQuery("?model=llama-9000&turns=abc&gpus=2");
    expect(draft.modelId).toBe("kimi-k2p6");
    expect(draft.text.turns).toBe("abc");
    expect(draft.text.gpus).toBe("2");
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('unknown model "llama-9000"');
    expect(draftFromQuery("?model=kimi-k2.6").draft.modelId).toBe("kimi-k2p6");
  });

  it("draftFromQuery(search) reads the preset switch and names a preset it does not offer", () => {
    expect(draftFromQuery("?preset=reference&turns=3").draft.preset).toBe("reference");
    expect(draftFromQuery("?turns=3").draft.preset).toBe("current");
    const odd = draftFromQuery("?preset=cheap");
    expect(odd.draft.preset).toBe("current");
    expect(odd.notices).toEqual([
      'The link\'s preset "cheap" is not one of current, reference; showing current.',
    ]);
  });

  it("withGpu(draft, gpu) turns derived throughput on for another GPU, and the link carries GPU and deadline", () => {
    const draft = withGpu(defaultDraft(), "B200_180GB");
    expect(draft).toMatchObject({ gpuType: "B200_180GB", throughput: "derived" });
    expect(parseDraft(draft).values.gpuType).toBe("B200_180GB");
    const query = draftToQuery({ ...draft, deadline: "6" }, {});
    expect(query).toContain("gpu=B200_180GB");
    expect(query).toContain("deadline=6");
    const back = draftFromQuery(`?${query}`);
    expect(back.draft).toMatchObject({ gpuType: "B200_180GB", throughput: "derived", deadline: "6" });
    expect(back.notices).toEqual([]);
    expect(draftFromQuery("?gpu=TPU").notices[0]).toMatch(/^The link's GPU "TPU" is not one of H100_80GB/);
    expect(withGpu(defaultDraft(), "").throughput).toBe("saturated");
  });

  it("parseDraft(draft) leaves blank training inputs out and reads typed ones by the one grammar", () => {
    const draft = defaultDraft();
    expect(parseDraft(draft).values.trainPasses).toBeUndefined();
    expect(parseDraft(draft).errors).toEqual({});
    const typed = {
      ...draft,
      text: { ...draft.text, trainPasses: "1", trainTokensPerSecond: "20K", steps: "1,000" },
    };
    expect(parseDraft(typed).values).toMatchObject({
      trainPasses: 1,
      trainTokensPerSecond: 20_000,
      steps: 1000,
    });
    const bad = { ...draft, text: { ...draft.text, steps: "1.5" } };
    expect(parseDraft(bad).errors.steps).toMatch(/^RL steps must be a whole number/);
    // Blank stays blank for training only: a blank episode count is still refused.
    expect(parseDraft({ ...draft, text: { ...draft.text, episodes: "" } }).errors.episodes).toMatch(
      /is empty/,
    );
  });

  it("offers only models the reference preset prices on both sides", () => {
    expect(PRICED_MODELS.map((m) => m.id)).toEqual([
      "kimi-k2p6",
      "kimi-k2p5",
      "qwen3p5-397b",
      "gpt-oss-120b",
    ]);
  });
});
