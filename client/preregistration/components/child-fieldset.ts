import { css, html, nothing, type TemplateResult } from 'lit';
import { LEVELS } from '../../../shared/preregistration-schemas.ts';
import { textField } from '../../components/form-fields.ts';
import { t } from '../../i18n/i18n.ts';
import type { MessageKey } from '../../i18n/messages-fr.ts';
import { selectField, textareaField } from './form-controls.ts';
import type { ChildRow } from './preregistration-values.ts';

export interface ChildFieldsetContext {
  index: number;
  /** How many children the form has: the last one cannot be removed. */
  count: number;
  row: ChildRow;
  /** The site's disciplines; null when no list was ever loaded on this device (the field is then typed). */
  disciplines: string[] | null;
  error: (path: string) => string | undefined;
  onInput: (index: number, field: string, value: string) => void;
  onRemove: (index: number) => void;
}

/** The id of a child's heading, where the focus goes when the next child is removed. */
export const childHeadingId = (index: number) => `children.${index}.heading`;

/**
 * One child of the pre-registration: a fieldset named by its heading ("Enfant 2"), each input's
 * id being its error path (`children.1.birthDate`), rendered into the page's shadow root. "Retirer
 * cet enfant" is a native button (keyboard included), shown while there is more than one child.
 */
export function childFieldset(c: ChildFieldsetContext): TemplateResult {
  const path = (field: string) => `children.${c.index}.${field}`;
  const number = c.index + 1;
  const legend = t('prereg.childLegend', { number });
  const text = (field: string, labelKey: MessageKey, type?: string) =>
    textField({
      name: path(field),
      label: t(labelKey),
      type,
      autocomplete: 'off',
      required: true,
      value: c.row[field] ?? '',
      error: c.error(path(field)),
      onInput: (_, value) => c.onInput(c.index, field, value),
    });
  const discipline = (slot: 0 | 1) => {
    const field = slot === 0 ? 'discipline1' : 'discipline2';
    const id = path(`disciplines.${slot}`);
    const label = t(slot === 0 ? 'prereg.child.discipline' : 'prereg.child.secondDiscipline');
    const onInput = (value: string) => c.onInput(c.index, field, value);
    if (c.disciplines === null) {
      return textField({ name: id, label, hint: slot === 0 ? t('prereg.child.disciplineTyped') : undefined, autocomplete: 'off', required: slot === 0, value: c.row[field] ?? '', error: c.error(id), onInput: (_, v) => onInput(v) });
    }
    return selectField({
      id,
      label,
      required: slot === 0,
      empty: t(slot === 0 ? 'prereg.child.disciplineChoose' : 'prereg.child.noSecondDiscipline'),
      options: c.disciplines.map((d) => ({ value: d, label: d })),
      value: c.row[field] ?? '',
      error: c.error(id),
      onInput,
    });
  };
  return html`<fieldset class="child">
    <legend><h2 id=${childHeadingId(c.index)} tabindex="-1">${legend}</h2></legend>
    ${text('firstName', 'prereg.child.firstName')} ${text('lastName', 'prereg.child.lastName')}
    ${text('birthDate', 'prereg.child.birthDate', 'date')} ${discipline(0)} ${discipline(1)}
    ${selectField({
      id: path('level'),
      label: t('prereg.child.level'),
      required: true,
      empty: t('prereg.child.levelChoose'),
      options: LEVELS.map((level) => ({ value: level, label: t(`prereg.level.${level}` as MessageKey) })),
      value: c.row.level ?? '',
      error: c.error(path('level')),
      onInput: (value) => c.onInput(c.index, 'level', value),
    })}
    ${textareaField({
      id: path('availability'),
      label: t('prereg.child.availability'),
      hint: t('prereg.child.availabilityHint'),
      value: c.row.availability ?? '',
      error: c.error(path('availability')),
      onInput: (value) => c.onInput(c.index, 'availability', value),
    })}
    ${c.count > 1
      ? html`<div class="actions">
          <button type="button" class="secondary" @click=${() => c.onRemove(c.index)}>
            ${t('prereg.removeChild')}<span class="visually-hidden"> (${legend})</span>
          </button>
        </div>`
      : nothing}
  </fieldset>`;
}

/** The children's fieldsets: their heading sits in the legend at the size of a section's. */
export const childFieldsetStyles = css`
  fieldset.child legend h2 {
    margin: 0;
    font-size: 1.2em;
  }
  fieldset.child legend h2:focus {
    outline: none;
  }
  fieldset.child legend h2:focus-visible {
    outline: var(--po-focus-width) solid var(--po-color-focus);
    outline-offset: 2px;
  }
  textarea {
    min-block-size: 4em;
  }
  @media (forced-colors: active) {
    fieldset.child legend h2:focus-visible {
      outline-color: Highlight;
    }
  }
`;
