import { html, nothing, type TemplateResult } from 'lit';

export interface ChoiceGroupOptions<V extends string> {
  /** The first radio's id (what an error's link focuses), the others `${id}.${value}`. */
  id: string;
  /** The radios' shared name: arrow keys move within the group, Tab leaves it. */
  name: string;
  legend: TemplateResult | string;
  options: ReadonlyArray<{ value: V; label: string }>;
  /** Nothing chosen yet: no radio is checked (a consent is never pre-selected). */
  value: V | undefined;
  error?: string;
  /** Said before the options (a consent's changed wording). */
  note?: TemplateResult | typeof nothing;
  onChange: (value: V) => void;
}

/**
 * A radio group rendered into the host's shadow root (labels and error links find their inputs):
 * a fieldset named by its legend, native radios each in a check row (44 px targets in the
 * accessibility mode), the error above them and linked to the group.
 */
export function choiceGroup<V extends string>(o: ChoiceGroupOptions<V>): TemplateResult {
  const errorId = `${o.id}-error`;
  return html`<fieldset aria-describedby=${o.error ? errorId : nothing}>
    <legend>${o.legend}</legend>
    ${o.note ?? nothing}
    ${o.error ? html`<p class="field-error" id=${errorId}>${o.error}</p>` : nothing}
    ${o.options.map(
      (option, i) => html`<div class="check-row">
        <input
          type="radio"
          id=${i === 0 ? o.id : `${o.id}.${option.value}`}
          name=${o.name}
          value=${String(option.value)}
          .checked=${o.value === option.value}
          aria-invalid=${o.error ? 'true' : 'false'}
          @change=${() => o.onChange(option.value)}
        />
        <label for=${i === 0 ? o.id : `${o.id}.${option.value}`}>${option.label}</label>
      </div>`,
    )}
  </fieldset>`;
}
