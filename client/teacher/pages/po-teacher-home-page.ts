import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { session } from '../../app/session.ts';
import { PageElement } from '../../components/page-element.ts';
import '../../components/po-data-pending.ts';
import { teacherHome } from '../data/teacher-queries.ts';
import { LiveQueryController } from '../../data/live-query-controller.ts';
import { formatMinutes, formatWeekday, t } from '../../i18n/i18n.ts';
import { reflowTableStyles } from '../../styles/reflow-table-styles.ts';
import { pageStyles } from '../../styles/shared-styles.ts';

/** `/enseignant`: the teacher's name and classes of the year with their students, from the device. */
@customElement('po-teacher-home-page')
export class PoTeacherHomePage extends PageElement {
  static override styles = [
    pageStyles,
    reflowTableStyles,
  ];

  private readonly data = new LiveQueryController(this, () => teacherHome(session.value.info?.user.teacherId ?? ''));

  protected pageTitle() {
    return t('teacher.title');
  }

  override render() {
    const d = this.data.value;
    if (!d) return html`<h1>${t('teacher.title')}</h1><po-data-pending></po-data-pending>`;
    const name = d.teacher ? `${d.teacher.civility} ${d.teacher.firstName} ${d.teacher.lastName}`.trim() : (session.value.info?.user.name ?? '');
    const studentName = (id: string) => {
      const s = d.students.find((x) => x.id === id);
      return s ? `${s.firstName} ${s.lastName}` : '';
    };
    return html`
      <h1>${t('teacher.title')}</h1>
      <p>${t('teacher.welcome', { name, year: d.year })}</p>
      ${d.courses.length
        ? html`<div class="table-wrap">
            <table>
              <caption class="visually-hidden">${t('teacher.title')} ${d.year}</caption>
              <thead>
                <tr>
                  <th scope="col">${t('teacher.col.course')}</th>
                  <th scope="col">${t('teacher.col.day')}</th>
                  <th scope="col">${t('teacher.col.time')}</th>
                  <th scope="col">${t('teacher.col.duration')}</th>
                  <th scope="col">${t('teacher.col.room')}</th>
                  <th scope="col">${t('teacher.col.students')}</th>
                </tr>
              </thead>
              <tbody>
                ${d.courses.map((c) => {
                  const names = d.enrollments.filter((e) => e.courseId === c.id).map((e) => studentName(e.studentId)).filter(Boolean).sort();
                  return html`<tr>
                    <th scope="row">${c.name}</th>
                    <td data-label=${t('teacher.col.day')}>${c.weekday ? formatWeekday(c.weekday) : ''}</td>
                    <td data-label=${t('teacher.col.time')}>${c.startTime ?? ''}</td>
                    <td data-label=${t('teacher.col.duration')}>${c.durationMinutes ? formatMinutes(c.durationMinutes) : ''}</td>
                    <td data-label=${t('teacher.col.room')}>${d.rooms.find((r) => r.id === c.roomId)?.name ?? ''}</td>
                    <td data-label=${t('teacher.col.students')}>${t('teacher.studentsCount', { count: names.length })}${names.length ? html`: ${names.join(', ')}` : ''}</td>
                  </tr>`;
                })}
              </tbody>
            </table>
          </div>`
        : html`<p>${t('teacher.noClasses')}</p>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-teacher-home-page': PoTeacherHomePage;
  }
}
