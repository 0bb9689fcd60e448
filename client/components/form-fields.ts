import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { t } from '../i18n/i18n.ts';

/**
 * Form pieces rendered into the page's own shadow root, so each <label for> and aria-describedby
 * finds its input (ids do not cross shadow boundaries, which rules out a wrapper element per field).
 */
/**
 * An autocomplete value from the field catalogue (shared/, no DOM types: plain strings), for a
 * template binding. HTML allows multi-token values ('home tel', 'mobile tel') that lit-analyzer's
 * list of single tokens lacks, so the binding's type names one of its tokens: a type-level
 * accommodation only, the string is bound unchanged.
 */
export const autofill = (token: string | undefined) => token as 'on' | undefined;

/** An <input> type from a field description whose other kinds (select, textarea…) render elsewhere. */
export const inputType = (type: string | undefined) => (type ?? 'text') as 'text' | 'password' | 'email' | 'tel' | 'date';

export interface FieldOptions {
  name: string;
  label: string;
  value: string;
  type?: string;
  autocomplete?: string;
  hint?: string;
  error?: string;
  required?: boolean;
  inputmode?: string;
  onInput: (name: string, value: string) => void;
}

export function textField(o: FieldOptions): TemplateResult {
  const described = [o.hint ? `${o.name}-hint` : '', o.error ? `${o.name}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="field">
    <label for=${o.name}>${o.label}${o.required ? html`<span aria-hidden="true"> *</span>` : nothing}</label>
    ${o.hint ? html`<p class="hint" id="${o.name}-hint">${o.hint}</p>` : nothing}
    ${o.error ? html`<p class="field-error" id="${o.name}-error">${o.error}</p>` : nothing}
    <input
      id=${o.name}
      name=${o.name}
      type=${inputType(o.type)}
      autocomplete=${ifDefined(autofill(o.autocomplete))}
      inputmode=${ifDefined(o.inputmode)}
      ?required=${o.required}
      aria-required=${o.required ? 'true' : 'false'}
      aria-invalid=${o.error ? 'true' : 'false'}
      aria-describedby=${ifDefined(described || undefined)}
      .value=${live(o.value)}
      @input=${(e: InputEvent) => o.onInput(o.name, (e.target as HTMLInputElement).value)}
    />
  </div>`;
}

export interface SummaryItem {
  field: string;
  message: string;
}

/**
 * The error summary: a focused alert listing each problem with a link to its field. The links
 * move focus themselves (the router would otherwise take a "#field" link for a navigation).
 */
export function errorSummary(items: SummaryItem[], root: ShadowRoot | null, message?: string): TemplateResult | typeof nothing {
  if (!items.length && !message) return nothing;
  const focusField = (e: Event, field: string) => {
    e.preventDefault();
    const input = root?.getElementById(field) as HTMLElement | null;
    input?.focus();
  };
  return html`<div class="notice error error-summary" role="alert" tabindex="-1" id="error-summary">
    ${message ? html`<p><strong>${message}</strong></p>` : nothing}
    ${items.length
      ? html`<p>${t('common.errorSummary', { count: items.length })}</p>
          <ul>
            ${items.map((i) => html`<li><a href="#${i.field}" @click=${(e: Event) => focusField(e, i.field)}>${i.message}</a></li>`)}
          </ul>`
      : nothing}
  </div>`;
}
