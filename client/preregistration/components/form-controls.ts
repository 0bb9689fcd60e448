import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';

/**
 * A select and a textarea rendered into the page's own shadow root (their label, hint and error
 * find them by id, and so do the error summary's links), like client/components/form-fields.ts's
 * text input. `id` is the field's error path.
 */

interface ControlOptions {
  id: string;
  label: string;
  value: string;
  hint?: string;
  error?: string;
  required?: boolean;
  onInput: (value: string) => void;
}

function describedBy(o: ControlOptions): string | undefined {
  return [o.hint ? `${o.id}-hint` : '', o.error ? `${o.id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

function head(o: ControlOptions) {
  return html`<label for=${o.id}>${o.label}${o.required ? html`<span aria-hidden="true"> *</span>` : nothing}</label>
    ${o.hint ? html`<p class="hint" id="${o.id}-hint">${o.hint}</p>` : nothing}
    ${o.error ? html`<p class="field-error" id="${o.id}-error">${o.error}</p>` : nothing}`;
}

export interface SelectOptions extends ControlOptions {
  /** The first option, with an empty value ("Choisir…", "Aucune"). */
  empty: string;
  options: ReadonlyArray<{ value: string; label: string }>;
}

export function selectField(o: SelectOptions): TemplateResult {
  // A value no longer offered (a draft from an older list) stays visible and chosen.
  const options = o.value && !o.options.some((opt) => opt.value === o.value) ? [...o.options, { value: o.value, label: o.value }] : o.options;
  return html`<div class="field">
    ${head(o)}
    <select
      id=${o.id}
      name=${o.id}
      ?required=${o.required}
      aria-required=${o.required ? 'true' : 'false'}
      aria-invalid=${o.error ? 'true' : 'false'}
      aria-describedby=${ifDefined(describedBy(o))}
      @change=${(e: Event) => o.onInput((e.target as HTMLSelectElement).value)}
    >
      <option value="" .selected=${o.value === ''}>${o.empty}</option>
      ${options.map((opt) => html`<option value=${opt.value} .selected=${opt.value === o.value}>${opt.label}</option>`)}
    </select>
  </div>`;
}

export function textareaField(o: ControlOptions): TemplateResult {
  return html`<div class="field">
    ${head(o)}
    <textarea
      id=${o.id}
      name=${o.id}
      rows="3"
      autocomplete="off"
      aria-invalid=${o.error ? 'true' : 'false'}
      aria-describedby=${ifDefined(describedBy(o))}
      .value=${live(o.value)}
      @input=${(e: InputEvent) => o.onInput((e.target as HTMLTextAreaElement).value)}
    ></textarea>
  </div>`;
}
