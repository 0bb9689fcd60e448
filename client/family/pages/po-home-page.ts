import { css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { formatCents } from '../../../shared/money.ts';
import { StoreController } from '../../state/store.ts';
import { PageElement } from '../../components/page-element.ts';
import '../../components/po-data-pending.ts';
import '../components/po-teacher-absence-notice.ts';
import '../components/po-todo-list.ts';
import { LiveQueryController } from '../../data/live-query-controller.ts';
import { evaluationResult } from '../../pedagogy/data/pedagogy-names.ts';
import { syncStatus } from '../../data/sync-status.ts';
import { formatDate, formatDateTime, t } from '../../i18n/i18n.ts';
import { pageStyles } from '../../styles/shared-styles.ts';

/** `/accueil`: the family at a glance, read from the device: what to do, students, amount due, last sync. */
@customElement('po-home-page')
export class PoHomePage extends PageElement {
  static override styles = [
    pageStyles,
    css`
      /* Its line is kept while the first sync has no time to tell yet: the time arriving would push the page down. */
      .sync {
        min-block-size: 1lh;
      }
      .cards {
        list-style: none;
        padding: 0;
        display: grid;
        gap: 1rem;
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 16rem), 1fr));
      }
      .cards li {
        border: 1px solid var(--po-color-border);
        border-radius: var(--po-radius);
        padding: 1rem;
        background: var(--po-color-surface);
      }
      .cards h3 {
        margin: 0 0 0.25em;
        font-size: 1.15em;
      }
      .cards p {
        margin: 0;
      }
      .cards h4 {
        margin: 0.75em 0 0.25em;
        font-size: 1em;
      }
      .cards ul {
        padding-inline-start: 1.25em;
        margin: 0;
      }
      .due {
        font-size: 1.5em;
        font-weight: 700;
      }
      @media (forced-colors: active) {
        .cards li {
          border-color: CanvasText;
        }
      }
    `,
  ];

  private readonly data = new LiveQueryController(this, 'familyHome', () => []);
  private readonly status = new StoreController(this, syncStatus);
  /** Issue 5: per student, this week's lessons and the latest evaluation and absence. */
  private readonly week = new LiveQueryController(this, 'homeWeek', () => []);
  /** Upcoming lessons cancelled by a teacher's absence. */
  private readonly cancelled = new LiveQueryController(this, 'cancelledLessons', () => []);
  /** Issue 18: what needs the family's action. */
  private readonly todo = new LiveQueryController(this, 'homeTodo', () => []);

  protected pageTitle() {
    return t('home.title');
  }

  private renderWeek(studentId: string) {
    const w = this.week.value?.find((x) => x.student.id === studentId);
    if (!w) return nothing;
    const sheet = (courseId: string | undefined) => `/eleves/${studentId}/cours/${courseId ?? ''}`;
    const evaluation = w.latestEvaluation;
    const absence = w.latestAbsence;
    return html`
      <h4>${t('homeWeek.week')}</h4>
      ${w.lessons.length
        ? html`<ul>
            ${w.lessons.map(({ row, date }) => html`<li>
              ${t('homeWeek.lesson', { day: formatDate(date, { weekday: 'long', day: 'numeric', month: 'long' }), time: row.course.startTime ?? '' })} :
              <a href=${sheet(row.course.id)}>${row.course.name}</a>${row.room ? html`, ${t('homeWeek.lessonRoom', { room: row.room.name })}` : nothing}
            </li>`)}
          </ul>`
        : html`<p>${t('homeWeek.noLessons')}</p>`}
      <h4>${t('homeWeek.latestEvaluation')}</h4>
      ${evaluation
        ? html`<p>
            ${formatDate(evaluation.evaluation.date)} —
            <a href="${sheet(evaluation.course?.id)}/evaluations/${evaluation.evaluation.id}">${evaluation.course?.name ?? ''}</a> :
            ${evaluation.evaluation.kind}${evaluationResult(evaluation.evaluation) ? `, ${evaluationResult(evaluation.evaluation)}` : ''}
          </p>`
        : html`<p>${t('homeWeek.noEvaluation')}</p>`}
      <h4>${t('homeWeek.latestAbsence')}</h4>
      ${absence
        ? html`<p>
            ${formatDate(absence.absence.date)} —
            <a href="${sheet(absence.course?.id)}/absences/${absence.absence.id}">${absence.course?.name ?? ''}</a> :
            ${absence.absence.excused ? t('homeWeek.excused') : t('homeWeek.notExcused')}${absence.absence.reason ? ` (${absence.absence.reason})` : ''}
          </p>`
        : html`<p>${t('homeWeek.noAbsence')}</p>`}
    `;
  }

  override render() {
    // Shown at once when every block has its data: a block arriving later would push the others
    // down (Lighthouse measured a layout shift of 1.2 on the first visit, the "À faire" list
    // landing above the amount due and the students).
    const d = this.todo.value !== undefined && this.cancelled.value !== undefined && this.week.value !== undefined ? this.data.value : undefined;
    const name = d?.family ? `${d.family.civility} ${d.family.firstName} ${d.family.lastName}`.trim() : '';
    const lastSync = this.status.value.lastSyncAt;
    return html`
      <h1>${t('home.title')}</h1>
      ${!d
        ? html`<po-data-pending></po-data-pending>`
        : html`
            ${name ? html`<p>${t('home.welcome', { name })}</p>` : nothing}
            <p class="sync">${lastSync ? t('home.sync', { when: formatDateTime(lastSync) }) : nothing}</p>
            <po-todo-list .items=${this.todo.value}></po-todo-list>
            ${d.enrollments.length ? html`<p><a class="button secondary" href="/signaler-absence">${t('notice.homeLink')}</a></p>` : nothing}
            <po-teacher-absence-notice with-course .notices=${this.cancelled.value ?? []}></po-teacher-absence-notice>
            <section aria-labelledby="due-title">
              <h2 id="due-title">${t('home.amountDue')}</h2>
              ${d.due > 0
                ? html`<p class="due">${formatCents(d.due)}</p>`
                : html`<p>${t('home.nothingDue')}</p>`}
            </section>
            <section aria-labelledby="students-title">
              <h2 id="students-title">${t('home.students')}</h2>
              ${d.students.length
                ? html`<ul class="cards">
                    ${d.students.map((s) => {
                      const courses = d.enrollments.filter((e) => e.studentId === s.id).length;
                      return html`<li>
                        <h3><a href="/eleves/${s.id}">${s.firstName} ${s.lastName}</a></h3>
                        <p>${t('home.born', { date: formatDate(s.birthDate) })}</p>
                        <p>${t('home.courses', { count: courses })}</p>
                        ${this.renderWeek(s.id)}
                      </li>`;
                    })}
                  </ul>`
                : html`<p>${t('home.noStudents')}</p>`}
            </section>
          `}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-home-page': PoHomePage;
  }
}
