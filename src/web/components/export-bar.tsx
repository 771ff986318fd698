import { useState } from "preact/hooks";
import type { Priced } from "../evaluate.js";
import { estimateCsvText, estimateJsonText, estimateMarkdown } from "../export.js";

/** Copy the link or a Markdown table; download JSON or CSV in the CLI's shape. */
export function ExportBar(props: { priced: Priced; link: string }) {
  const [status, setStatus] = useState("");
  const [fallback, setFallback] = useState<string | undefined>(undefined);
  const stem = fileStem(props.priced);

  async function copy(text: string, what: string) {
    try {
      await navigator.clipboard.writeText(text);
      setFallback(undefined);
      setStatus(`Copied the ${what}.`);
    } catch {
      setFallback(text);
      setStatus(`Could not reach the clipboard: the ${what} is selected below; copy it with Ctrl+C or ⌘C.`);
    }
  }

  function download(text: string, type: string, extension: string) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const anchor = document.createElement("a");
    anchor.href = url;
    anchor.download = `${stem}.${extension}`;
    anchor.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    setStatus(`Downloaded ${anchor.download}.`);
  }

  return (
    <div class="export">
      <div class="export-buttons">
        <button type="button" onClick={() => copy(props.link, "link")}>
          Copy link
        </button>
        <button
          type="button"
          onClick={() => copy(estimateMarkdown(props.priced, props.link), "Markdown table")}
        >
          Copy Markdown
        </button>
        <button
          type="button"
          onClick={() => download(estimateJsonText(props.priced), "application/json", "json")}
        >
          Download JSON
        </button>
        <button type="button" onClick={() => download(estimateCsvText(props.priced), "text/csv", "csv")}>
          Download CSV
        </button>
      </div>
      <p class="export-status" role="status">
        {status}
      </p>
      {fallback !== undefined && (
        <textarea
          class="export-fallback"
          aria-label="Text to copy"
          readOnly
          rows={6}
          value={fallback}
          ref={(el) => el?.select()}
        />
      )}
    </div>
  );
}

function fileStem(priced: Priced): string {
  const { workload } = priced.input;
  return `rollout-cost-${priced.scenario.model.id}-${workload.episodes}ep-${workload.shape.turns}t`;
}
