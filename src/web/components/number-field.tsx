import type { NumberField as Field } from "../../scenario/fields.js";

/** One labelled numeric input; a bad value shows its sentence beside it, tied to it for screen readers. */
export function NumberField(props: {
  field: Field;
  label?: string | undefined;
  text: string;
  error: string | undefined;
  hint?: string | undefined;
  onText: (text: string) => void;
  onCommit: () => void;
}) {
  const { field, error, hint } = props;
  const id = `field-${field.query ?? field.flag}`;
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ");
  return (
    <div class={error ? "field field--invalid" : "field"}>
      <label for={id}>{props.label ?? field.label}</label>
      <input
        id={id}
        name={field.query}
        type="text"
        inputMode={field.rule.integer ? "numeric" : "decimal"}
        autoComplete="off"
        spellcheck={false}
        value={props.text}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={describedBy || undefined}
        onInput={(event) => props.onText(event.currentTarget.value)}
        onChange={props.onCommit}
      />
      {hint && (
        <p class="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
