import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { PageElement } from '../../components/page-element.ts';
import '../../components/po-data-pending.ts';
import '../components/po-lesson-state.ts';
import '../../calendar/components/po-teacher-course-events.ts';
import { contactList, contactListStyles } from '../../family/components/emergency-contacts-view.ts';

import type { QueryResult } from '../../data/named-queries.ts';
import { LiveQueryController } from '../../data/live-query-controller.ts';
import { formatDate, formatWeekday, t } from '../../i18n/i18n.ts';
import { reflowTableStyles } from '../../styles/reflow-table-styles.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import { courseNotFound, signedInTeacherId } from './teaching-form-result.ts';

/** A class found among the teacher's. */
type CourseView = Extract<QueryResult<'teacherCourse'>, { roster: unknown }>;

/**
 * `/enseignant/cours/:courseId`: one of the teacher's classes — its students (names, cycle and the
 * emergency contacts the secretariat validated, with tel: links; nothing else about their families) and its lessons of the year, each linking to its roll call and
 * saying whether the roll call was taken or waits to be sent, and which are cancelled; links to
 * the class's evaluations and to each student's follow-up. Another
 * teacher's class, last year's or an unknown id: "Cours introuvable" with a way back.
 */
@customElement('po-teacher-course-page')
export class PoTeacherCoursePage extends PageElement {
  static override styles = [pageStyles, reflowTableStyles, contactListStyles];

  /** The class shown (the route's `:courseId`). */
  @property({ attribute: false }) courseId = '';

  private readonly data = new LiveQueryController(this, 'teacherCourse', () => [signedInTeacherId(), this.courseId]);

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('courseId') && changed.get('courseId') !== undefined) this.data.refresh();
  }

  private heading() {
    const d = this.data.value;
    if (!d) return t('teacherCourse.heading');
    return d.course ? d.course.name : t('teaching.courseNotFound');
  }

  protected pageTitle() {
    return this.heading();
  }

  override render() {
    // One h1 across loading, found and not found: the focus put on it after a navigation stays.
    return html`<h1>${this.heading()}</h1>${this.renderBody()}`;
  }

  private renderBody() {
    const d = this.data.value;
    if (!d) return html`<po-data-pending></po-data-pending>`;
    if (!d.course) return courseNotFound();
    const c = d.course;
    return html`
      <p>
        ${[d.department?.name, c.cycle].filter(Boolean).join(' — ')}<br />
        ${t('teacherCourse.summary', { day: c.weekday ? formatWeekday(c.weekday) : '', time: c.startTime ?? '', room: d.room?.name ?? '', year: d.year })}
      </p>
      <p><a href="/enseignant/cours/${c.id}/evaluations">${t('teacherCourse.evaluations')}</a></p>
      ${this.renderRoster(d)} ${this.renderLessons(d)}
      <po-teacher-course-events .courseId=${c.id}></po-teacher-course-events>
      <p><a href="/enseignant">${t('teaching.backToClasses')}</a></p>
    `;
  }

  private renderRoster(d: CourseView) {
    const roster = d.roster;
    return html`<section aria-labelledby="roster-title">
      <h2 id="roster-title">${t('teacherCourse.rosterTitle', { count: roster.length })}</h2>
      ${roster.length
        ? html`<div class="table-wrap">
            <table>
              <caption class="visually-hidden">${t('teacherCourse.rosterCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">${t('teacherCourse.col.student')}</th>
                  <th scope="col">${t('teacherCourse.col.cycle')}</th>
                  <th scope="col">${t('contacts.teacherColumn')}</th>
                </tr>
              </thead>
              <tbody>
                ${roster.map(
                  (r) => html`<tr>
                    <th scope="row"><a href="/enseignant/cours/${d.course.id}/eleves/${r.student.id}">${r.student.lastName} ${r.student.firstName}</a></th>
                    <td data-label=${t('teacherCourse.col.cycle')}>${r.cycle || '—'}</td>
                    <td data-label=${t('contacts.teacherColumn')}>${contactList(r.student.emergencyContacts, { empty: t('contacts.none') })}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`
        : html`<p>${t('teacherCourse.noStudent')}</p>`}
    </section>`;
  }

  private renderLessons(d: CourseView) {
    const lessons = d.lessons;
    const col = t('teacherCourse.col.state');
    return html`<section aria-labelledby="lessons-title">
      <h2 id="lessons-title">${t('teacherCourse.lessonsTitle')}</h2>
      ${lessons.length
        ? html`<div class="table-wrap">
            <table>
              <caption class="visually-hidden">${t('teacherCourse.lessonsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">${t('teacherCourse.col.date')}</th>
                  <th scope="col">${col}</th>
                </tr>
              </thead>
              <tbody>
                ${lessons.map(
                  (l) => html`<tr>
                    <th scope="row"><a href="/enseignant/cours/${d.course.id}/appel/${l.date}">${formatDate(l.date, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })}</a></th>
                    <td data-label=${col}><po-lesson-state .lesson=${l}></po-lesson-state></td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`
        : html`<p>${t('teacherCourse.noLessons')}</p>`}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-teacher-course-page': PoTeacherCoursePage;
  }
}
