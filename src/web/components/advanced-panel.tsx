import { formatCount, formatTokensPerSecondCeil } from "../../format/numbers.js";

import type { Priced } from "../evaluate.js";
import { ADVANCED_KEYS, PAGE_FIELDS, PAGE_GPUS, type PageKey } from "../state.js";
import { DerivedThroughput } from "./derived-throughput.js";
import { NumberField } from "./number-field.js";

/**
 * The dedicated cluster's size and throughputs, collapsed by default. Each shows its at-par bound
 * (the value at which both sides cost the same, the others held) as information: unlike the
 * reference page, values past it are accepted and the cards say how much dearer that is.
 */
export function AdvancedPanel(props: {
  priced: Priced;
  text: Record<PageKey, string>;
  errors: Partial<Record<PageKey, string>>;
  onText: (key: PageKey, text: string) => void;
  onCommit: () => void;
  onDerived: (on: boolean) => void;
  gpuType: string;
  onGpu: (gpuType: string) => void;
}) {
  const { parity } = props.priced.estimate;
  const gpuType = props.priced.input.dedicated.gpuType.replace("_", " ");
  const hints: Record<string, string> = {
    gpus:
      parity.maxGpus === null
        ? "The cluster has no work in this scenario, so any GPU count is at par."
        : `At par with Tinker at ${formatCount(parity.maxGpus)} GPUs; more costs more than Tinker.`,
    promptTokensPerSecond: `At par with Tinker at ${formatTokensPerSecondCeil(parity.minPromptTokensPerSecond)} tok/s; less costs more.`,
    decodeTokensPerSecond: `At par with Tinker at ${formatTokensPerSecondCeil(parity.minDecodeTokensPerSecond)} tok/s; less costs more.`,
    cacheKeptLowPercent:
      "Blank: every turn's prefix survives. Lower: dedicated figures carry a range down to it, and the verdict says whether the ranking can flip inside it.",
  };
  const labels: Record<string, string> = { gpus: `Dedicated GPUs (${gpuType})` };
  return (
    <details class="advanced">
      <summary>Advanced: dedicated cluster size and throughput (defaults are saturated estimates)</summary>
      <div class="field field--wide">
        <label for="field-gpu">Dedicated GPU type</label>
        <select
          id="field-gpu"
          name="gpu"
          value={props.gpuType}
          onChange={(e) => props.onGpu(e.currentTarget.value)}
        >
          <option value="">Each plan's own (the preset's)</option>
          {PAGE_GPUS.map((id) => (
            <option key={id} value={id}>
              {id.replace("_", " ")}
            </option>
          ))}
        </select>
        <p class="field-hint">
          Another GPU turns derived throughput on: the catalog's saturated figures are for the preset's GPUs.
          A plan whose weights do not fit is listed as not priced, with the bytes.
        </p>
      </div>
      <div class="field-grid">
        {PAGE_FIELDS.filter((f) => ADVANCED_KEYS.includes(f.key)).map((field) => (
          <NumberField
            key={field.key}
            field={field}
            label={labels[field.key]}
            text={props.text[field.key]}
            error={props.errors[field.key]}
            hint={hints[field.key]}
            onText={(text) => props.onText(field.key, text)}
            onCommit={props.onCommit}
          />
        ))}
      </div>
      <DerivedThroughput priced={props.priced} onDerived={props.onDerived} />
    </details>
  );
}
