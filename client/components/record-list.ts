import { html, type TemplateResult } from 'lit';
import { t } from '../i18n/i18n.ts';

/** A read-only record as a description list; empty values say "Non renseigné" rather than nothing. */
export function recordList(rows: Array<[label: string, value: string | TemplateResult | null | undefined]>): TemplateResult {
  return html`<dl class="record">
    ${rows.map(
      ([label, value]) => html`<dt>${label}</dt>
        <dd>${value === '' || value == null ? html`<span class="hint">${t('empty.value')}</span>` : value}</dd>`,
    )}
  </dl>`;
}
