import { css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { navigate } from '../../app/navigate.ts';
import { PageElement } from '../../components/page-element.ts';
import '../components/po-student-tabs.ts';
import '../../components/po-data-pending.ts';
import { LiveQueryController } from '../../data/live-query-controller.ts';
import { studentName, teacherName } from '../data/pedagogy-names.ts';
import { t } from '../../i18n/i18n.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import { reflowTableStyles } from '../../styles/reflow-table-styles.ts';
import { studentNotFound, studentNotFoundHeading } from './pedagogy-not-found.ts';

/**
 * `/eleves/:id/historique`: the courses of earlier school years, newest first, filterable by year
 * (`?annee=2024/2025`, so a filtered list can be bookmarked). Each class name opens its history
 * entry.
 */
@customElement('po-student-history-page')
export class PoStudentHistoryPage extends PageElement {
  static override styles = [
    pageStyles,
    reflowTableStyles,
    css`
      .filter {
        display: grid;
        gap: 0.25em;
        max-inline-size: 20rem;
        margin-block-end: var(--po-paragraph-spacing, 1rem);
      }
    `,
  ];

  /** The student shown (the route's `:id`). */
  @property({ attribute: false }) studentId = '';
  /** The year shown, '' for all of them. */
  @state() private year = '';

  private readonly data = new LiveQueryController(this, 'studentHistory', () => [this.studentId]);

  override connectedCallback() {
    super.connectedCallback();
    this.year = new URLSearchParams(location.search).get('annee') ?? '';
  }

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('studentId') && changed.get('studentId') !== undefined) this.data.refresh();
  }

  private heading() {
    const d = this.data.value;
    if (d && !d.student) return studentNotFoundHeading(d.synced, t('history.heading'));
    return d?.student ? t('history.title', { name: studentName(d.student) }) : t('history.heading');
  }

  protected pageTitle() {
    return this.heading();
  }

  private _onYearChange(event: Event) {
    this.year = (event.target as HTMLSelectElement).value;
    const url = new URL(location.href);
    if (this.year) url.searchParams.set('annee', this.year);
    else url.searchParams.delete('annee');
    navigate(url.pathname + url.search, { replace: true });
  }

  override render() {
    return html`<h1>${this.heading()}</h1>${this.renderBody()}`;
  }

  private renderBody() {
    const d = this.data.value;
    if (!d) return html`<po-data-pending></po-data-pending>`;
    if (!d.student) return studentNotFound(d.synced);
    const year = d.years.includes(this.year) ? this.year : '';
    const rows = year ? d.rows.filter((r) => r.enrollment.schoolYear === year) : d.rows;
    const base = `/eleves/${d.student.id}/historique`;
    return html`
      <po-student-tabs student-id=${d.student.id} current="history" student-nav></po-student-tabs>
      ${d.rows.length
        ? html`
            <div class="filter">
              <label for="year">${t('history.filter')}</label>
              <select id="year" @change=${this._onYearChange}>
                <option value="" ?selected=${!year}>${t('history.allYears')}</option>
                ${d.years.map((y) => html`<option value=${y} ?selected=${y === year}>${y}</option>`)}
              </select>
            </div>
            <div class="table-wrap">
              <table>
                <caption>${t('history.caption')} — ${t('history.filterCount', { count: rows.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col">${t('history.col.year')}</th>
                    <th scope="col">${t('history.col.department')}</th>
                    <th scope="col">${t('history.col.course')}</th>
                    <th scope="col">${t('history.col.cycle')}</th>
                    <th scope="col">${t('history.col.teacher')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${rows.map(
                    ({ enrollment, course, department, teacher }) => html`<tr>
                      <td data-label=${t('history.col.year')}>${enrollment.schoolYear}</td>
                      <td data-label=${t('history.col.department')}>${department?.name ?? ''}</td>
                      <th scope="row"><a href="${base}/${enrollment.id}">${course.name}</a></th>
                      <td data-label=${t('history.col.cycle')}>${course.cycle}</td>
                      <td data-label=${t('history.col.teacher')}>${teacherName(teacher)}</td>
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>
          `
        : html`<p>${t('history.empty')}</p>`}
      <p><a href="/eleves/${d.student.id}">${t('pedagogy.back')}</a></p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-student-history-page': PoStudentHistoryPage;
  }
}
