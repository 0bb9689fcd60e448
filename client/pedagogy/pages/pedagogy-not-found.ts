import { html, type TemplateResult } from 'lit';
import { t } from '../../i18n/i18n.ts';

/**
 * What a student page shows under its h1 ("Élève introuvable") when the student is not on the
 * device: a way back once a pull has landed (another family's student, an unknown id), or "not
 * loaded yet" before the first one. Never any data. Pages keep ONE h1 element across loading,
 * found and not found, so the focus put on it after a navigation survives the data arriving.
 */
export function studentNotFound(synced: boolean): TemplateResult {
  if (!synced) return html`<p>${t('pedagogy.notLoaded')}</p>`;
  return html`<p>${t('student.notFoundText')}</p>
    <p><a href="/famille">${t('student.backToFamily')}</a></p>`;
}

/** The h1 text when the student is not on the device. */
export function studentNotFoundHeading(synced: boolean, sectionHeading: string): string {
  return synced ? t('student.notFound') : sectionHeading;
}

/** A known student, but no such course (or history entry, or piece) of theirs. */
export function recordNotFound(text: string, backHref: string, backLabel: string): TemplateResult {
  return html`<p>${text}</p>
    <p><a href=${backHref}>${backLabel}</a></p>`;
}
