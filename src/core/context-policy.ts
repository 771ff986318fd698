/**
 * What happens to an episode that outgrows the model's window. `ignore` is the Fireworks page's (context
 * grows without limit); `stop` ends the episode at the last turn that fits; `drop-oldest` drops the
 * oldest whole turns (the initial prompt stays), which breaks the prefix so the kept context is
 * prefilled again uncached; `refuse` answers with a reason instead of a ledger.
 */
export type ContextPolicy = "ignore" | "stop" | "drop-oldest" | "refuse";

export const CONTEXT_POLICIES: readonly ContextPolicy[] = ["ignore", "stop", "drop-oldest", "refuse"];
