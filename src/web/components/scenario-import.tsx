import { useState } from "preact/hooks";
import { valuesFromScenarioFile } from "../../scenario/scenario-file.js";
import { type Draft, draftFromValues } from "../state.js";

/** A scenario file is far smaller than this; a larger file is not one (as the CLI's --scenario). */
const MAX_SCENARIO_BYTES = 1024 * 1024;

/**
 * Open a scenario file: the JSON this page downloads or any `rollout-cost … --json` prints. Its values
 * fill the inputs, read by the same rules as `--scenario`; what the page cannot show is named.
 */
export function ScenarioImport(props: { onDraft: (draft: Draft) => void }) {
  const [message, setMessage] = useState("");
  const open = async (file: File) => {
    if (file.size > MAX_SCENARIO_BYTES) {
      setMessage(`${file.name} is not a scenario file: it is larger than 1 MiB.`);
      return;
    }
    let data: unknown;
    try {
      data = JSON.parse(await file.text());
    } catch {
      setMessage(`${file.name} is not JSON.`);
      return;
    }
    const read = valuesFromScenarioFile(data);
    if (!read.ok) {
      setMessage(`${file.name}: ${read.reason}.`);
      return;
    }
    try {
      const { draft, ignored } = draftFromValues(read.values);
      props.onDraft(draft);
      setMessage(
        ignored.length === 0
          ? `Opened ${file.name}.`
          : `Opened ${file.name}; this page shows no ${ignored.join(", ")} (the CLI's --scenario reads them).`,
      );
    } catch (error) {
      setMessage(`${file.name}: ${error instanceof Error ? error.message : String(error)}.`);
    }
  };
  return (
    <div class="scenario-import">
      <label for="scenario-file">Open a scenario file (a download from this page, or any --json)</label>
      <input
        id="scenario-file"
        type="file"
        accept=".json,application/json"
        onChange={(e) => {
          const file = (e.currentTarget as HTMLInputElement).files?.[0];
          if (file) void open(file);
        }}
      />
      <p class="scenario-import-status" role="status">
        {message}
      </p>
    </div>
  );
}
