import { css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { rollCallArgsSchema } from '../../../shared/teaching-schemas.ts';
import { PageElement } from '../../components/page-element.ts';
import '../../components/po-data-pending.ts';
import { entryFieldId, rollCallRow, rollCallRowStyles, type RollCallEntry } from '../components/roll-call-row.ts';
import { dismissRollCallRefusal, saveRollCall } from '../data/roll-call-commands.ts';

import type { Student } from '../../data/records.ts';
import type { QueryResult } from '../../data/named-queries.ts';
import { LiveQueryController } from '../../data/live-query-controller.ts';
import { FormController, serverProblem } from '../../forms/form-controller.ts';
import { formatDate, formatDateTime, t } from '../../i18n/i18n.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import { courseNotFound, formStatus, showTeachingResult, signedInTeacherId } from './teaching-form-result.ts';

/** "Absence signalée par la famille", with its reason when the family gave one. */
const familyNotice = (notice: { reason: string } | undefined) =>
  notice ? (notice.reason ? t('notice.onRollCallReason', { reason: notice.reason }) : t('notice.onRollCall')) : undefined;

/** A found lesson of one of the teacher's classes. */
type Sheet = Extract<QueryResult<'rollCallSheet'>, { students: unknown }>;

/**
 * `/enseignant/cours/:courseId/appel/:date`: the roll call of a lesson. One fieldset per student
 * (native radios "Présent / Absent / Absent excusé", an optional reason once not present), every
 * student "Présent" unless something was recorded: a correction starts from the earlier roll call,
 * or from the one still waiting on this device. An absence the family announced says so on the
 * student's line ("Absence signalée par la famille — motif : …") and, before the first roll call
 * of the day, starts the line as "Absent excusé" with that reason. One "Enregistrer l'appel" for the list, through
 * the form controller; the status line says whether it was sent or kept on the device until the
 * network returns, and the page keeps showing it from the outbox until then (a reload included).
 */
@customElement('po-roll-call-page')
export class PoRollCallPage extends PageElement {
  static override styles = [
    pageStyles,
    rollCallRowStyles,
    css`
      form {
        max-inline-size: 40rem;
      }
    `,
  ];

  /** The class (the route's `:courseId`). */
  @property({ attribute: false }) courseId = '';
  /** The lesson day, YYYY-MM-DD (the route's `:date`). */
  @property({ attribute: false }) date = '';

  /** `entries`: the list as typed (or as last saved); empty until then, the rows showing what was recorded. */
  private readonly form = new FormController(this, {
    name: 'roll-call',
    fields: ['entries'],
    initial: { entries: [] as ReadonlyArray<RollCallEntry> },
    // An error about the whole list (a student twice) links to the first student's choice.
    fieldIds: { entries: entryFieldId(0, 'status') },
    extraPaths: (path) => path.startsWith('entries.'),
  });

  private readonly data = new LiveQueryController(this, 'rollCallSheet', () => [signedInTeacherId(), this.courseId, this.date]);

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    const moved = ['courseId', 'date'].some((k) => changed.has(k) && changed.get(k) !== undefined);
    if (moved) {
      this.form.reset();
      this.form.clearErrors();
      this.data.refresh();
    }
  }

  private heading() {
    const d = this.data.value;
    if (!d) return t('rollCall.heading');
    if (!d.course) return t('teaching.courseNotFound');
    if (!d.lesson) return t('rollCall.notLesson');
    return t('rollCall.title', { date: formatDate(this.date, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }), course: d.course.name });
  }

  protected pageTitle() {
    return this.heading();
  }

  override render() {
    return html`<h1>${this.heading()}</h1>${this.renderBody()}`;
  }

  private renderBody() {
    const d = this.data.value;
    if (!d) return html`<po-data-pending></po-data-pending>`;
    if (!d.course) return courseNotFound();
    const back = html`<p><a href="/enseignant/cours/${d.course.id}">${t('teaching.backToCourse', { course: d.course.name })}</a></p>`;
    if (!d.lesson) return html`<p>${t('rollCall.notLessonText')}</p>${back}`;
    if (!d.students.length) return html`<p>${t('rollCall.noStudent')}</p>${back}`;
    const form = this.form;
    return html`
      ${back}
      ${d.cancelled ? html`<p class="notice warning">${t('rollCall.cancelledNotice')}</p>` : nothing}
      ${d.refused ? this.renderRefusal(d.refused.error) : nothing}
      ${d.queued
        ? html`<p class="notice">${t('rollCall.queuedNotice')}</p>`
        : d.takenAt
          ? html`<p class="notice">${t('rollCall.takenNotice', { when: formatDateTime(d.takenAt) })}</p>`
          : nothing}
      ${form.renderSummary()}
      <form novalidate @submit=${this._onSubmit}>
        <p class="hint">${t('rollCall.intro')}</p>
        <div class="students">
          ${d.students.map((student, index) =>
            rollCallRow({
              index,
              studentName: `${student.lastName} ${student.firstName}`,
              entry: this.entryOf(d, student),
              errors: { status: form.error(entryFieldId(index, 'status')), reason: form.error(entryFieldId(index, 'reason')) },
              familyNotice: familyNotice(d.announced.get(student.id)),
              onChange: (patch) => this.change(d, student.id, patch),
            }),
          )}
        </div>
        <div class="actions">
          <button type="submit" aria-disabled=${form.busy ? 'true' : 'false'}>${t('rollCall.submit')}</button>
        </div>
      </form>
      ${formStatus(form)}
    `;
  }

  /** A roll call sent after it left the page (offline) and refused: why, in words, with the server's field messages. */
  private renderRefusal(error: NonNullable<Sheet['refused']>['error']) {
    const problem = serverProblem({ error });
    return html`<div class="notice error">
      <p><strong>${t('rollCall.refusedNotice')}</strong> ${problem.message}</p>
      ${Object.keys(problem.fields).length ? html`<ul>${Object.values(problem.fields).map((m) => html`<li>${m}</li>`)}</ul>` : nothing}
    </div>`;
  }

  /** What a student's line shows: as typed (or last saved), else as recorded (queued or on the server), else present. */
  private entryOf(d: Sheet, student: Student): RollCallEntry {
    const typed = this.form.values.entries.find((e) => e.studentId === student.id);
    if (typed) return typed;
    const recorded = d.recorded.get(student.id);
    return { studentId: student.id, status: recorded?.status ?? 'present', reason: recorded?.reason ?? '' };
  }

  private change(d: Sheet, studentId: string, patch: Partial<RollCallEntry>) {
    this.form.set(
      'entries',
      d.students.map((s) => (s.id === studentId ? { ...this.entryOf(d, s), ...patch } : this.entryOf(d, s))),
    );
  }

  private async _onSubmit(event: Event) {
    event.preventDefault();
    const sheet = this.data.value;
    if (!sheet?.course || !sheet.lesson || this.form.busy) return;
    // A reason belongs to an absence: a student marked present again leaves none.
    const entries = sheet.students.map((s) => {
      const e = this.entryOf(sheet, s);
      return { studentId: s.id, status: e.status, reason: e.status === 'present' ? '' : e.reason.trim() };
    });
    // The list as sent: what the rows show from now on, and what a refusal keeps on screen.
    this.form.patch({ entries });
    const args = this.form.validate(rollCallArgsSchema, { courseId: sheet.course.id, date: this.date, entries });
    if (!args) return;
    const sent = await this.form.submit(() => saveRollCall(args), { pending: t('rollCall.saving') });
    if (!sent.ok) return;
    const counts = { absent: entries.filter((e) => e.status !== 'present').length, count: entries.length };
    const stands = showTeachingResult(this.form, sent.value, { sent: t('rollCall.sent', counts), queued: t('rollCall.queued', counts) });
    // Taken again: the earlier refusal is answered.
    if (stands && sheet.refused) await dismissRollCallRefusal(sheet.refused.mutationId);
    // Queued: the rows read the outbox now (a reload shows the same).
    if (stands && sent.value === 'queued') this.form.reset();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-roll-call-page': PoRollCallPage;
  }
}
