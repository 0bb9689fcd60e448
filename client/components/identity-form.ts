import { css, html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { CIVILITIES, type IdentityValue } from '../../shared/identity-schemas.ts';
import type { FieldState } from '../data/identity-overlay.ts';
import { formatDate, t } from '../i18n/i18n.ts';
import type { MessageKey } from '../i18n/messages-fr.ts';

/**
 * The identity forms' pieces (family, student, and the secretariat's direct edit), rendered into
 * the page's own shadow root so labels, error summary links and aria-describedby find their
 * inputs. Each field may carry a marker — "Modifié — en attente de validation : …" — that is
 * part of the input's description, so screen readers read it with the field. The form's state
 * and its submission are `IdentityEditor` (identity-editor.ts).
 */

export type FieldKind = 'text' | 'email' | 'tel' | 'date' | 'civility' | 'checkbox';

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  required?: boolean;
  autocomplete?: string;
  inputmode?: string;
  hint?: string;
}

export const fieldLabel = (name: string) => t(`records.field.${name}` as MessageKey);

/** A value as a person reads it in a marker. */
export function displayValue(name: string, value: unknown): string {
  if (typeof value === 'boolean') return value ? t('records.yes') : t('records.no');
  if (value === '' || value == null) return t('records.empty');
  if (name === 'birthDate' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  return String(value);
}

function markerText(name: string, state: FieldState | undefined): string {
  if (state?.pending) {
    return t(state.pending.queued ? 'records.marker.queued' : 'records.marker.pending', { value: displayValue(name, state.pending.value) });
  }
  if (state?.refused) return t('records.marker.refused', { value: displayValue(name, state.refused.value), reason: state.refused.reason });
  return '';
}

export interface FieldContext {
  /** Prefix of the element ids (several forms on one page). */
  idPrefix?: string;
  value: IdentityValue;
  error?: string;
  state?: FieldState;
  onInput: (name: string, value: IdentityValue) => void;
}

export function identityField(spec: FieldSpec, ctx: FieldContext): TemplateResult {
  const id = (ctx.idPrefix ?? '') + spec.name;
  const marker = markerText(spec.name, ctx.state);
  const described = [spec.hint ? `${id}-hint` : '', ctx.error ? `${id}-error` : '', marker ? `${id}-marker` : ''].filter(Boolean).join(' ') || undefined;
  const label = html`${fieldLabel(spec.name)}${spec.required ? html`<span aria-hidden="true"> *</span>` : nothing}`;
  const hint = spec.hint ? html`<p class="hint" id="${id}-hint">${spec.hint}</p>` : nothing;
  const error = ctx.error ? html`<p class="field-error" id="${id}-error">${ctx.error}</p>` : nothing;
  const markerEl = marker
    ? html`<p class="marker ${ctx.state?.pending ? 'pending' : 'refused'}" id="${id}-marker">${marker}</p>`
    : nothing;

  if (spec.kind === 'checkbox') {
    return html`<div class="field check">
      ${error}
      <div class="check-row">
        <input
          id=${id}
          name=${spec.name}
          type="checkbox"
          aria-invalid=${ctx.error ? 'true' : 'false'}
          aria-describedby=${ifDefined(described)}
          .checked=${live(ctx.value === true)}
          @change=${(e: Event) => ctx.onInput(spec.name, (e.target as HTMLInputElement).checked)}
        />
        <label for=${id}>${label}</label>
      </div>
      ${hint}${markerEl}
    </div>`;
  }
  if (spec.kind === 'civility') {
    return html`<div class="field">
      <label for=${id}>${label}</label>
      ${hint}${error}
      <select
        id=${id}
        name=${spec.name}
        autocomplete=${ifDefined(spec.autocomplete)}
        ?required=${spec.required}
        aria-invalid=${ctx.error ? 'true' : 'false'}
        aria-describedby=${ifDefined(described)}
        @change=${(e: Event) => ctx.onInput(spec.name, (e.target as HTMLSelectElement).value)}
      >
        <option value="" ?selected=${ctx.value === ''}>${t('records.civility.choose')}</option>
        ${CIVILITIES.map((c) => html`<option value=${c} ?selected=${ctx.value === c}>${c}</option>`)}
      </select>
      ${markerEl}
    </div>`;
  }
  return html`<div class="field">
    <label for=${id}>${label}</label>
    ${hint}${error}
    <input
      id=${id}
      name=${spec.name}
      type=${spec.kind}
      autocomplete=${ifDefined(spec.autocomplete)}
      inputmode=${ifDefined(spec.inputmode)}
      ?required=${spec.required}
      aria-required=${spec.required ? 'true' : 'false'}
      aria-invalid=${ctx.error ? 'true' : 'false'}
      aria-describedby=${ifDefined(described)}
      .value=${live(String(ctx.value ?? ''))}
      @input=${(e: InputEvent) => ctx.onInput(spec.name, (e.target as HTMLInputElement).value)}
    />
    ${markerEl}
  </div>`;
}

const phoneHint = () => t('records.phoneHint');

export const FAMILY_SPECS = (): FieldSpec[] => [
  { name: 'civility', kind: 'civility', required: true, autocomplete: 'honorific-prefix' },
  { name: 'lastName', kind: 'text', required: true, autocomplete: 'family-name' },
  { name: 'firstName', kind: 'text', required: true, autocomplete: 'given-name' },
  { name: 'address', kind: 'text', autocomplete: 'street-address' },
  { name: 'postalCode', kind: 'text', autocomplete: 'postal-code', inputmode: 'numeric' },
  { name: 'city', kind: 'text', autocomplete: 'address-level2' },
  { name: 'phoneHome', kind: 'tel', autocomplete: 'home tel', hint: phoneHint() },
  { name: 'phoneWork', kind: 'tel', autocomplete: 'work tel', hint: phoneHint() },
  { name: 'mobile', kind: 'tel', autocomplete: 'mobile tel', hint: t('records.mobileNote') },
  { name: 'smsOptIn', kind: 'checkbox' },
  { name: 'email', kind: 'email', required: true, autocomplete: 'email' },
];

/** A student's fields: not the person's own details, so no autocomplete from their profile. */
export const STUDENT_IDENTITY_SPECS = (): FieldSpec[] => [
  { name: 'civility', kind: 'civility', required: true },
  { name: 'lastName', kind: 'text', required: true, autocomplete: 'off' },
  { name: 'firstName', kind: 'text', required: true, autocomplete: 'off' },
  { name: 'birthDate', kind: 'date', required: true, autocomplete: 'off' },
  { name: 'birthPlace', kind: 'text', autocomplete: 'off' },
];
export const STUDENT_CONTACT_SPECS = (): FieldSpec[] => [
  { name: 'address', kind: 'text', autocomplete: 'off' },
  { name: 'postalCode', kind: 'text', autocomplete: 'off', inputmode: 'numeric' },
  { name: 'city', kind: 'text', autocomplete: 'off' },
  { name: 'phoneHome', kind: 'tel', autocomplete: 'off', hint: phoneHint() },
  { name: 'phoneWork', kind: 'tel', autocomplete: 'off', hint: phoneHint() },
  { name: 'mobile', kind: 'tel', autocomplete: 'off', hint: phoneHint() },
  { name: 'email', kind: 'email', autocomplete: 'off' },
];
export const STUDENT_SCHOOL_SPECS = (): FieldSpec[] => [
  { name: 'school', kind: 'text', autocomplete: 'off' },
  { name: 'schoolLevel', kind: 'text', autocomplete: 'off' },
];

/** Styles of the markers and checkbox rows (added to pageStyles by the pages using these forms). */
export const identityFormStyles = css`
  fieldset {
    border: 1px solid var(--po-color-border);
    border-radius: var(--po-radius);
    padding: 1rem;
    margin: 0;
    display: grid;
    gap: var(--po-space);
    min-inline-size: 0;
  }
  legend {
    font-weight: 700;
    padding-inline: 0.25em;
  }
  .marker {
    margin: 0;
    padding: 0.25em 0.5em;
    border-inline-start: 0.3em solid var(--po-color-primary);
    background: var(--po-color-surface);
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .marker.pending::before {
    content: '✎ ';
  }
  .marker.refused {
    border-color: var(--po-color-error);
  }
  @media (forced-colors: active) {
    fieldset, .marker {
      border-color: CanvasText;
    }
    .marker.refused {
      border-color: Highlight;
    }
  }
`;
