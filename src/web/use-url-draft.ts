// Keeps the draft and the address bar in step: a link reproduces the scenario, and back/forward walk
// through edits. Typing into one field makes one history entry (replaced while typing, closed when
// the field commits on blur or Enter); choosing a model makes one entry.
import { useEffect, useRef, useState } from "preact/hooks";
import type { ScenarioValues } from "../scenario/fields.js";
import { type Draft, draftFromQuery, draftToQuery } from "./state.js";

type HistoryMode = "push" | "replace" | "none";

/** The draft, read from the URL at load and on back/forward, and a setter that writes it back. */
export function useUrlDraft(lastValid: () => ScenarioValues) {
  const [initial] = useState(() => draftFromQuery(window.location.search));
  const [draft, setDraftState] = useState<Draft>(initial.draft);
  const [notices, setNotices] = useState<string[]>(initial.notices);
  const mode = useRef<HistoryMode>("none");
  const editing = useRef(false);

  useEffect(() => {
    const onPop = () => {
      const next = draftFromQuery(window.location.search);
      mode.current = "none";
      editing.current = false;
      setDraftState(next.draft);
      setNotices(next.notices);
    };
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, []);

  useEffect(() => {
    const how = mode.current;
    mode.current = "none";
    if (how === "none") return;
    const query = draftToQuery(draft, lastValid());
    const search = query ? `?${query}` : "";
    if (search === window.location.search) return;
    const url = `${window.location.pathname}${search}`;
    if (how === "push") window.history.pushState(null, "", url);
    else window.history.replaceState(null, "", url);
  }, [draft, lastValid]);

  return {
    draft,
    notices,
    /** Typing: the first keystroke after a commit opens a history entry, the rest replace it. */
    edit(next: Draft) {
      mode.current = editing.current ? "replace" : "push";
      editing.current = true;
      setDraftState(next);
    },
    /** A finished change (model chosen): its own history entry. */
    commit(next?: Draft) {
      editing.current = false;
      if (next) {
        mode.current = "push";
        setDraftState(next);
      }
    },
  };
}
