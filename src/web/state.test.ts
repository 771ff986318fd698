import { describe, expect, it } from "vitest";
import {
  defaultDraft,
  draftFromQuery,
  draftToQuery,
  PRICED_MODELS,
  parseDraft,
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
      },
      throughput: "saturated",
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

  it("draftFromQuery(search) says when it ignores a preset other than the reference one", () => {
    expect(draftFromQuery("?preset=current&turns=3").notices).toEqual([
      'This page prices the reference preset only; the link\'s preset "current" was ignored.',
    ]);
    expect(draftFromQuery("?preset=reference").notices).toEqual([]);
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
