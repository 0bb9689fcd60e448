import { css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { offlineNotice } from '../../components/offline-notice.ts';
import { PageElement } from '../../components/page-element.ts';
import { HttpError, OfflineError } from '../../data/command-errors.ts';
import { formatDate, formatWeekday, t } from '../../i18n/i18n.ts';
import { reflowTableStyles } from '../../styles/reflow-table-styles.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import '../../teacher/components/po-evaluation-confirm-dialog.ts';
import type { PoEvaluationConfirmDialog } from '../../teacher/components/po-evaluation-confirm-dialog.ts';
import { kindLabel } from '../../teacher/components/po-evaluation-list.ts';
import '../components/po-admin-roll-call-form.ts';
import '../../calendar/components/po-admin-course-events.ts';
import { fullTeacherName } from '../data/teacher-absences.ts';
import { deleteEvaluationBatch, deleteFollowUpNote, fetchCourseTeaching, readForDesk, type CourseTeaching } from '../data/teaching-desk.ts';

type Evaluation = CourseTeaching['evaluations'][number];

/** What the confirmation dialog asks about, and what "Supprimer" then does. */
interface PendingDelete {
  heading: string;
  text: string;
  confirmLabel: string;
  /** The section whose heading takes the focus once the record is gone. */
  section: 'evaluations' | 'notes';
  run: () => Promise<unknown>;
  done: string;
}

/**
 * `/admin/cours/:courseId`: a class of the site as the secretariat reads it — its teacher, its
 * roster, the roll calls by date (who was absent or excused, with reasons), the evaluations by
 * batch (date, kind, each student's appreciation and mark) and the follow-up notes, each with
 * "Supprimer" behind a confirmation; and the correction of a roll call
 * (`po-admin-roll-call-form`). Online only: offline the page says so and offers to retry.
 */
@customElement('po-admin-course-teaching-page')
export class PoAdminCourseTeachingPage extends PageElement {
  static override styles = [
    pageStyles,
    reflowTableStyles,
    css`
      section {
        margin-block-end: 2rem;
      }
      ul.records {
        list-style: none;
        padding: 0;
        display: grid;
        gap: 0.75rem;
      }
      ul.records > li {
        border: 1px solid var(--po-color-border);
        border-radius: var(--po-radius);
        padding: 0.75rem 1rem;
      }
      h3 {
        font-size: 1.05em;
        margin-block: 0 0.5em;
      }
      .text {
        white-space: pre-line;
        overflow-wrap: anywhere;
      }
      @media (forced-colors: active) {
        ul.records > li {
          border-color: CanvasText;
        }
      }
    `,
  ];

  /** The class shown (the route's `:courseId`). */
  @property({ attribute: false }) courseId = '';

  @state() private data: CourseTeaching | null = null;
  @state() private missing = false;
  @state() private offline = false;
  /** The outcome of the last deletion, in words: `error` when nothing was deleted. */
  @state() private notice: { text: string; error: boolean } | null = null;
  @state() private pending: PendingDelete | null = null;
  private deleting = false;

  @query('po-evaluation-confirm-dialog') private dialog!: PoEvaluationConfirmDialog;

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('courseId') && this.courseId) void this.load();
  }

  protected pageTitle() {
    if (this.missing) return t('desk.course.notFound');
    return this.data ? t('desk.course.title', { name: this.data.course.name }) : t('desk.course.heading');
  }

  private async load() {
    const read = await readForDesk(() => fetchCourseTeaching(this.courseId));
    // Offline, what was read before stays on screen under the notice.
    this.offline = read === 'offline';
    this.missing = read === 'missing';
    if (typeof read === 'object') this.data = read;
  }

  override render() {
    if (this.missing) {
      return html`<h1>${t('desk.course.notFound')}</h1>
        <p>${t('desk.course.notFoundText')}</p>
        <p><a href="/admin/enseignants">${t('desk.backToTeachers')}</a></p>`;
    }
    const d = this.data;
    const p = this.pending;
    return html`
      ${d?.teacher
        ? html`<p><a href="/admin/enseignants/${encodeURIComponent(d.teacher.id)}">${t('desk.course.backToTeacher', { name: fullTeacherName(d.teacher) })}</a></p>`
        : html`<p><a href="/admin/enseignants">${t('desk.backToTeachers')}</a></p>`}
      <h1>${this.pageTitle()}</h1>
      <div role="status">
        ${this.offline ? offlineNotice(t('desk.offline'), () => void this.load()) : nothing}
        ${this.notice ? html`<p class="notice ${this.notice.error ? 'error' : 'success'}">${this.notice.text}</p>` : nothing}
      </div>
      ${d ? this.renderCourse(d) : this.offline ? nothing : html`<p>${t('common.loading')}</p>`}
      <po-evaluation-confirm-dialog heading=${p?.heading ?? ''} text=${p?.text ?? ''} confirm-label=${p?.confirmLabel ?? ''} @po-confirm=${this._onConfirm}></po-evaluation-confirm-dialog>
    `;
  }

  private renderCourse(d: CourseTeaching) {
    const c = d.course;
    const when = [c.weekday ? formatWeekday(c.weekday) : '', c.startTime ?? '', c.cycle].filter(Boolean).join(' — ');
    return html`
      <p>
        ${t('desk.course.teacher')}${d.teacher
          ? html`<a href="/admin/enseignants/${encodeURIComponent(d.teacher.id)}">${fullTeacherName(d.teacher)}</a>`
          : t('desk.course.noTeacher')}
      </p>
      ${when ? html`<p>${when}</p>` : nothing}
      <section aria-labelledby="roster">
        <h2 id="roster">${t('desk.course.roster', { count: d.students.filter((s) => s.active).length })}</h2>
        ${d.students.length
          ? html`<ul>
              ${d.students.map((s) => {
                const name = `${s.lastName} ${s.firstName}`;
                return html`<li>${s.active ? name : t('desk.course.left', { name })}</li>`;
              })}
            </ul>`
          : html`<p>${t('desk.course.noStudents')}</p>`}
      </section>
      <section aria-labelledby="roll-calls">
        <h2 id="roll-calls">${t('desk.rollCalls')}</h2>
        ${this.renderRollCalls(d)}
      </section>
      <section aria-labelledby="correct">
        <h2 id="correct">${t('desk.correct.heading')}</h2>
        <po-admin-roll-call-form .teaching=${d} @po-roll-call-corrected=${() => void this.load()}></po-admin-roll-call-form>
      </section>
      <section><po-admin-course-events .courseId=${c.id}></po-admin-course-events></section>
      <section aria-labelledby="evaluations">
        <h2 id="evaluations" tabindex="-1">${t('desk.evaluations')}</h2>
        ${this.renderEvaluations(d)}
      </section>
      <section aria-labelledby="notes">
        <h2 id="notes" tabindex="-1">${t('desk.notes')}</h2>
        ${this.renderNotes(d)}
      </section>
    `;
  }

  private studentName(d: CourseTeaching, enrollmentId: string) {
    const s = d.students.find((x) => x.enrollmentId === enrollmentId);
    return s ? `${s.lastName} ${s.firstName}` : '—';
  }

  private renderRollCalls(d: CourseTeaching) {
    const dates = [...new Set([...d.rollCalls.map((r) => r.date), ...d.absences.map((a) => a.date)])].sort().reverse();
    if (!dates.length) return html`<p>${t('desk.rollCalls.none')}</p>`;
    const col = { absent: t('desk.rollCalls.absent'), excused: t('desk.rollCalls.excused') };
    const who = (date: string, excused: boolean) => {
      const names = d.absences
        .filter((a) => a.date === date && a.excused === excused)
        .map((a) => (a.reason ? t('desk.rollCalls.reason', { name: this.studentName(d, a.enrollmentId), reason: a.reason }) : this.studentName(d, a.enrollmentId)));
      return names.length ? names.join(' ; ') : t('desk.rollCalls.nobody');
    };
    return html`<div class="table-wrap">
      <table>
        <caption>${t('desk.rollCalls.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">${t('desk.col.date')}</th>
            <th scope="col">${col.absent}</th>
            <th scope="col">${col.excused}</th>
          </tr>
        </thead>
        <tbody>
          ${dates.map(
            (date) => html`<tr>
              <th scope="row">${formatDate(date)}</th>
              <td data-label=${col.absent}>${who(date, false)}</td>
              <td data-label=${col.excused}>${who(date, true)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private renderEvaluations(d: CourseTeaching) {
    const batches = new Map<string, Evaluation[]>();
    for (const e of [...d.evaluations].sort((a, b) => b.date.localeCompare(a.date))) {
      const key = e.batchId ?? e.id;
      batches.set(key, [...(batches.get(key) ?? []), e]);
    }
    if (!batches.size) return html`<p>${t('desk.evaluations.none')}</p>`;
    const col = { appreciation: t('desk.evaluations.appreciation'), mark: t('desk.evaluations.mark') };
    return html`<ul class="records">
      ${[...batches.values()].map((rows) => {
        const first = rows[0];
        const what = t('teaching.evaluationOf', { kind: kindLabel(first.kind), date: formatDate(first.date) });
        return html`<li>
          <h3>${what}</h3>
          <div class="table-wrap">
            <table>
              <caption class="visually-hidden">${t('desk.evaluations.caption')} — ${what}</caption>
              <thead>
                <tr>
                  <th scope="col">${t('desk.evaluations.student')}</th>
                  <th scope="col">${col.appreciation}</th>
                  <th scope="col">${col.mark}</th>
                </tr>
              </thead>
              <tbody>
                ${rows.map(
                  (e) => html`<tr>
                    <th scope="row">${this.studentName(d, e.enrollmentId)}</th>
                    <td data-label=${col.appreciation} class="long">${e.appreciation || '—'}</td>
                    <td data-label=${col.mark}>${e.mark || '—'}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>
          ${first.batchId
            ? html`<div class="actions">
                <button type="button" class="secondary" @click=${() => this.ask(this.evaluationDeletion(first.batchId!, what))}>
                  ${t('desk.evaluations.delete')}<span class="visually-hidden"> : ${what}</span>
                </button>
              </div>`
            : nothing}
        </li>`;
      })}
    </ul>`;
  }

  private renderNotes(d: CourseTeaching) {
    const notes = [...d.notes].sort((a, b) => b.date.localeCompare(a.date));
    if (!notes.length) return html`<p>${t('desk.notes.none')}</p>`;
    return html`<ul class="records">
      ${notes.map((n) => {
        const of = t('desk.notes.of', { name: this.studentName(d, n.enrollmentId), date: formatDate(n.date) });
        return html`<li>
          <h3>${of}</h3>
          <p class="text">${n.text}</p>
          <div class="actions">
            <button type="button" class="secondary" @click=${() => this.ask(this.noteDeletion(n.id, n.date))}>
              ${t('desk.notes.delete')}<span class="visually-hidden"> : ${of}</span>
            </button>
          </div>
        </li>`;
      })}
    </ul>`;
  }

  private evaluationDeletion(batchId: string, what: string): PendingDelete {
    return {
      heading: t('teaching.deleteEvaluationTitle'),
      text: t('teaching.deleteEvaluationText', { what }),
      confirmLabel: t('teaching.deleteEvaluation'),
      section: 'evaluations',
      run: () => deleteEvaluationBatch(batchId),
      done: t('desk.evaluations.deleted'),
    };
  }

  private noteDeletion(noteId: string, date: string): PendingDelete {
    return {
      heading: t('teaching.deleteNoteTitle'),
      text: t('teaching.deleteNoteText', { date: formatDate(date) }),
      confirmLabel: t('teaching.deleteNote'),
      section: 'notes',
      run: () => deleteFollowUpNote(noteId),
      done: t('desk.notes.deleted'),
    };
  }

  private async ask(pending: PendingDelete) {
    if (this.deleting) return;
    this.pending = pending;
    await this.updateComplete;
    await this.dialog.open();
  }

  /** Confirmed: deleted once (a second confirmation meanwhile does nothing), then the list is read again. */
  private async _onConfirm() {
    const p = this.pending;
    if (!p || this.deleting) return;
    this.deleting = true;
    try {
      await p.run();
      this.notice = { text: p.done, error: false };
      await this.load();
      await this.updateComplete;
      this.shadowRoot?.getElementById(p.section)?.focus();
    } catch (error) {
      if (error instanceof OfflineError) this.notice = { text: t('desk.deleteOffline'), error: true };
      else if (error instanceof HttpError) this.notice = { text: t('desk.deleteFailed', { message: error.body.error.message }), error: true };
      else throw error;
    } finally {
      this.deleting = false;
      this.pending = null;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-admin-course-teaching-page': PoAdminCourseTeachingPage;
  }
}
