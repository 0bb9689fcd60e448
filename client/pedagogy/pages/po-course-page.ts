import { css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { PageElement } from '../../components/page-element.ts';
import '../../components/po-record-nav.ts';
import '../components/po-student-tabs.ts';
import '../../components/po-tabs.ts';
import type { PoTabs } from '../../components/po-tabs.ts';
import { recordList } from '../../components/record-list.ts';
import '../../components/po-data-pending.ts';
import type { QueryResult } from '../../data/named-queries.ts';
import { LiveQueryController } from '../../data/live-query-controller.ts';
import '../../family/components/po-teacher-absence-notice.ts';
import '../../family/components/po-announced-absences.ts';
import type { CourseTab } from '../data/pedagogy-queries.ts';
import { evaluationResult, studentName, teacherName } from '../data/pedagogy-names.ts';
import type { Absence, Evaluation, FollowUpNote, Teacher } from '../../data/records.ts';
import { formatDate, formatMinutes, formatWeekday, t } from '../../i18n/i18n.ts';
import { loadAreaMessages } from '../../i18n/messages-fr.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import { reflowTableStyles } from '../../styles/reflow-table-styles.ts';
import { recordNotFound, studentNotFound, studentNotFoundHeading } from './pedagogy-not-found.ts';

type Sheet = QueryResult<'courseSheet'>;

/**
 * `/eleves/:id/cours/:courseId` and its tabs `/suivi`, `/evaluations`, `/absences` (one element
 * for the four URLs, told which tab by `tab`); `/…/:tab/:itemId` shows one line in full. The
 * course navigation (premier / précédent / suivant / dernier) keeps the current tab.
 */
@customElement('po-course-page')
export class PoCoursePage extends PageElement {
  static override styles = [
    pageStyles,
    reflowTableStyles,
    css`
      .subtitle {
        font-size: 1.1em;
      }
      h2.detail {
        font-size: 1.2em;
      }
    `,
  ];

  /** The student (the route's `:id`). */
  @property({ attribute: false }) studentId = '';
  /** The course whose sheet is shown (the route's `:courseId`). */
  @property({ attribute: false }) courseId = '';
  /** The tab shown, from the URL: follow-up, evaluations or absences. */
  @property() tab: CourseTab = 'suivi';
  /** A line (note, evaluation, absence) of the current tab, shown in full. */
  @property({ attribute: false }) itemId = '';

  @query('po-tabs') private tabsElement?: PoTabs;

  private readonly data = new LiveQueryController(this, 'courseSheet', () => [this.studentId, this.courseId]);
  /** This course's upcoming lessons cancelled by its teacher's absence. */
  private readonly cancelled = new LiveQueryController(this, 'cancelledLessons', () => [{ courseId: this.courseId, studentId: this.studentId }]);
  /** "Signaler une absence": the coming lessons to choose from, and the absences already announced. */
  private readonly notices = new LiveQueryController(this, 'courseNotices', () => [this.studentId, this.courseId]);
  /** The announcement form is open (a disclosure: its button says aria-expanded). */
  @state() private noticeOpen = false;

  /** The form could not be downloaded (offline before the service worker had kept it). */
  @state() private noticeUnavailable = false;
  /** The form's scripts are on their way: a second press waits for them rather than closing it. */
  private noticeLoading = false;

  /**
   * The form's module (and with it zod and the form's schema) and its words are loaded when the
   * form is first opened, not with the sheet: most visits only read, and evaluating the schemas
   * made a good part of the sheet's first-load work on a phone; its four areas of messages were
   * five of the sheet's 24 scripts. The service worker precaches them, so it opens offline.
   */
  private async toggleNotice() {
    if (this.noticeOpen) {
      this.noticeOpen = false;
      return;
    }
    if (this.noticeLoading) return;
    this.noticeLoading = true;
    const courseId = this.courseId;
    // A failure after a failure is announced again: the alert leaves the page before the new try.
    this.noticeUnavailable = false;
    await this.updateComplete;
    try {
      await Promise.all([import('../../family/components/po-absence-notice-form.ts'), loadAreaMessages(['records', 'teacher', 'teaching', 'validation'])]);
    } catch {
      // Browsers that follow the current HTML standard ask for a failed module again on the next
      // try; older ones remember the failure until the page reloads.
      this.noticeUnavailable = this.courseId === courseId;
      return;
    } finally {
      this.noticeLoading = false;
    }
    // Another course's sheet since the press: its form stays closed until asked for.
    if (this.courseId === courseId) this.noticeOpen = true;
  }

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    const moved = ['studentId', 'courseId'].some((k) => changed.has(k) && changed.get(k) !== undefined);
    if (moved) {
      this.data.refresh();
      this.cancelled.refresh();
      this.notices.refresh();
      this.noticeOpen = false;
      this.noticeUnavailable = false;
    }
  }

  /** After a tab was chosen with the keyboard the URL changes, but focus stays on the tab (ARIA tabs pattern). */
  override async focusHeading() {
    if (this.tabsElement?.hasTabFocus()) return;
    return super.focusHeading();
  }

  private heading() {
    const d = this.data.value;
    if (!d) return t('courses.heading');
    if (!d.student) return studentNotFoundHeading(d.synced, t('courses.heading'));
    return d.row ? d.row.course.name : t('pedagogy.courseNotFound');
  }

  protected pageTitle() {
    const d = this.data.value;
    return d?.student && d.row ? `${d.row.course.name} — ${studentName(d.student)}` : this.heading();
  }

  override render() {
    return html`<h1>${this.heading()}</h1>${this.renderBody()}`;
  }

  private renderBody() {
    const d = this.data.value;
    if (!d) return html`<po-data-pending></po-data-pending>`;
    if (!d.student) return studentNotFound(d.synced);
    const list = `/eleves/${d.student.id}/cours`;
    if (!d.row || !d.details) {
      return html`<po-student-tabs student-id=${d.student.id} current="courses" .atRoot=${false}></po-student-tabs>
        ${recordNotFound(t('pedagogy.courseNotFoundText'), list, t('pedagogy.backToCourses'))}`;
    }
    const { course, teacher, room, department, enrollment } = d.row;
    const sheet = `${list}/${course.id}`;
    const tabSuffix = this.tab === 'suivi' ? '' : `/${this.tab}`;
    return html`
      <p class="subtitle">${studentName(d.student)} — ${d.year}</p>
      <po-teacher-absence-notice .notices=${this.cancelled.value ?? []}></po-teacher-absence-notice>
      <po-student-tabs student-id=${d.student.id} current="courses" .atRoot=${false}></po-student-tabs>
      <section aria-labelledby="about-title">
        <h2 id="about-title">${t('course.about')}</h2>
        ${recordList([
          [t('courses.col.department'), department?.name],
          [t('courses.col.teacher'), teacherName(teacher)],
          [t('courses.col.cycle'), course.cycle],
          [t('courses.col.room'), room?.name],
          [t('courses.col.day'), course.weekday ? formatWeekday(course.weekday) : ''],
          [t('courses.col.start'), course.startTime],
          [t('courses.col.duration'), course.durationMinutes ? formatMinutes(course.durationMinutes) : ''],
          [t('courses.col.active'), enrollment.active ? t('pedagogy.yes') : t('pedagogy.no')],
        ])}
      </section>
      ${this.renderNoticeDisclosure()}
      <po-tabs
        label=${t('course.tabs')}
        selected=${this.tab}
        .tabs=${[
          { id: 'suivi', label: t('course.tab.followUp'), href: `${sheet}/suivi` },
          { id: 'evaluations', label: t('course.tab.evaluations'), href: `${sheet}/evaluations` },
          { id: 'absences', label: t('course.tab.absences'), href: `${sheet}/absences` },
        ]}
      >
        ${this.renderPanel(d, `${sheet}/${this.tab}`)}
      </po-tabs>
      <po-record-nav noun="course" .hrefs=${d.rows.map((r) => `${list}/${r.course.id}${tabSuffix}`)} .index=${d.index}></po-record-nav>
      <p><a href=${list}>${t('pedagogy.back')}</a></p>
    `;
  }

  /** "Signaler une absence" opens the form in place (only while the student is enrolled this year). */
  private renderNoticeDisclosure() {
    const notices = this.notices.value;
    if (!notices?.choices.length) return nothing;
    return html`<div class="notice-disclosure">
      <button type="button" class="secondary" aria-expanded=${this.noticeOpen ? 'true' : 'false'} aria-controls="absence-notice" @click=${() => void this.toggleNotice()}>
        ${t('notice.button')}
      </button>
      ${this.noticeUnavailable ? html`<p class="notice error" role="alert">${t('common.offlineAction')}</p>` : nothing}
      <section id="absence-notice" aria-labelledby="absence-notice-title" ?hidden=${!this.noticeOpen}>
        <h2 id="absence-notice-title">${t('notice.formTitle')}</h2>
        ${this.noticeOpen ? html`<po-absence-notice-form .choices=${notices.choices}></po-absence-notice-form>` : nothing}
      </section>
    </div>`;
  }

  private renderPanel(d: Sheet, tabHref: string): TemplateResult {
    const details = d.details!;
    const teacherOf = (id: string | null) => teacherName(details.teachers.find((x: Teacher) => x.id === id) ?? (d.row!.teacher?.id === id ? d.row!.teacher : undefined));
    const dateLink = (id: string, date: string) => html`<a href="${tabHref}/${id}">${formatDate(date)}</a>`;
    const yesNo = (v: boolean) => (v ? t('pedagogy.yes') : t('pedagogy.no'));

    if (this.tab === 'evaluations') {
      const rows = details.evaluations;
      if (this.itemId) {
        return this.renderItem(rows, tabHref, (e: Evaluation) => [
          t('course.evaluationTitle', { date: formatDate(e.date) }),
          [
            [t('course.col.date'), formatDate(e.date)],
            [t('course.col.kind'), e.kind],
            [t('course.col.result'), evaluationResult(e)],
            [t('course.col.comment'), e.comment ? html`<span class="long">${e.comment}</span>` : ''],
          ],
        ]);
      }
      if (!rows.length) return html`<p>${t('course.emptyEvaluations')}</p>`;
      return html`<div class="table-wrap"><table>
        <caption class="visually-hidden">${t('course.tab.evaluations')}</caption>
        <thead><tr>
          <th scope="col">${t('course.col.date')}</th>
          <th scope="col">${t('course.col.kind')}</th>
          <th scope="col">${t('course.col.result')}</th>
          <th scope="col">${t('course.col.comment')}</th>
        </tr></thead>
        <tbody>
          ${rows.map((e) => html`<tr>
            <th scope="row">${dateLink(e.id, e.date)}</th>
            <td data-label=${t('course.col.kind')}>${e.kind}</td>
            <td data-label=${t('course.col.result')}>${evaluationResult(e)}</td>
            <td data-label=${t('course.col.comment')} class="long">${e.comment}</td>
          </tr>`)}
        </tbody>
      </table></div>`;
    }

    if (this.tab === 'absences' && !this.itemId) {
      // The absences recorded at the roll calls, then those the family announced (with "Retirer" before the day).
      return html`${this.renderAbsences(details.absences, dateLink)}
        <po-announced-absences .notices=${this.notices.value?.announced ?? []}></po-announced-absences>`;
    }
    if (this.tab === 'absences') {
      const rows = details.absences;
      if (this.itemId) {
        return this.renderItem(rows, tabHref, (a: Absence) => [
          t('course.absenceTitle', { date: formatDate(a.date) }),
          [
            [t('course.col.date'), formatDate(a.date)],
            [t('course.col.excused'), yesNo(a.excused)],
            [t('course.col.reason'), a.reason ? html`<span class="long">${a.reason}</span>` : ''],
            [t('course.recordedBy'), (a as Absence & { recordedBy?: string | null }).recordedBy ?? ''],
          ],
        ]);
      }
      return this.renderAbsences(rows, dateLink);
    }

    const rows = details.notes;
    if (this.itemId) {
      return this.renderItem(rows, tabHref, (n: FollowUpNote) => [
        t('course.noteTitle', { date: formatDate(n.date) }),
        [
          [t('course.col.date'), formatDate(n.date)],
          [t('course.col.teacher'), teacherOf(n.teacherId)],
          [t('course.col.note'), html`<span class="long">${n.text}</span>`],
        ],
      ]);
    }
    if (!rows.length) return html`<p>${t('course.emptyFollowUp')}</p>`;
    return html`<div class="table-wrap"><table>
      <caption class="visually-hidden">${t('course.tab.followUp')}</caption>
      <thead><tr>
        <th scope="col">${t('course.col.date')}</th>
        <th scope="col">${t('course.col.teacher')}</th>
        <th scope="col">${t('course.col.note')}</th>
      </tr></thead>
      <tbody>
        ${rows.map((n) => html`<tr>
          <th scope="row">${dateLink(n.id, n.date)}</th>
          <td data-label=${t('course.col.teacher')}>${teacherOf(n.teacherId)}</td>
          <td data-label=${t('course.col.note')} class="long">${n.text}</td>
        </tr>`)}
      </tbody>
    </table></div>`;
  }

  /** The absences recorded at the roll calls (the teacher's), newest first. */
  private renderAbsences(rows: Absence[], dateLink: (id: string, date: string) => TemplateResult): TemplateResult {
    const yesNo = (v: boolean) => (v ? t('pedagogy.yes') : t('pedagogy.no'));
    if (!rows.length) return html`<p>${t('course.emptyAbsences')}</p>`;
    return html`<div class="table-wrap"><table>
      <caption class="visually-hidden">${t('course.tab.absences')}</caption>
      <thead><tr>
        <th scope="col">${t('course.col.date')}</th>
        <th scope="col">${t('course.col.excused')}</th>
        <th scope="col">${t('course.col.reason')}</th>
      </tr></thead>
      <tbody>
        ${rows.map((a) => html`<tr>
          <th scope="row">${dateLink(a.id, a.date)}</th>
          <td data-label=${t('course.col.excused')}>${yesNo(a.excused)}</td>
          <td data-label=${t('course.col.reason')} class="long">${a.reason}</td>
        </tr>`)}
      </tbody>
    </table></div>`;
  }

  /** One line in full, with the navigation between the tab's lines and the way back to them. */
  private renderItem<T extends { id: string }>(
    rows: T[],
    tabHref: string,
    describe: (row: T) => [string, Array<[string, string | TemplateResult | null | undefined]>],
  ): TemplateResult {
    const index = rows.findIndex((r) => r.id === this.itemId);
    const back = html`<p><a href=${tabHref}>${t('pedagogy.backToList')}</a></p>`;
    if (index < 0) return html`<p>${t('pedagogy.itemNotFound')}</p>${back}`;
    const [title, fields] = describe(rows[index]);
    return html`
      <h2 class="detail">${title}</h2>
      ${recordList(fields)}
      <po-record-nav noun="line" .hrefs=${rows.map((r) => `${tabHref}/${r.id}`)} .index=${index}></po-record-nav>
      ${back}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-course-page': PoCoursePage;
  }
}
