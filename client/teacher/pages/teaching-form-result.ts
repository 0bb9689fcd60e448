import { html, nothing, type TemplateResult } from 'lit';
import { session } from '../../app/session.ts';
import { serverProblem, type FieldValue, type FormController } from '../../forms/form-controller.ts';
import { formatDate, t } from '../../i18n/i18n.ts';
import type { TeachingResult } from '../data/evaluation-commands.ts';

/** The signed-in teacher (a teacher's pages are only routed for a teacher account). */
export const signedInTeacherId = () => session.value.info?.user.teacherId ?? '';

/**
 * What a teacher's form says once its write is done: saved on the server, or kept on this device
 * until the network is back (both a success: the lists already show it), or the server's refusal
 * next to the fields with the summary focused. True when the write stands.
 */
export function showTeachingResult<V extends Record<string, FieldValue>>(
  form: FormController<V>,
  result: TeachingResult,
  messages: { sent: string; queued: string },
): boolean {
  if (result === 'sent' || result === 'queued') {
    form.announce(messages[result], { success: true, again: true });
    return true;
  }
  const problem = serverProblem({ error: result.rejected });
  form.showErrors(problem.fields, problem.message);
  return false;
}

/**
 * A form page's polite status line: the announcement, shown as a success notice (in words, not
 * colour alone) after a save; `before` goes first (an offline notice).
 */
export function formStatus<V extends Record<string, FieldValue>>(form: FormController<V>, before: TemplateResult | typeof nothing = nothing): TemplateResult {
  return html`<div role="status">
    ${before}
    ${form.succeeded && form.announcement ? html`<p class="notice success">${form.announcement}</p>` : html`<p>${form.announcement}</p>`}
  </div>`;
}

/** What a teacher's page shows for a class that is not theirs this year (or an unknown address). */
export const courseNotFound = () => html`<p>${t('teaching.courseNotFoundText')}</p><p><a href="/enseignant">${t('teaching.backToClasses')}</a></p>`;

/** An absence's days: "du 3 au 5 décembre 2026", or "le 3 décembre 2026" for one day. */
export const absenceDates = (a: { startDate: string; endDate: string }) =>
  a.startDate === a.endDate ? t('teacherAbsences.oneDay', { date: formatDate(a.startDate) }) : t('teacherAbsences.range', { from: formatDate(a.startDate), to: formatDate(a.endDate) });
