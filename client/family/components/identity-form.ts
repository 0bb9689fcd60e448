import { css, html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { FieldDescription } from '../../../shared/fields/field.ts';
import { CIVILITIES } from '../../../shared/civilities.ts';
import type { IdentityValue } from '../../../shared/identity-schemas.ts';
import type { FieldState } from '../data/identity-overlay.ts';
import { formatDate, t } from '../../i18n/i18n.ts';
import { autofill, inputType } from '../../components/form-fields.ts';
import type { MessageKey } from '../../i18n/messages-fr.ts';

/**
 * The identity forms' pieces (family, student, and the secretariat's direct edit), rendered into
 * the page's own shadow root so labels, error summary links and aria-describedby find their
 * inputs. Each field may carry a marker — "Modifié — en attente de validation : …" — that is
 * part of the input's description, so screen readers read it with the field. The form's state
 * and its submission are `IdentityEditor` (identity-editor.ts).
 */

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

/** An identity field described in shared/fields/identity-fields.ts (`select` is the civility). */
export function identityField(spec: FieldDescription, ctx: FieldContext): TemplateResult {
  const id = (ctx.idPrefix ?? '') + spec.name;
  const hintText = spec.hintKey ? t(spec.hintKey as MessageKey) : '';
  const marker = markerText(spec.name, ctx.state);
  const described = [hintText ? `${id}-hint` : '', ctx.error ? `${id}-error` : '', marker ? `${id}-marker` : ''].filter(Boolean).join(' ') || undefined;
  const label = html`${t(spec.labelKey as MessageKey)}${spec.required ? html`<span aria-hidden="true"> *</span>` : nothing}`;
  const hint = hintText ? html`<p class="hint" id="${id}-hint">${hintText}</p>` : nothing;
  const error = ctx.error ? html`<p class="field-error" id="${id}-error">${ctx.error}</p>` : nothing;
  const markerEl = marker
    ? html`<p class="marker ${ctx.state?.pending ? 'pending' : 'refused'}" id="${id}-marker">${marker}</p>`
    : nothing;

  if (spec.type === 'checkbox') {
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
  if (spec.type === 'select') {
    return html`<div class="field">
      <label for=${id}>${label}</label>
      ${hint}${error}
      <select
        id=${id}
        name=${spec.name}
        autocomplete=${ifDefined(autofill(spec.autocomplete))}
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
      type=${inputType(spec.type)}
      autocomplete=${ifDefined(autofill(spec.autocomplete))}
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
