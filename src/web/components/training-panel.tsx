import { PAGE_FIELDS, type PageKey, TRAINING_KEYS } from "../state.js";
import { NumberField } from "./number-field.js";

const HINTS: Partial<Record<PageKey, string>> = {
  trainPasses: "Blank leaves training out, as the CLI does without --train-passes.",
  trainTokensPerSecond:
    "Dedicated plans train on their own GPUs at this rate (the catalog has no figure); per-token plans at their train rate.",
  steps: "Each step rolls out every episode, then trains on them (default 1).",
};

/** The training side of each RL step: passes, a dedicated trainer's tok/s and the run's steps. */
export function TrainingPanel(props: {
  text: Record<PageKey, string>;
  errors: Partial<Record<PageKey, string>>;
  onText: (key: PageKey, text: string) => void;
  onCommit: () => void;
}) {
  const on = props.text.trainPasses.trim() !== "";
  return (
    <details class="advanced training" open={on || undefined}>
      <summary>Training: price the whole RL step (rollouts + training, per step and per run)</summary>
      <div class="field-grid">
        {PAGE_FIELDS.filter((f) => TRAINING_KEYS.includes(f.key)).map((field) => (
          <NumberField
            key={field.key}
            field={field}
            text={props.text[field.key]}
            error={props.errors[field.key]}
            hint={HINTS[field.key]}
            onText={(text) => props.onText(field.key, text)}
            onCommit={props.onCommit}
          />
        ))}
      </div>
    </details>
  );
}
