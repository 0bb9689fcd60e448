import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { PageElement } from '../../components/page-element.ts';
import { offlineNotice } from '../../components/offline-notice.ts';
import { OfflineError } from '../../data/command-errors.ts';
import { t } from '../../i18n/i18n.ts';
import { reflowTableStyles } from '../../styles/reflow-table-styles.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import { fetchTeachers, fullTeacherName, type SiteTeacher } from '../data/teacher-absences.ts';

/**
 * `/admin/enseignants`: the site's teachers with their number of classes this year, each name
 * opening the teacher's page (their classes), with a link to their absences (declared or withdrawn there for them). Online only, like every
 * secretariat screen: offline, the page says so and offers to retry.
 */
@customElement('po-admin-teachers-page')
export class PoAdminTeachersPage extends PageElement {
  static override styles = [pageStyles, reflowTableStyles];

  @state() private teachers: SiteTeacher[] | null = null;
  @state() private offline = false;

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  protected pageTitle() {
    return t('adminTeachers.title');
  }

  private async load() {
    try {
      this.teachers = (await fetchTeachers()).teachers;
      this.offline = false;
    } catch (error) {
      if (error instanceof OfflineError) this.offline = true;
      else throw error;
    }
  }

  override render() {
    return html`
      <p><a href="/admin">${t('admin.title')}</a></p>
      <h1>${t('adminTeachers.title')}</h1>
      <p><a href="/admin/enseignants/nouveau">${t('newTeacher.title')}</a></p>
      <div role="status">${this.offline ? offlineNotice(t('adminTeachers.offline'), () => void this.load()) : nothing}</div>
      ${this.teachers ? this.renderTable(this.teachers) : this.offline ? nothing : html`<p>${t('common.loading')}</p>`}
    `;
  }

  private renderTable(teachers: SiteTeacher[]) {
    if (!teachers.length) return html`<p>${t('adminTeachers.none')}</p>`;
    const col = { courses: t('adminTeachers.col.courses'), absences: t('adminTeachers.col.absences') };
    return html`<div class="table-wrap">
      <table>
        <caption>${t('adminTeachers.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">${t('adminTeachers.col.teacher')}</th>
            <th scope="col">${col.courses}</th>
            <th scope="col">${col.absences}</th>
          </tr>
        </thead>
        <tbody>
          ${teachers.map((x) => {
            const name = fullTeacherName(x);
            return html`<tr>
              <th scope="row"><a href="/admin/enseignants/${encodeURIComponent(x.id)}">${name}</a></th>
              <td data-label=${col.courses}>${x.courses}</td>
              <td data-label=${col.absences}><a href="/admin/enseignants/${encodeURIComponent(x.id)}/absences">${t('adminTeachers.absencesOf', { name })}</a></td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-admin-teachers-page': PoAdminTeachersPage;
  }
}
