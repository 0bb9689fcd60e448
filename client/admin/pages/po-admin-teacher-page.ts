import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { offlineNotice } from '../../components/offline-notice.ts';
import { PageElement } from '../../components/page-element.ts';
import { formatWeekday, t } from '../../i18n/i18n.ts';
import { reflowTableStyles } from '../../styles/reflow-table-styles.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import { fullTeacherName } from '../data/teacher-absences.ts';
import { fetchTeacherClasses, readForDesk, type TeacherClasses } from '../data/teaching-desk.ts';

/**
 * `/admin/enseignants/:teacherId`: a teacher of the site, a link to their absences, and their
 * classes of the year (day, time, name, cycle, number of students), each opening the class's
 * records (`/admin/cours/:courseId`). Online only: offline, the page says so and offers to retry;
 * another site's teacher is "introuvable".
 */
@customElement('po-admin-teacher-page')
export class PoAdminTeacherPage extends PageElement {
  static override styles = [pageStyles, reflowTableStyles];

  /** The teacher shown (the route's `:teacherId`). */
  @property({ attribute: false }) teacherId = '';

  @state() private data: TeacherClasses | null = null;
  @state() private missing = false;
  @state() private offline = false;

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('teacherId') && this.teacherId) void this.load();
  }

  protected pageTitle() {
    if (this.missing) return t('desk.teacher.notFound');
    return this.data ? fullTeacherName(this.data.teacher) : t('desk.teacher.heading');
  }

  private async load() {
    const read = await readForDesk(() => fetchTeacherClasses(this.teacherId));
    // Offline, what was read before stays on screen under the notice.
    this.offline = read === 'offline';
    this.missing = read === 'missing';
    if (typeof read === 'object') this.data = read;
  }

  override render() {
    const back = html`<p><a href="/admin/enseignants">${t('desk.backToTeachers')}</a></p>`;
    if (this.missing) return html`${back}<h1>${t('desk.teacher.notFound')}</h1><p>${t('desk.teacher.notFoundText')}</p>`;
    const d = this.data;
    return html`
      ${back}
      <h1>${this.pageTitle()}</h1>
      <div role="status">${this.offline ? offlineNotice(t('desk.offline'), () => void this.load()) : nothing}</div>
      ${d ? this.renderClasses(d) : this.offline ? nothing : html`<p>${t('common.loading')}</p>`}
    `;
  }

  private renderClasses(d: TeacherClasses) {
    const name = fullTeacherName(d.teacher);
    const col = { day: t('desk.col.day'), time: t('desk.col.time'), class: t('desk.col.class'), cycle: t('desk.col.cycle'), students: t('desk.col.students') };
    return html`
      <p><a href="/admin/enseignants/${encodeURIComponent(d.teacher.id)}/absences">${t('desk.teacher.absences', { name })}</a></p>
      <h2>${t('desk.teacher.classes')}</h2>
      ${d.courses.length
        ? html`<div class="table-wrap">
            <table>
              <caption>${t('desk.teacher.caption', { name })}</caption>
              <thead>
                <tr>
                  <th scope="col">${col.day}</th>
                  <th scope="col">${col.time}</th>
                  <th scope="col">${col.class}</th>
                  <th scope="col">${col.cycle}</th>
                  <th scope="col">${col.students}</th>
                </tr>
              </thead>
              <tbody>
                ${d.courses.map(
                  (c) => html`<tr>
                    <td data-label=${col.day}>${c.weekday ? formatWeekday(c.weekday) : t('desk.notSet')}</td>
                    <td data-label=${col.time}>${c.startTime ?? t('desk.notSet')}</td>
                    <th scope="row"><a href="/admin/cours/${encodeURIComponent(c.id)}">${c.name}</a></th>
                    <td data-label=${col.cycle}>${c.cycle || '—'}</td>
                    <td data-label=${col.students}>${c.students}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`
        : html`<p>${t('desk.teacher.noClasses')}</p>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-admin-teacher-page': PoAdminTeacherPage;
  }
}
