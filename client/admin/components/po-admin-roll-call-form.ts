import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { lessonDates } from '../../../shared/lesson-dates.ts';
import { rollCallArgsSchema, type Attendance } from '../../../shared/teaching-schemas.ts';
import { OfflineError } from '../../data/command-errors.ts';
import { FormController } from '../../forms/form-controller.ts';
import { formatDate, formatDateTime, t } from '../../i18n/i18n.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import { entryFieldId, rollCallRow, rollCallRowStyles, type RollCallEntry } from '../../teacher/components/roll-call-row.ts';
import { formStatus } from '../../teacher/pages/teaching-form-result.ts';
import { localToday } from '../../../shared/lesson-dates.ts';
import { correctRollCall, type CourseTeaching } from '../data/teaching-desk.ts';

type Seat = CourseTeaching['students'][number];

/**
 * The secretariat corrects a class's roll call: a lesson day chosen in a list (the past lessons,
 * newest first, those with a roll call marked "appel fait"), then per student the teacher's own
 * radios "Présent / Absent / Absent excusé" and "Motif", filled from what was recorded that day,
 * and "Enregistrer la correction". Through the form controller: success announced in the status
 * line, a refusal (404, 422) in the focused error summary; online only — offline it says so and
 * the choices stay on screen to send again.
 *
 * @fires po-roll-call-corrected - the correction was saved; `detail.date` names the lesson day
 */
@customElement('po-admin-roll-call-form')
export class PoAdminRollCallForm extends LitElement {
  static override styles = [
    pageStyles,
    rollCallRowStyles,
    css`
      form {
        max-inline-size: 40rem;
      }
      .students {
        display: grid;
        gap: 0.75em;
      }
    `,
  ];

  /** The class with its roster and what was recorded (the page's data, read again after a save). */
  @property({ attribute: false }) teaching?: CourseTeaching;

  /** `date`: the lesson chosen ('' for the newest); `entries`: the list as typed or sent, empty until then. */
  private readonly form = new FormController(this, {
    name: 'admin-roll-call',
    fields: ['date', 'entries'],
    initial: { date: '', entries: [] as ReadonlyArray<RollCallEntry> },
    fieldIds: { entries: entryFieldId(0, 'status') },
    extraPaths: (path) => path.startsWith('entries.'),
  });

  override render() {
    const d = this.teaching;
    if (!d) return nothing;
    const students = d.students.filter((s) => s.active);
    const dates = this.lessonDays(d);
    if (!students.length) return html`<p>${t('desk.correct.noStudents')}</p>`;
    if (!dates.length) return html`<p>${t('desk.correct.noLesson')}</p>`;
    const form = this.form;
    const date = this.chosenDate(dates);
    const taken = d.rollCalls.find((r) => r.date === date);
    const dateError = form.error('date');
    return html`
      ${form.renderSummary()}
      <form novalidate @submit=${this._onSubmit}>
        <p class="hint">${t('desk.correct.intro')}</p>
        <div class="field">
          <label for="date">${t('desk.correct.date')}</label>
          ${dateError ? html`<p class="field-error" id="date-error">${dateError}</p>` : nothing}
          <select id="date" name="date" aria-invalid=${dateError ? 'true' : 'false'} aria-describedby=${dateError ? 'date-error' : 'date-state'} @change=${this._onDate}>
            ${dates.map((day) => {
              const label = formatDate(day, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
              return html`<option value=${day} ?selected=${day === date}>${d.rollCalls.some((r) => r.date === day) ? t('desk.correct.dateTaken', { date: label }) : label}</option>`;
            })}
          </select>
          <p class="hint" id="date-state">${taken ? t('desk.correct.takenNotice', { when: formatDateTime(taken.takenAt) }) : t('desk.correct.notTakenNotice')}</p>
        </div>
        <div class="students">
          ${students.map((s, index) =>
            rollCallRow({
              index,
              studentName: `${s.lastName} ${s.firstName}`,
              entry: this.entryOf(d, s, date),
              errors: { status: form.error(entryFieldId(index, 'status')), reason: form.error(entryFieldId(index, 'reason')) },
              onChange: (patch) => this.change(d, students, date, s.studentId, patch),
            }),
          )}
        </div>
        <div class="actions">
          <button type="submit" aria-disabled=${form.busy ? 'true' : 'false'}>${t('desk.correct.submit')}</button>
        </div>
      </form>
      ${formStatus(form)}
    `;
  }

  /** The past lesson days, and any day already recorded, newest first. */
  private lessonDays(d: CourseTeaching): string[] {
    const recorded = [...d.rollCalls.map((r) => r.date), ...d.absences.map((a) => a.date)];
    return [...new Set([...lessonDates(d.course, undefined, localToday()), ...recorded])].sort().reverse();
  }

  private chosenDate(dates: string[]): string {
    return dates.includes(this.form.values.date) ? this.form.values.date : dates[0];
  }

  /** A student's line: as typed (or sent), else as recorded that day, else present. */
  private entryOf(d: CourseTeaching, s: Seat, date: string): RollCallEntry {
    const typed = this.form.values.entries.find((e) => e.studentId === s.studentId);
    if (typed) return typed;
    const a = d.absences.find((x) => x.enrollmentId === s.enrollmentId && x.date === date);
    const status: Attendance = a ? (a.excused ? 'excused' : 'absent') : 'present';
    return { studentId: s.studentId, status, reason: a?.reason ?? '' };
  }

  private change(d: CourseTeaching, students: Seat[], date: string, studentId: string, patch: Partial<RollCallEntry>) {
    this.form.set(
      'entries',
      students.map((s) => (s.studentId === studentId ? { ...this.entryOf(d, s, date), ...patch } : this.entryOf(d, s, date))),
    );
  }

  private _onDate(event: Event) {
    // Another lesson: its rows start again from what was recorded that day.
    this.form.reset({ date: (event.target as HTMLSelectElement).value });
    this.form.clearErrors();
    this.form.announce('');
  }

  private async _onSubmit(event: Event) {
    event.preventDefault();
    const d = this.teaching;
    if (!d || this.form.busy) return;
    const students = d.students.filter((s) => s.active);
    const date = this.chosenDate(this.lessonDays(d));
    // A reason belongs to an absence: a student marked present again leaves none.
    const entries = students.map((s) => {
      const e = this.entryOf(d, s, date);
      return { studentId: s.studentId, status: e.status, reason: e.status === 'present' ? '' : e.reason.trim() };
    });
    // The list as sent stays on screen, whatever the answer (nothing typed is lost).
    this.form.patch({ date, entries });
    const args = this.form.validate(rollCallArgsSchema, { courseId: d.course.id, date, entries });
    if (!args) return;
    const sent = await this.form.submit(() => correctRollCall(d.course.id, date, args.entries), {
      pending: t('desk.correct.saving'),
      problem: (error) => (error instanceof OfflineError ? { fields: {}, message: t('desk.correct.offline') } : undefined),
    });
    if (!sent.ok) return;
    const counts = { date: formatDate(date), absent: entries.filter((e) => e.status !== 'present').length, count: entries.length };
    this.form.announce(t('desk.correct.saved', counts), { success: true, again: true });
    this.dispatchEvent(new CustomEvent('po-roll-call-corrected', { detail: { date }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-admin-roll-call-form': PoAdminRollCallForm;
  }
  interface GlobalEventHandlersEventMap {
    'po-roll-call-corrected': CustomEvent<{ date: string }>;
  }
}
