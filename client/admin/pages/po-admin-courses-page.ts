import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { SCHOOL_YEAR_PATTERN, shiftSchoolYear } from '../../../shared/school-year.ts';
import { navigate } from '../../app/navigate.ts';
import { offlineNotice } from '../../components/offline-notice.ts';
import { PageElement } from '../../components/page-element.ts';
import { OfflineError } from '../../data/command-errors.ts';
import { formatMinutes, formatWeekday, t } from '../../i18n/i18n.ts';
import { reflowTableStyles } from '../../styles/reflow-table-styles.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import { fetchCourses, type CourseList, type CourseSummary } from '../data/courses.ts';
import { coursePlaces } from './course-labels.ts';

/**
 * `/admin/cours?annee=2026/2027`: the site's courses of a school year (the current one by
 * default) in a table that reflows into labelled rows on a narrow screen, each course linking to
 * its students; a year selector (its own "Afficher" button: choosing does not navigate by itself)
 * and "Nouveau cours". Online only, like every secretariat screen: offline, it says so and offers to retry.
 */
@customElement('po-admin-courses-page')
export class PoAdminCoursesPage extends PageElement {
  static override styles = [pageStyles, reflowTableStyles];

  @state() private data: CourseList | null = null;
  @state() private offline = false;
  @state() private year = '';

  override connectedCallback() {
    super.connectedCallback();
    const asked = new URLSearchParams(location.search).get('annee') ?? '';
    this.year = SCHOOL_YEAR_PATTERN.test(asked) ? asked : '';
    void this.load();
  }

  protected pageTitle() {
    return t('adminCourses.title');
  }

  private async load() {
    try {
      this.data = await fetchCourses(this.year);
      this.year = this.data.schoolYear;
      this.offline = false;
    } catch (error) {
      if (error instanceof OfflineError) this.offline = true;
      else throw error;
    }
  }

  override render() {
    const d = this.data;
    return html`
      <p><a href="/admin">${t('admin.title')}</a></p>
      <h1>${t('adminCourses.title')}</h1>
      <div role="status">${this.offline ? offlineNotice(t('adminCourses.offline'), () => void this.load()) : nothing}</div>
      ${d ? this.renderBody(d) : this.offline ? nothing : html`<p>${t('common.loading')}</p>`}
    `;
  }

  private renderBody(d: CourseList) {
    const years = [-1, 0, 1].map((n) => shiftSchoolYear(d.currentSchoolYear, n));
    if (!years.includes(d.schoolYear)) years.unshift(d.schoolYear);
    return html`
      <form class="year" @submit=${this._onYear}>
        <div class="field">
          <label for="year">${t('adminCourses.year')}</label>
          <select id="year" name="year">
            ${years.map((y) => html`<option value=${y} ?selected=${y === d.schoolYear}>${y}</option>`)}
          </select>
        </div>
        <div class="actions">
          <button type="submit" class="secondary">${t('adminCourses.showYear')}</button>
          <a class="button" href="/admin/cours/nouveau?annee=${encodeURIComponent(d.schoolYear)}">${t('adminCourses.new')}</a>
        </div>
      </form>
      ${d.courses.length ? this.renderTable(d.schoolYear, d.courses) : html`<p>${t('adminCourses.none')}</p>`}
    `;
  }

  private renderTable(year: string, courses: CourseSummary[]) {
    const col = {
      department: t('adminCourses.col.department'),
      teacher: t('adminCourses.col.teacher'),
      room: t('adminCourses.col.room'),
      when: t('adminCourses.col.when'),
      duration: t('adminCourses.col.duration'),
      cycle: t('adminCourses.col.cycle'),
      places: t('adminCourses.col.places'),
      waiting: t('adminCourses.col.waiting'),
      state: t('adminCourses.col.state'),
    };
    return html`<div class="table-wrap">
      <table>
        <caption>${t('adminCourses.caption', { year })}</caption>
        <thead>
          <tr>
            <th scope="col">${t('adminCourses.col.course')}</th>
            ${Object.values(col).map((label) => html`<th scope="col">${label}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${courses.map(
            (c) => html`<tr>
              <th scope="row"><a href="/admin/cours/${encodeURIComponent(c.id)}/inscriptions">${c.name}</a></th>
              <td data-label=${col.department}>${c.department}</td>
              <td data-label=${col.teacher}>${c.teacher}</td>
              <td data-label=${col.room}>${c.room ?? ''}</td>
              <td data-label=${col.when}>${c.weekday ? t('adminCourses.when', { day: formatWeekday(c.weekday), time: c.startTime ?? '' }) : ''}</td>
              <td data-label=${col.duration}>${c.durationMinutes ? formatMinutes(c.durationMinutes) : ''}</td>
              <td data-label=${col.cycle}>${c.cycle || t('adminCourses.noCycle')}</td>
              <td data-label=${col.places}>${coursePlaces(c)}</td>
              <td data-label=${col.waiting}>${c.waiting}</td>
              <td data-label=${col.state}>${c.closed ? t('adminCourses.closed') : t('adminCourses.open')}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private _onYear(event: Event) {
    event.preventDefault();
    const select = this.shadowRoot!.getElementById('year') as HTMLSelectElement;
    this.year = select.value;
    navigate(`/admin/cours?annee=${encodeURIComponent(this.year)}`, { replace: true });
    void this.load();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-admin-courses-page': PoAdminCoursesPage;
  }
}
