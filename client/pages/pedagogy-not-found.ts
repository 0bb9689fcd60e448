import { html, type TemplateResult } from 'lit';
import { t } from '../i18n/i18n.ts';

/**
 * What a student page shows when the student is not on the device: "Élève introuvable" with a
 * way back once a pull has landed (another family's student, an unknown id), or "not loaded yet"
 * before the first one. Never any data.
 */
export function studentNotFound(synced: boolean, heading: string): TemplateResult {
  if (!synced) return html`<h1>${heading}</h1><p>${t('pedagogy.notLoaded')}</p>`;
  return html`<h1>${t('student.notFound')}</h1>
    <p>${t('student.notFoundText')}</p>
    <p><a href="/famille">${t('student.backToFamily')}</a></p>`;
}

/** A known student, but no such course (or history entry, or piece) of theirs. */
export function recordNotFound(heading: string, text: string, backHref: string, backLabel: string): TemplateResult {
  return html`<h1>${heading}</h1>
    <p>${text}</p>
    <p><a href=${backHref}>${backLabel}</a></p>`;
}
