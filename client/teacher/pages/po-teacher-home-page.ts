import { css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { PageElement } from '../../components/page-element.ts';
import '../../components/po-data-pending.ts';
import '../components/po-lesson-state.ts';
import { LiveQueryController } from '../../data/live-query-controller.ts';
import { formatDate, formatMinutes, formatWeekday, t } from '../../i18n/i18n.ts';
import { reflowTableStyles } from '../../styles/reflow-table-styles.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import { signedInTeacherId } from './teaching-form-result.ts';

/**
 * `/enseignant`: the teacher's week (each lesson with its day, time, room and class, "Annulé" in
 * words when one of their absences cancels it, and a link to its roll call) and their classes of
 * the year with their number of students, each linking to its page. Read from the device.
 */
@customElement('po-teacher-home-page')
export class PoTeacherHomePage extends PageElement {
  static override styles = [
    pageStyles,
    reflowTableStyles,
    css`
      section {
        margin-block-end: 2rem;
      }
    `,
  ];

  private readonly data = new LiveQueryController(this, 'teacherHome', () => [signedInTeacherId()]);

  protected pageTitle() {
    return t('teacher.title');
  }

  override render() {
    const d = this.data.value;
    if (!d) return html`<h1>${t('teacher.title')}</h1><po-data-pending></po-data-pending>`;
    const name = d.teacher ? `${d.teacher.civility} ${d.teacher.firstName} ${d.teacher.lastName}`.trim() : '';
    return html`
      <h1>${t('teacher.title')}</h1>
      <p>${t('teacher.welcome', { name, year: d.year })}</p>
      ${this.renderWeek(d)} ${this.renderClasses(d)}
    `;
  }

  private renderWeek(d: NonNullable<typeof this.data.value>) {
    const col = { date: t('teacherHome.col.date'), time: t('teacher.col.time'), room: t('teacher.col.room'), state: t('teacherHome.col.state') };
    return html`<section aria-labelledby="week-title">
      <h2 id="week-title">${t('teacherHome.weekTitle')}</h2>
      ${d.lessons.length
        ? html`<div class="table-wrap">
            <table>
              <caption>${t('teacherHome.weekCaption', { from: formatDate(d.week.from), to: formatDate(d.week.to) })}</caption>
              <thead>
                <tr>
                  <th scope="col">${col.date}</th>
                  <th scope="col">${col.time}</th>
                  <th scope="col">${col.room}</th>
                  <th scope="col">${t('teacherHome.col.class')}</th>
                  <th scope="col">${col.state}</th>
                </tr>
              </thead>
              <tbody>
                ${d.lessons.map(({ course, room, lesson }) => {
                  const day = formatDate(lesson.date, { weekday: 'long', day: 'numeric', month: 'long' });
                  return html`<tr>
                    <th scope="row">${day}</th>
                    <td data-label=${col.time}>${course.startTime ?? ''}</td>
                    <td data-label=${col.room}>${room?.name ?? ''}</td>
                    <td data-label=${t('teacherHome.col.class')}><a href="/enseignant/cours/${course.id}">${course.name}</a></td>
                    <td data-label=${col.state}>
                      <po-lesson-state .lesson=${lesson}></po-lesson-state>
                      ${lesson.cancelled
                        ? ''
                        : html` — <a href="/enseignant/cours/${course.id}/appel/${lesson.date}"
                              >${t('teacherHome.rollCall')}<span class="visually-hidden"> : ${course.name}, ${day}</span></a
                            >`}
                    </td>
                  </tr>`;
                })}
              </tbody>
            </table>
          </div>`
        : html`<p>${t('teacherHome.noLesson')}</p>`}
    </section>`;
  }

  private renderClasses(d: NonNullable<typeof this.data.value>) {
    const col = { day: t('teacher.col.day'), time: t('teacher.col.time'), duration: t('teacher.col.duration'), room: t('teacher.col.room'), students: t('teacher.col.students') };
    return html`<section aria-labelledby="classes-title">
      <h2 id="classes-title">${t('teacherHome.classesTitle')}</h2>
      ${d.classes.length
        ? html`<div class="table-wrap">
            <table>
              <caption class="visually-hidden">${t('teacherHome.classesTitle')} ${d.year}</caption>
              <thead>
                <tr>
                  <th scope="col">${t('teacher.col.course')}</th>
                  <th scope="col">${col.day}</th>
                  <th scope="col">${col.time}</th>
                  <th scope="col">${col.duration}</th>
                  <th scope="col">${col.room}</th>
                  <th scope="col">${col.students}</th>
                </tr>
              </thead>
              <tbody>
                ${d.classes.map(
                  ({ course, room, students }) => html`<tr>
                    <th scope="row"><a href="/enseignant/cours/${course.id}">${course.name}</a></th>
                    <td data-label=${col.day}>${course.weekday ? formatWeekday(course.weekday) : ''}</td>
                    <td data-label=${col.time}>${course.startTime ?? ''}</td>
                    <td data-label=${col.duration}>${course.durationMinutes ? formatMinutes(course.durationMinutes) : ''}</td>
                    <td data-label=${col.room}>${room?.name ?? ''}</td>
                    <td data-label=${col.students}>${t('teacher.studentsCount', { count: students })}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`
        : html`<p>${t('teacher.noClasses')}</p>`}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-teacher-home-page': PoTeacherHomePage;
  }
}
