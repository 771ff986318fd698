import { ADVANCED_KEYS, PAGE_FIELDS, type PageKey, PRICED_MODELS, TRAINING_KEYS } from "../state.js";
import { NumberField } from "./number-field.js";

// The reference page's words for each field, kept so its users find what they know.
const LABELS: Partial<Record<PageKey, string>> = {
  addedTokensPerTurn: "Tokens added per turn (gen + tool result)",
};

/** The model picker and the five episode-shape inputs. */
export function ScenarioForm(props: {
  modelId: string;
  text: Record<PageKey, string>;
  errors: Partial<Record<PageKey, string>>;
  onModel: (modelId: string) => void;
  onText: (key: PageKey, text: string) => void;
  onCommit: () => void;
}) {
  const fields = PAGE_FIELDS.filter((f) => !ADVANCED_KEYS.includes(f.key) && !TRAINING_KEYS.includes(f.key));
  return (
    <fieldset class="scenario">
      <legend class="visually-hidden">Scenario</legend>
      <div class="field field--wide">
        <label for="field-model">Model</label>
        <select
          id="field-model"
          name="model"
          value={props.modelId}
          onChange={(e) => props.onModel(e.currentTarget.value)}
        >
          {PRICED_MODELS.map((m) => (
            <option key={m.id} value={m.id}>
              {m.label}
            </option>
          ))}
        </select>
      </div>
      <div class="field-grid">
        {fields.map((field) => (
          <NumberField
            key={field.key}
            field={field}
            label={LABELS[field.key]}
            text={props.text[field.key]}
            error={props.errors[field.key]}
            onText={(text) => props.onText(field.key, text)}
            onCommit={props.onCommit}
          />
        ))}
      </div>
    </fieldset>
  );
}
