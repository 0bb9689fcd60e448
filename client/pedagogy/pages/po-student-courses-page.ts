import { css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { PageElement } from '../../components/page-element.ts';
import '../components/po-student-tabs.ts';
import '../../components/po-data-pending.ts';
import { LiveQueryController } from '../../data/live-query-controller.ts';
import { studentName, teacherName } from '../data/pedagogy-names.ts';
import { formatMinutes, formatWeekday, t } from '../../i18n/i18n.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import { reflowTableStyles } from '../../styles/reflow-table-styles.ts';
import { studentNotFound, studentNotFoundHeading } from './pedagogy-not-found.ts';

/**
 * `/eleves/:id/cours`: the student's courses of this school year, from the device. The course
 * name in each row is a link to its sheet (the old extranet's double-click): Tab reaches it,
 * Enter opens it. "Actif" is written out, never a colour or a box.
 */
@customElement('po-student-courses-page')
export class PoStudentCoursesPage extends PageElement {
  static override styles = [
    pageStyles,
    reflowTableStyles,
    css`
      .nowrap {
        white-space: nowrap;
      }
    `,
  ];

  /** The student shown (the route's `:id`). */
  @property({ attribute: false }) studentId = '';

  private readonly data = new LiveQueryController(this, 'studentCourses', () => [this.studentId]);

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('studentId') && changed.get('studentId') !== undefined) this.data.refresh();
  }

  private heading() {
    const d = this.data.value;
    if (d && !d.student) return studentNotFoundHeading(d.synced, t('courses.heading'));
    return d?.student ? t('courses.title', { name: studentName(d.student) }) : t('courses.heading');
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
    if (!d.student) return studentNotFound(d.synced);
    const base = `/eleves/${d.student.id}/cours`;
    return html`
      <po-student-tabs student-id=${d.student.id} current="courses" student-nav></po-student-tabs>
      ${d.rows.length
        ? html`<div class="table-wrap">
            <table>
              <caption>${t('courses.caption', { year: d.year })}</caption>
              <thead>
                <tr>
                  <th scope="col">${t('courses.col.course')}</th>
                  <th scope="col">${t('courses.col.teacher')}</th>
                  <th scope="col">${t('courses.col.cycle')}</th>
                  <th scope="col">${t('courses.col.room')}</th>
                  <th scope="col">${t('courses.col.day')}</th>
                  <th scope="col">${t('courses.col.start')}</th>
                  <th scope="col">${t('courses.col.duration')}</th>
                  <th scope="col">${t('courses.col.active')}</th>
                </tr>
              </thead>
              <tbody>
                ${d.rows.map(
                  ({ enrollment, course, teacher, room }) => html`<tr>
                    <th scope="row"><a href="${base}/${course.id}">${course.name}</a></th>
                    <td data-label=${t('courses.col.teacher')}>${teacherName(teacher)}</td>
                    <td data-label=${t('courses.col.cycle')}>${course.cycle}</td>
                    <td data-label=${t('courses.col.room')}>${room?.name ?? ''}</td>
                    <td data-label=${t('courses.col.day')}>${course.weekday ? formatWeekday(course.weekday) : ''}</td>
                    <td data-label=${t('courses.col.start')}>${course.startTime ?? ''}</td>
                    <td data-label=${t('courses.col.duration')} class="nowrap">${course.durationMinutes ? formatMinutes(course.durationMinutes) : ''}</td>
                    <td data-label=${t('courses.col.active')}>${enrollment.active ? t('pedagogy.yes') : t('pedagogy.no')}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`
        : html`<p>${t('courses.empty')}</p>`}
      <p><a href="/eleves/${d.student.id}">${t('pedagogy.back')}</a></p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-student-courses-page': PoStudentCoursesPage;
  }
}
