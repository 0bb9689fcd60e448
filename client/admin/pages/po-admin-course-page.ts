import { css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { offlineNotice } from '../../components/offline-notice.ts';
import { PageElement } from '../../components/page-element.ts';
import { HttpError, OfflineError } from '../../data/command-errors.ts';
import { formatMinutes, formatWeekday, t } from '../../i18n/i18n.ts';
import type { MessageKey } from '../../i18n/messages-fr.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import '../../teacher/components/po-evaluation-confirm-dialog.ts';
import type { PoEvaluationConfirmDialog } from '../../teacher/components/po-evaluation-confirm-dialog.ts';
import '../components/po-student-search.ts';
import type { PoStudentSearch } from '../components/po-student-search.ts';
import {
  closeCourse, enrolStudent, fetchCourse, removeFromWaitingList, withdrawStudent, type CourseDetail, type CourseStudent, type FoundStudent,
} from '../data/courses.ts';
import { coursePlaces } from './course-labels.ts';

/** What the confirmation dialog asks, and what confirming does. */
interface PendingAction {
  heading: string;
  text: string;
  confirmLabel: string;
  run: () => Promise<string>;
  /** The heading that takes the focus afterwards (the button pressed is gone). */
  focus: string;
  /** The student (or course) it is about, for a refusal's message. */
  name: string;
}

/** The server's refusals this page knows, in the person's language (others as the server said them). */
const REFUSALS: Record<string, MessageKey> = {
  course_closed: 'adminCourses.error.closed',
  already_enrolled: 'adminCourses.error.alreadyEnrolled',
  already_waiting: 'adminCourses.error.alreadyWaiting',
  not_found: 'adminCourses.error.gone',
};

function refusal(error: HttpError, name: string): string {
  const key = REFUSALS[error.body.error.code];
  return key ? t(key, { name }) : error.body.error.message;
}

const fullName = (s: { firstName: string; lastName: string }) => `${s.firstName} ${s.lastName}`;

/**
 * `/admin/cours/:courseId/inscriptions`: a course of the site with its places ("12 / 15 places"),
 * its enrolled students (each with "Retirer", confirmed first), its waiting list in order, and
 * "Inscrire un élève" (po-student-search): choosing a student enrols them, or puts them on the
 * waiting list when the course is full; every outcome is said in the polite status line. Links to
 * the course's form and to its teaching record (`/admin/cours/:courseId`). Closing the course is
 * confirmed. Online only: offline, the page says so, and an action changes nothing.
 */
@customElement('po-admin-course-page')
export class PoAdminCoursePage extends PageElement {
  static override styles = [
    pageStyles,
    css`
      section {
        margin-block-end: 2rem;
      }
      ul.people {
        list-style: none;
        padding: 0;
        display: grid;
        gap: 0.5rem;
      }
      ol.people {
        padding-inline-start: 1.5em;
        display: grid;
        gap: 0.5rem;
      }
      .people li {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: center;
        justify-content: space-between;
        border-block-end: 1px solid var(--po-color-border);
        padding-block: 0.25rem;
      }
      .places {
        font-size: 1.15em;
        font-weight: 700;
      }
      @media (forced-colors: active) {
        .people li {
          border-color: CanvasText;
        }
      }
    `,
  ];

  /** The course (the route's `:courseId`). */
  @property({ attribute: false }) courseId = '';

  @state() private data: CourseDetail | null = null;
  @state() private offline = false;
  @state() private missing = false;
  /** The last outcome, in words; `error` when nothing was done. */
  @state() private notice: { text: string; error: boolean } | null = null;
  @state() private pending: PendingAction | null = null;
  @state() private busy = false;

  @query('po-evaluation-confirm-dialog') private dialog!: PoEvaluationConfirmDialog;
  @query('po-student-search') private search!: PoStudentSearch | null;

  override connectedCallback() {
    super.connectedCallback();
    const params = new URLSearchParams(location.search);
    if (params.has('cree')) this.notice = { text: t('adminCourses.page.created'), error: false };
    else if (params.has('modifie')) this.notice = { text: t('adminCourses.page.saved'), error: false };
  }

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('courseId') && this.courseId) void this.load();
  }

  protected pageTitle() {
    if (this.missing) return t('adminCourses.form.notFound');
    return this.data ? t('adminCourses.page.title', { name: this.data.course.name, year: this.data.course.schoolYear }) : t('adminCourses.page.heading');
  }

  private async load() {
    try {
      this.data = await fetchCourse(this.courseId);
      this.offline = false;
    } catch (error) {
      if (error instanceof OfflineError) this.offline = true;
      else if (error instanceof HttpError && error.status === 404) this.missing = true;
      else throw error;
    }
  }

  override render() {
    if (this.missing) {
      return html`<p><a href="/admin/cours">${t('adminCourses.back')}</a></p>
        <h1>${t('adminCourses.form.notFound')}</h1>
        <p>${t('adminCourses.form.notFoundText')}</p>`;
    }
    const d = this.data;
    const p = this.pending;
    return html`
      <p><a href="/admin/cours${d ? `?annee=${encodeURIComponent(d.course.schoolYear)}` : ''}">${t('adminCourses.back')}</a></p>
      <h1>${this.pageTitle()}</h1>
      <div role="status">
        ${this.offline && !d ? offlineNotice(t('adminCourses.offline'), () => void this.load()) : nothing}
        ${this.notice ? html`<p class="notice ${this.notice.error ? 'warning' : 'success'}">${this.notice.text}</p>` : nothing}
      </div>
      ${d ? this.renderBody(d) : this.offline ? nothing : html`<p>${t('common.loading')}</p>`}
      <po-evaluation-confirm-dialog heading=${p?.heading ?? ''} text=${p?.text ?? ''} confirm-label=${p?.confirmLabel ?? ''}
        @po-confirm=${this._onConfirm}></po-evaluation-confirm-dialog>
    `;
  }

  private renderBody(d: CourseDetail) {
    const c = d.course;
    const id = encodeURIComponent(c.id);
    return html`
      <section aria-labelledby="details-title">
        <h2 id="details-title">${t('adminCourses.page.details')}</h2>
        <p class="places">${coursePlaces(c)}</p>
        <dl class="record">
          <dt>${t('adminCourses.col.department')}</dt><dd>${c.department}</dd>
          <dt>${t('adminCourses.col.teacher')}</dt><dd>${c.teacher}</dd>
          <dt>${t('adminCourses.col.room')}</dt><dd>${c.room ?? ''}</dd>
          <dt>${t('adminCourses.col.when')}</dt><dd>${c.weekday ? t('adminCourses.when', { day: formatWeekday(c.weekday), time: c.startTime ?? '' }) : ''}</dd>
          <dt>${t('adminCourses.col.duration')}</dt><dd>${c.durationMinutes ? formatMinutes(c.durationMinutes) : ''}</dd>
          <dt>${t('adminCourses.col.cycle')}</dt><dd>${c.cycle || t('adminCourses.noCycle')}</dd>
          <dt>${t('adminCourses.col.state')}</dt><dd>${c.closed ? t('adminCourses.closed') : t('adminCourses.open')}</dd>
        </dl>
        ${c.closed ? html`<p class="notice warning">${t('adminCourses.page.closedNotice')}</p>` : nothing}
        <p class="actions">
          <a href="/admin/cours/${id}/modifier">${t('adminCourses.page.edit')}</a>
          <a href="/admin/cours/${id}">${t('adminCourses.page.teaching')}</a>
          ${c.closed ? nothing : html`<button type="button" class="secondary" @click=${this._onAskClose}>${t('adminCourses.page.close')}</button>`}
        </p>
      </section>
      <section aria-labelledby="students-title">
        <h2 id="students-title" tabindex="-1">${t('adminCourses.page.students', { count: d.students.length })}</h2>
        ${d.students.length
          ? html`<ul class="people">${d.students.map((s) => this.renderPerson(s, 'students'))}</ul>`
          : html`<p>${t('adminCourses.page.noStudents')}</p>`}
      </section>
      <section aria-labelledby="waiting-title">
        <h2 id="waiting-title" tabindex="-1">${t('adminCourses.page.waiting', { count: d.waiting.length })}</h2>
        ${d.waiting.length
          ? html`<ol class="people">${d.waiting.map((s) => this.renderPerson(s, 'waiting'))}</ol>`
          : html`<p>${t('adminCourses.page.noWaiting')}</p>`}
      </section>
      <section aria-labelledby="enrol-title">
        <h2 id="enrol-title">${t('adminCourses.page.enrol')}</h2>
        ${c.closed
          ? html`<p>${t('adminCourses.page.closedNotice')}</p>`
          : html`<po-student-search ?busy=${this.busy} @po-student-chosen=${this._onChosen}></po-student-search>`}
      </section>
    `;
  }

  private renderPerson(s: CourseStudent, list: 'students' | 'waiting') {
    const name = fullName(s);
    const label = list === 'students' ? t('adminCourses.page.withdraw') : t('adminCourses.page.removeWaiting');
    return html`<li>
      <span>${name} — ${t('adminCourses.page.family', { name: s.familyName })}</span>
      <button type="button" class="secondary" @click=${() => this.ask(s, list)}>${label}<span class="visually-hidden"> : ${name}</span></button>
    </li>`;
  }

  private async ask(s: CourseStudent, list: 'students' | 'waiting') {
    const name = fullName(s);
    this.pending =
      list === 'students'
        ? {
            heading: t('adminCourses.page.withdrawQuestion', { name }),
            text: t('adminCourses.page.withdrawText'),
            confirmLabel: t('adminCourses.page.withdraw'),
            focus: 'students-title',
            name,
            run: async () => {
              const r = await withdrawStudent(this.courseId, s.studentId);
              const done = t('adminCourses.page.withdrawn', { name });
              return r.promoted ? `${done} ${t('adminCourses.page.promoted', { name: fullName(r.promoted) })}` : done;
            },
          }
        : {
            heading: t('adminCourses.page.removeWaitingQuestion', { name }),
            text: t('adminCourses.page.removeWaitingText'),
            confirmLabel: t('adminCourses.page.removeWaiting'),
            focus: 'waiting-title',
            name,
            run: async () => {
              await removeFromWaitingList(this.courseId, s.studentId);
              return t('adminCourses.page.removedWaiting', { name });
            },
          };
    await this.updateComplete;
    await this.dialog.open();
  }

  private async _onAskClose() {
    const name = this.data?.course.name ?? '';
    this.pending = {
      heading: t('adminCourses.page.closeQuestion', { name }),
      text: t('adminCourses.page.closeText'),
      confirmLabel: t('adminCourses.page.close'),
      focus: 'details-title',
      name,
      run: async () => {
        await closeCourse(this.courseId);
        return t('adminCourses.page.closedDone', { name });
      },
    };
    await this.updateComplete;
    await this.dialog.open();
  }

  private async _onConfirm() {
    const action = this.pending;
    if (!action || this.busy) return;
    const done = await this.act(action.run, action.name);
    if (!done) return;
    this.pending = null;
    await this.updateComplete;
    const heading = this.shadowRoot!.getElementById(action.focus);
    heading?.setAttribute('tabindex', '-1');
    heading?.focus();
  }

  private async _onChosen(event: CustomEvent<FoundStudent>) {
    const student = event.detail;
    const done = await this.act(async () => {
      const r = await enrolStudent(this.courseId, student.id);
      const name = fullName(r.student);
      return r.outcome === 'waiting' ? t('adminCourses.page.waits', { name, position: r.position }) : t('adminCourses.page.enrolled', { name });
    }, fullName(student));
    if (done) await this.search?.reset();
  }

  /** Runs one desk action: its outcome (or why nothing was done) in the status line, the course read again. */
  private async act(run: () => Promise<string>, name: string): Promise<boolean> {
    this.busy = true;
    this.notice = null;
    try {
      const text = await run();
      await this.load();
      // Emptied first, so the same sentence said twice is announced twice.
      await this.updateComplete;
      this.notice = { text, error: false };
      return true;
    } catch (error) {
      if (error instanceof OfflineError) this.notice = { text: t('adminCourses.actionOffline'), error: true };
      else if (error instanceof HttpError) {
        this.notice = { text: refusal(error, name), error: true };
        await this.load();
      } else throw error;
      return false;
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-admin-course-page': PoAdminCoursePage;
  }
}
